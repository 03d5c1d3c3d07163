import { holdsUnit, type Mention, namesManyPillars, readUnit, refersElsewhere, type Unit } from './mentions';
import type { Token } from './tokens';
import {
  type Affix,
  addSingle,
  COMPOUND_MIN,
  type CompiledTerm,
  type Matcher,
  matchesOf,
  PART_MIN,
  phraseOf,
} from './vocabulary';

/*
 * One pass over a piece's tokens for all of an agenda's evidence: the terms of its three lists (vocabulary, heading
 * terms, context) and the mentions of its pillars. Each list was matched in a pass of its own (`findTerms`) and the
 * mentions in a fourth (`scanMentions`): 270 ns a token on the corpus letters, nearly all of it spent finding that
 * a token matches nothing. Here a token costs one lookup of its stem in a map of every list's stems and the units,
 * and one of its head and tail in the compound tables of all lists at once (140 ns a token); only a token found
 * there is matched list by list, by the same functions as `findTerms` and `scanMentions`, so the result is theirs.
 */

/** The order of an agenda's lists in `AgendaIndex.lists` and `PieceEvidence.terms`. */
export const VOCABULARY = 0;
export const HEADINGS = 1;
export const CONTEXT = 2;

/** What a stem starts, per list, and the unit it is, if any. */
interface StemEntry {
  phrases: (CompiledTerm[] | undefined)[];
  exact: (CompiledTerm[] | undefined)[];
  unit?: Unit;
}

/** An agenda's lists and units, indexed for `readPiece`. */
export interface AgendaIndex {
  /** Vocabulary, heading terms, context (see VOCABULARY). */
  lists: readonly Matcher[];
  units: readonly Unit[];
  byStem: Map<string, StemEntry>;
  /**
   * The heads (tails) of every list's compounds (see `Matcher`), as 1 at their `affixCode`: a token whose form
   * (stem) starts (ends) with none of them is no compound of any list.
   */
  headCodes: Uint8Array;
  tailCodes: Uint8Array;
  /** Every list's `byHead` (`byTail`) in one map, per list, so a token's head (tail) is looked up once. */
  byHead: Map<string, (Affix[] | undefined)[]>;
  byTail: Map<string, (Affix[] | undefined)[]>;
  /** The shortest unit's folded form: a shorter token holds none. */
  shortestUnit: number;
}

export function indexAgenda(lists: readonly Matcher[], units: readonly Unit[]): AgendaIndex {
  const byStem = new Map<string, StemEntry>();
  const entry = (stem: string) => {
    let e = byStem.get(stem);
    if (!e) {
      e = { phrases: lists.map(() => undefined), exact: lists.map(() => undefined) };
      byStem.set(stem, e);
    }
    return e;
  };
  lists.forEach((list, k) => {
    for (const [stem, terms] of list.phrases) entry(stem).phrases[k] = terms;
    for (const [stem, terms] of list.exact) entry(stem).exact[k] = terms;
  });
  // The first unit of a stem is the one `unitOf` finds.
  for (const unit of [...units].reverse()) entry(unit.stem).unit = unit;
  const merged = (part: (m: Matcher) => Map<string, Affix[]>) => {
    const out = new Map<string, (Affix[] | undefined)[]>();
    lists.forEach((list, k) => {
      for (const [affix, affixes] of part(list)) {
        const perList = out.get(affix) ?? lists.map(() => undefined);
        perList[k] = affixes;
        out.set(affix, perList);
      }
    });
    return out;
  };
  const codes = (affixes: Iterable<string>) => {
    const table = new Uint8Array(AFFIX_CODES);
    for (const affix of affixes) table[affixCode(affix, 0)] = 1;
    return table;
  };
  const byHead = merged((m) => m.byHead);
  const byTail = merged((m) => m.byTail);
  return {
    lists,
    units,
    byStem,
    headCodes: codes(byHead.keys()),
    tailCodes: codes(byTail.keys()),
    byHead,
    byTail,
    shortestUnit: Math.min(...units.map((u) => u.form.length)),
  };
}

/** The evidence of one heading or paragraph, gathered piece by piece. */
export interface PieceEvidence {
  /** Terms found, per list (see VOCABULARY), in text order; a paragraph's heading terms are not looked for. */
  terms: CompiledTerm[][];
  mentions: Mention[];
  overview: boolean;
}

const AFFIX_CODES = 1 << 16;

/**
 * A hash of the COMPOUND_MIN characters from `at`, below AFFIX_CODES: the same characters give the same code, so a
 * token whose code is in no table has no head (tail) there. Slicing the head and the tail of every token to look
 * them up took 70 ns a token (most of this pass on the corpus letters, measured with and without).
 */
function affixCode(s: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + COMPOUND_MIN; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h ^ (h >>> 16)) & (AFFIX_CODES - 1);
}

/** The compounds that `token` may be, per list: its head and its tail looked up in every list's tables at once. */
function headsOf(token: Token, index: AgendaIndex): (Affix[] | undefined)[] | undefined {
  const { form } = token;
  if (form.length < COMPOUND_MIN + PART_MIN || index.headCodes[affixCode(form, 0)] !== 1) return undefined;
  return index.byHead.get(form.slice(0, COMPOUND_MIN));
}

function tailsOf(token: Token, index: AgendaIndex): (Affix[] | undefined)[] | undefined {
  const { stem } = token;
  if (stem.length < COMPOUND_MIN + PART_MIN || index.tailCodes[affixCode(stem, stem.length - COMPOUND_MIN)] !== 1)
    return undefined;
  return index.byTail.get(stem.slice(-COMPOUND_MIN));
}

/**
 * Adds the evidence of one piece's sentences: what `findTerms` finds with each list (the heading terms only where
 * `headings`), and what `scanMentions` finds, for pillars 1..`count`.
 */
export function readPiece(
  sentences: readonly Token[][],
  index: AgendaIndex,
  count: number,
  headings: boolean,
  into: PieceEvidence,
): void {
  const { lists, units, byStem } = index;
  const found = into.mentions.length;
  // Per list, the next token a match may start at: a phrase found takes its words.
  const next = lists.map(() => 0);
  for (const tokens of sentences) {
    next.fill(0);
    let crossReference: boolean | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const entry = byStem.get(token.stem);
      const unit = entry?.unit;
      if (unit) {
        crossReference ??= refersElsewhere(tokens);
        if (readUnit(tokens, i, unit, count, crossReference, into.mentions)) into.overview = true;
      } else if (token.form.length >= index.shortestUnit && holdsUnit(token, units)) into.overview = true;
      const heads = headsOf(token, index);
      const tails = tailsOf(token, index);
      if (!entry && !heads && !tails) continue;
      for (let k = 0; k < lists.length; k++) {
        if (next[k]! > i || (k === HEADINGS && !headings)) continue;
        const phrases = entry?.phrases[k];
        const phrase = phrases && phraseOf(phrases, tokens, i);
        if (phrase) {
          into.terms[k]!.push(phrase);
          next[k] = i + phrase.stems.length;
          continue;
        }
        const single = matchesOf(token, entry?.exact[k], heads?.[k], tails?.[k]);
        if (single.length) addSingle(single, into.terms[k]!);
      }
    }
  }
  if (namesManyPillars(into.mentions.slice(found))) into.overview = true;
}
