import { Cursor, sticky } from '../cursor';
import { WS, WS1 } from '../patterns';
import type { PaperRef } from '../types';
import { letterBefore } from './before';
import { parseCitation } from './citation';

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
  for (let i = text.indexOf('Kamer'); i >= 0; i = text.indexOf('Kamer', i + 5)) {
    if (i >= 7 && (text.startsWith('Tweede ', i - 7) || text.startsWith('Eerste ', i - 7))) at.push(i - 7);
    if (text.startsWith('stuk', i + 5)) at.push(i);
  }
  literal(text, 'kamerstuk', at);
  literal(text, 'KAMERSTUK', at);
  literal(text, 'TK', at);
  literal(text, 'T.K', at);
  if (at.length > 1) at.sort((a, b) => a - b);
  return at;
}

function literal(text: string, word: string, into: number[]): void {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) into.push(i);
}

export function detectAnchoredCitations(text: string): PaperRef[][] {
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
    const refs = parseCitation(cursor, { anchored: true, start: at });
    from = at + m[0].length;
    if (!refs.length) continue;
    found.push(refs);
    from = Math.max(from, cursor.pos);
  }
  return found;
}
