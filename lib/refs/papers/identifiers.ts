import { global } from '../cursor';
import type { PaperKind, PaperRef } from '../types';

/*
 * Identifiers written out in running text (F15, F27): Tweede Kamer document and zaak numbers (`2019D41229`,
 * `2019Z19557`) and officielebekendmakingen ids (`(kst-36537-8)`, `ah-tk-20212022-2349`, `stb-2019-143`).
 */

const TK_NUMBER = global('(?<![\\p{L}\\d])((?:19|20)\\d{2})([DZ])(\\d{5})(?![\\d\\p{L}])');
const OB_ID = global(
  '(?<![\\p{L}\\d/-])(kst|h-tk|h-ek|ah-tk|ah-ek|stb|stcrt|trb)-((?:[0-9]+|[A-Za-z]{1,6})(?:-[0-9A-Za-z]{1,8}){1,5})(?![\\p{L}\\d-])',
);

const OB_KINDS: Record<string, PaperKind> = {
  kst: 'kamerstuk',
  'h-tk': 'handelingen',
  'h-ek': 'handelingen',
  'ah-tk': 'aanhangsel',
  'ah-ek': 'aanhangsel',
  stb: 'staatsblad',
  stcrt: 'staatscourant',
  trb: 'tractatenblad',
};

export function detectIdentifiers(text: string): PaperRef[] {
  const found: PaperRef[] = [];
  TK_NUMBER.lastIndex = 0;
  for (let m = TK_NUMBER.exec(text); m; m = TK_NUMBER.exec(text)) {
    found.push({
      kind: m[2] === 'D' ? 'tk-document' : 'tk-zaak',
      id: m[0],
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      parts: { year: m[1]! },
      confidence: 0.97,
    });
  }
  OB_ID.lastIndex = 0;
  for (let m = OB_ID.exec(text); m; m = OB_ID.exec(text)) {
    // A URL's `.html` is not part of the id; the regex stops before the dot already.
    found.push({
      kind: OB_KINDS[m[1]!]!,
      id: m[0],
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      parts: {},
      confidence: 0.99,
    });
  }
  return found;
}
