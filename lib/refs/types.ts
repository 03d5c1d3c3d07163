import type { PaperKind } from '../contract/kinds';

/** Kinds live in the one vocabulary (lib/contract/kinds.ts). */
export type { PaperKind, RefKind } from '../contract/kinds';

/** The parsed pieces of a reference, as far as the text gives them. */
export interface RefParts {
  dossier?: string;
  toevoeging?: string;
  /** Ondernummer: digits, optionally a lower-case letter (`42e`), or an Eerste Kamer letter (`E`, `AA`). */
  number?: string;
  /** Other dossiers of a joint citation (`Kamerstukken 19 637 en 30 573`); the number belongs to the first. */
  alsoDossiers?: string[];
  /** As written in the id: `20182019`; for Handelingen and Aanhangsel part of the id, for Kamerstukken not. */
  vergaderjaar?: string;
  /** Page reference as written (`7–8`, `12 en 13`). */
  pages?: string;
  /** Handelingen: the meeting number and the agenda item. */
  vergadering?: string;
  item?: string;
  /** Staatsblad, Staatscourant, Tractatenblad: the year. */
  year?: string;
  /** Which Kamer the citation names, where it does: 'I' (Eerste) or 'II' (Tweede). */
  kamer?: 'I' | 'II';
  /** The dossier is the page's own (DetectContext), not written in the text: `de motie op stuk nr. 44`. */
  fromPage?: true;
}

/**
 * What the page knows of itself, for references whose dossier only the page gives (`TER VERVANGING VAN DIE GEDRUKT
 * ONDER NR. 404` on a motion's own page, `motie op stuk nr. 44` in the Handelingen of a debate on one dossier). Plain
 * data, so detection with it stays pure. `dossier` (and `toevoeging`) win over what `id` gives.
 */
export interface DetectContext {
  /** `36333`, `36 333`. */
  dossier?: string;
  /** `VI`, `A`, `20`: the dossier's toevoeging, where it has one. */
  toevoeging?: string;
  /** The page's own paper id, `kst-36333-39`: its dossier and toevoeging, when `dossier` is not given. */
  id?: string;
}

interface Span {
  /** The text as it stands in the input. */
  text: string;
  /** UTF-16 offsets into the input, end exclusive. */
  start: number;
  end: number;
  /** 0..1: how sure the detector is that this is a reference and that the id is right. */
  confidence: number;
}

/** A reference to a paper, a publication, a dossier or a TK document/zaak. */
export interface PaperRef extends Span {
  kind: PaperKind;
  /** `kst-19637-2375`, `h-tk-20182019-27-10`, `stb-2019-143`, `dossier-36333`, `2019D41229`, … */
  id: string;
  parts: RefParts;
}

/** A mention of a motion: `de motie van het lid Groothuizen c.s.`, `motie-Verhoeven/Groothuizen`. */
export interface MotionRef extends Span {
  kind: 'motion';
  /** Surnames of the members who submitted it, lower case, with particles (`van laar`), in the order given. */
  members: string[];
  /** Whether the text says `c.s.` (co-signed by others not named). */
  cs: boolean;
  /** The motion's own document, where the text determines it (a following citation, or its footnote). */
  id?: string;
}

/** A section or paragraph about one pillar of a policy agenda. */
export interface PillarRef extends Span {
  kind: 'pillar';
  /** The agenda's key in the taxonomy (`ima` for the Integrale Migratieagenda). */
  agenda: string;
  /** 1-based pillar number within the agenda. */
  pillar: number;
  /** `pijler-ima-4`: stable, for the DOM contract. */
  id: string;
}

export type Reference = PaperRef | MotionRef | PillarRef;

/**
 * A footnote marker in the text and the note it points to. Plain text gives these as glued or superscript digits
 * (`Becker8`, `c.s.²`) with the note as a line `8 Kamerstuk …`; a page gives them as links to `#noten`.
 */
export interface Footnote {
  /** Offset in the text where the marker stands (its start; for a page, where the marker link would be). */
  at: number;
  /** The marker as a number string: `2`, `11`. */
  label: string;
  /** The note's text. */
  body: string;
  /** Where the note's text starts in the same text, when the caller knows (a page's notes section). */
  bodyAt?: number;
}
