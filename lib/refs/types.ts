/** Every kind of reference Kamerlens recognises; the string is part of the DOM contract (`data-kamerlens-kind`). */
export type RefKind =
  | 'kamerstuk'
  | 'dossier'
  | 'handelingen'
  | 'aanhangsel'
  | 'staatsblad'
  | 'staatscourant'
  | 'tractatenblad'
  | 'tk-document'
  | 'tk-zaak'
  | 'motion'
  | 'pillar';

/** The parsed pieces of a reference, as far as the text gives them. */
export interface RefParts {
  dossier?: string;
  toevoeging?: string;
  /** Ondernummer: digits, optionally a lower-case letter (`42e`), or an Eerste Kamer letter (`E`, `AA`). */
  number?: string;
  /** Other dossiers of a joint citation (`Kamerstukken 19 637 en 30 573`); the number belongs to the first. */
  alsoDossiers?: string[];
  vergaderjaar?: string;
  pages?: string;
}

/** One reference found in a text: what it points at and where it stands (UTF-16 offsets, end exclusive). */
export interface Reference {
  kind: RefKind;
  id: string;
  text: string;
  start: number;
  end: number;
  parts: RefParts;
  /** 0..1: how sure the detector is that this is a reference and that the id is right. */
  confidence: number;
}
