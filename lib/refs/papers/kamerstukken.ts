import { Cursor, sticky } from '../cursor';
import { WS, WS1 } from '../patterns';
import type { PaperRef } from '../types';
import { letterBefore } from './before';
import { parseCitation, type Tail } from './citation';

/**
 * Citations introduced by the paper type or the Kamer: `Kamerstuk(ken) …`, `kamerstukdossier 36537 -8` (tkconv), `Kamerstukken II 2019/20, …`,
 * `TK 2008-2009, 31473, nummer 25`, `Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395` (PDF page footer).
 * `TK`/`Tweede Kamer` count only when a vergaderjaar follows, so the Kamer's name in running text is not an anchor.
 * Sticky: it is tried only where anchorCandidates finds one of its literals.
 */
const ANCHOR = sticky(
  `(?:[Kk]amerstuk(?:ken|dossier)?|KAMERSTUK(?:KEN)?)(?![\\p{L}])` +
    `|(?:T\\.?K\\.?|Tweede Kamer|Eerste Kamer)(?:${WS1}der${WS1}Staten-Generaal)?` +
    `(?=${WS},?${WS}(?:vergaderjaar${WS1})?\\d{4}${WS}[/\\u2013-])`,
);

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
  // One search per capital (`K` for `Kamer` and `KAMERSTUK`, `T` for `TK` and `T.K`) rather than one per literal:
  // five searches of every window were 4–5% of paper detection over the real texts (a profile), and these capitals
  // are rare enough in running text that the checks at each cost less than the searches saved.
  for (let i = text.indexOf('K'); i >= 0; i = text.indexOf('K', i + 1)) {
    if (text.startsWith('Kamer', i)) {
      if (i >= 7 && (text.startsWith('Tweede ', i - 7) || text.startsWith('Eerste ', i - 7))) at.push(i - 7);
      if (text.startsWith('stuk', i + 5)) at.push(i);
    } else if (text.startsWith('KAMERSTUK', i)) at.push(i);
  }
  for (let i = text.indexOf('kamerstuk'); i >= 0; i = text.indexOf('kamerstuk', i + 9)) at.push(i);
  for (let i = text.indexOf('T'); i >= 0; i = text.indexOf('T', i + 1)) {
    const next = text.charCodeAt(i + 1);
    // `TK`, or `T.K`.
    if (next === 75 || (next === 46 && text.charCodeAt(i + 2) === 75)) at.push(i);
  }
  if (at.length > 1) at.sort((a, b) => a - b);
  return at;
}

/** `tails`, when given, receives what each parse read from its dossier on (citation.ts, Tail), in order. */
export function detectAnchoredCitations(text: string, tails?: Tail[]): PaperRef[][] {
  const found: PaperRef[][] = [];
  // Where the global scan would go on: past a match (or a citation), or one past a refused match.
  let from = 0;
  for (const at of anchorCandidates(text)) {
    if (at < from) continue;
    ANCHOR.lastIndex = at;
    const m = ANCHOR.exec(text);
    if (!m) continue;
    // The anchor starts a word: checked in code (before.ts).
    if (letterBefore(text, at)) {
      from = at + 1;
      continue;
    }
    const cursor = new Cursor(text, at + m[0].length);
    const refs = parseCitation(cursor, { anchored: true, start: at, tails });
    from = at + m[0].length;
    if (!refs.length) continue;
    found.push(refs);
    from = Math.max(from, cursor.pos);
  }
  return found;
}
