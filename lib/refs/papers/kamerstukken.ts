import { Cursor, global } from '../cursor';
import { WS, WS1 } from '../patterns';
import type { PaperRef } from '../types';
import { letterBefore, matchesWhere } from './before';
import { parseCitation } from './citation';

/**
 * Citations introduced by the paper type or the Kamer: `Kamerstuk(ken) …`, `kamerstukdossier 36537 -8` (tkconv), `Kamerstukken II 2019/20, …`,
 * `TK 2008-2009, 31473, nummer 25`, `Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395` (PDF page footer).
 * `TK`/`Tweede Kamer` count only when a vergaderjaar follows, so the Kamer's name in running text is not an anchor.
 */
const ANCHOR = global(
  `(?:[Kk]amerstuk(?:ken|dossier)?|KAMERSTUK(?:KEN)?)(?![\\p{L}])` +
    `|(?:T\\.?K\\.?|Tweede Kamer|Eerste Kamer)(?:${WS1}der${WS1}Staten-Generaal)?` +
    `(?=${WS},?${WS}(?:vergaderjaar${WS1})?\\d{4}${WS}[/\\u2013-])`,
);

/** Whether the text can hold an anchor at all: each alternative of ANCHOR contains one of these (a literal check). */
function mayAnchor(text: string): boolean {
  return (
    text.includes('amerstuk') ||
    text.includes('AMERSTUK') ||
    text.includes('Kamer') ||
    text.includes('TK') ||
    text.includes('T.K')
  );
}

export function detectAnchoredCitations(text: string): PaperRef[][] {
  const found: PaperRef[][] = [];
  if (!mayAnchor(text)) return found;
  // The anchor starts a word: checked in code, so the scan skips to the literals (before.ts).
  for (const m of matchesWhere(ANCHOR, text, (at) => !letterBefore(text, at))) {
    const cursor = new Cursor(text, m.index + m[0].length);
    const refs = parseCitation(cursor, { anchored: true, start: m.index });
    if (!refs.length) continue;
    found.push(refs);
    ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, cursor.pos);
  }
  return found;
}
