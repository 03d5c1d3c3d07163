import { Cursor, isJsSpace } from '../cursor';
import type { PaperRef } from '../types';
import { letterBefore } from './before';
import { parseCitation, type Tail } from './citation';
import { anchorEnd } from './steps';

/**
 * Where ANCHOR may match, ascending (a position found twice is tried twice, in vain): every match holds one of these literals, `Kamer` of
 * `Kamerstuk` at its start and of `Tweede Kamer` and `Eerste Kamer` seven characters after it, so trying ANCHOR at
 * these positions in order finds what a global scan finds. The global scan cost 0.7–1.2× a bare regex pass over the
 * whole text and its literal checks 0.6× more; these searches skip to rare capitals (0.2–0.6× together, measured
 * on the letters and the real texts).
 */
function anchorCandidates(text: string): number[] {
  const at: number[] = [];
  // Each position is taken only when the words around it can start a match (plain comparisons): `Kamer` stands
  // in nearly every motion's running text (`verzoekt de Kamer`), and a regex run at each was most of the detector's
  // time over the real texts' windows.
  //
  // One search for the capital every literal but `kamerstuk` holds (`K` of `Kamer`, `KAMERSTUK`, `TK` and `T.K`,
  // whose `T` is read back from it) rather than one per literal: five searches of every window were 4–5% of paper
  // detection over the real texts (a profile), and a second one for the `T` another 2%; `K` is rare enough in
  // running text that the checks at each cost less than the searches saved.
  //
  // `Tweede Kamer` heads every KOOP masthead (`Tweede Kamer der Staten-Generaal\n2\nKamerstukken`), where no
  // vergaderjaar follows: kamerMayAnchor refuses those in code, and a first character is compared before each
  // `startsWith` (the calls were most of this function's time over the real texts, in a profile).
  for (let i = text.indexOf('K'); i >= 0; i = text.indexOf('K', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 97 && text.startsWith('mer', i + 2)) {
      if (
        i >= 7 &&
        text.charCodeAt(i - 1) === 32 &&
        ((text.charCodeAt(i - 7) === 84 && text.startsWith('Tweede', i - 7)) ||
          (text.charCodeAt(i - 7) === 69 && text.startsWith('Eerste', i - 7))) &&
        kamerMayAnchor(text, i + 5)
      ) {
        at.push(i - 7);
      }
      if (text.charCodeAt(i + 5) === 115 && text.startsWith('tuk', i + 6)) at.push(i);
    } else if (next === 65 && text.startsWith('KAMERSTUK', i)) at.push(i);
    // `TK`, or `T.K`.
    const before = text.charCodeAt(i - 1);
    if (before === 84) at.push(i - 1);
    else if (before === 46 && text.charCodeAt(i - 2) === 84) at.push(i - 2);
  }
  for (let i = text.indexOf('kamerstuk'); i >= 0; i = text.indexOf('kamerstuk', i + 9)) at.push(i);
  // Nearly always in order already (only `kamerstuk`, searched for second, can come before a `K`): Array.sort with
  // a comparator cost a few hundred ns a call even on three elements (resolveOverlaps, index.ts, measured).
  if (!ascending(at)) at.sort((a, b) => a - b);
  return at;
}

function ascending(list: number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return false;
  return true;
}

/** Where JS `\s{0,8}` from `at` ends, or -1 past eight spaces (then only the regex can tell). */
function afterSpaces(text: string, at: number): number {
  for (let i = at; i <= at + 8; i++) if (!isJsSpace(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * Whether ANCHOR's look-ahead for `Tweede Kamer`/`Eerste Kamer` may hold after the name (ending at `at`), with or
 * without `der Staten-Generaal`: `[,] [vergaderjaar] dddd`. Only a necessary condition (where the spaces are too
 * long to tell it says yes): the regex decides.
 */
function kamerMayAnchor(text: string, at: number): boolean {
  if (vergaderjaarMayFollow(text, at)) return true;
  const der = afterSpaces(text, at);
  if (der < 0) return true;
  if (der === at || !text.startsWith('der', der)) return false;
  const staten = afterSpaces(text, der + 3);
  if (staten < 0) return true;
  // What follows the name first: in a masthead (`Tweede Kamer der Staten-Generaal\n2\nKamerstukken`) that fails, and
  // the fifteen-character startsWith was most of this check's time there (a profile of one masthead).
  return staten > der + 3 && vergaderjaarMayFollow(text, staten + 15) && text.startsWith('Staten-Generaal', staten);
}

/** `\s{0,8},?\s{0,8}` then `vergaderjaar` or four digits, as far as plain comparisons tell (see kamerMayAnchor). */
function vergaderjaarMayFollow(text: string, at: number): boolean {
  let i = afterSpaces(text, at);
  if (i >= 0 && text.charCodeAt(i) === 44) i = afterSpaces(text, i + 1);
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 118) return true;
  for (let d = i; d < i + 4; d++) {
    const digit = text.charCodeAt(d);
    if (digit < 48 || digit > 57) return false;
  }
  return true;
}

/** `tails`, when given, receives what each parse read from its dossier on (citation.ts, Tail), in order. */
export function detectAnchoredCitations(text: string, tails?: Tail[]): PaperRef[][] {
  const found: PaperRef[][] = [];
  // Where the global scan would go on: past a match (or a citation), or one past a refused match.
  let from = 0;
  for (const at of anchorCandidates(text)) {
    if (at < from) continue;
    const end = anchorEnd(text, at);
    if (end < 0) continue;
    // The anchor starts a word: checked in code (before.ts).
    if (letterBefore(text, at)) {
      from = at + 1;
      continue;
    }
    const cursor = new Cursor(text, end);
    const refs = parseCitation(cursor, { anchored: true, start: at, tails });
    from = end;
    if (!refs.length) continue;
    found.push(refs);
    from = Math.max(from, cursor.pos);
  }
  return found;
}
