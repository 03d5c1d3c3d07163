import { Cursor, global, sticky } from '../cursor';
import { aanhangselId, handelingenId, vergaderjaarId } from '../ids';
import { DOSSIER, PAGE_WORD, PAGES, VERGADERJAAR, WS, WS1 } from '../patterns';
import type { PaperRef, RefParts } from '../types';
import { letterBefore, lowerBefore } from './before';

/*
 * Handelingen (plenary minutes) and the Aanhangsel (answers to written questions), F18–F22:
 *   Handelingen II 2018/19, nr. 27, item 10           → h-tk-20182019-27-10
 *   Handelingen II 2019/20, nr. 77                     → h-tk-20192020-77 (the meeting; no item given)
 *   Handelingen II 2019/20, nrs. 28 en 30, items 3, 8 en 24 → one reference: which item belongs to which meeting
 *                                                        the text leaves open, so only the first meeting is named
 *   Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028 → ah-tk-20242025-1028
 * A Handelingen label in front of a dossier (`Handelingen II, 1995-1996, 24 692, nr. 3`) is a Kamerstuk cited with
 * the wrong label: it names no Handelingen id, and its number must not be read as a Kamerstuk either (KOOP tests),
 * so such a citation is claimed and dropped. Page-based citations (`blz. 39-2410`) cannot be turned into an id.
 */

/** `vergaderingHandelingen TK 2024-2025, 48` (tweedekamer.nl text glues the label to the word before, F20). */
const ANCHOR = global(
  `(Aanhangsel(?:${WS1}(?:der|van${WS1}de))?${WS1})?[Hh]andelingen(?:${WS1}der${WS1}(?:Kamer|Staten-Generaal))?(?![\\p{L}])`,
);
const KAMER = sticky(`${WS},?${WS}(Tweede Kamer|Eerste Kamer|II|I|TK|EK|UCV|VV)(?![\\p{L}\\d])`);
const VJ = sticky(`${WS},?${WS}(?:vergaderjaar${WS1})?${VERGADERJAAR}`, 'i');
const DOSSIER_NEXT = sticky(`${WS},${WS}${DOSSIER}`);
const NRS = sticky(`${WS},?${WS}(nrs?\\.?|nummers?)${WS}(\\d{1,4})(?:${WS}(?:,|en)${WS}(\\d{1,4}))*`, 'i');
/** `Handelingen TK 2024-2025, 48`: the meeting number without `nr.` (its groups line up with NRS: word, number). */
const BARE_MEETING = sticky(`${WS},${WS}()(\\d{1,3})(?![\\d\\p{L}]|[ ,.]\\d)`);
const ITEMS = sticky(`${WS},${WS}(items?)${WS}(\\d{1,3})(?:${WS}(?:,|en)${WS}\\d{1,3}){0,10}`, 'i');
const PAGE_REF = sticky(`${WS},?${WS}${PAGE_WORD}${WS}(${PAGES})`, 'i');

/** A claimed span that names no reference (a mislabelled citation): it keeps other detectors off the text. */
export interface Claim {
  claim: true;
  start: number;
  end: number;
}

/**
 * Whether `andelingen` stands in the text, searched as `lingen` and then checked: a search skips to the pattern's
 * first character, and `a` is so common in Dutch that `includes('andelingen')` was 3% of paper detection over the
 * real texts' windows (a profile), the search for `lingen` a quarter to a half of that (prefilter.ts measured the
 * same on the letters).
 */
function hasHandelingen(text: string): boolean {
  for (let at = text.indexOf('lingen', 4); at >= 0; at = text.indexOf('lingen', at + 6)) {
    if (text.startsWith('andelingen', at - 4)) return true;
  }
  return false;
}

export function detectHandelingen(text: string): (PaperRef | Claim)[] {
  const found: (PaperRef | Claim)[] = [];
  // Every match of ANCHOR contains the word; the literal check is many times cheaper than the anchor's scan.
  if (!hasHandelingen(text)) return found;
  // Not glued to a capital (`vergaderingHandelingen` is fine, `XHandelingen` is not): checked in code (before.ts),
  // a refused match retried one position on, as matchesWhere does (written out: a closure and a generator per
  // window, like the one bare.ts had, cost more than the check).
  ANCHOR.regex.lastIndex = 0;
  for (let m = ANCHOR.regex.exec(text); m; m = ANCHOR.regex.exec(text)) {
    if (letterBefore(text, m.index) && !lowerBefore(text, m.index)) {
      ANCHOR.regex.lastIndex = m.index + 1;
      continue;
    }
    const c = new Cursor(text, m.index + m[0].length);
    const aanhangsel = Boolean(m[1]);
    const kamerWord = c.eat(KAMER)?.[1];
    if (kamerWord === 'UCV' || kamerWord === 'VV') continue;
    const kamer = kamerWord && /^(I|EK|Eerste Kamer)$/.test(kamerWord) ? 'I' : 'II';
    const vj = c.eat(VJ);
    const vergaderjaar = vj ? vergaderjaarId(vj[1]!, vj[2]!) : undefined;
    if (!vergaderjaar) continue;
    if (c.peek(DOSSIER_NEXT)) {
      c.eat(DOSSIER_NEXT);
      c.eat(NRS);
      c.eat(PAGE_REF);
      found.push({ claim: true, start: m.index, end: c.pos });
      ANCHOR.regex.lastIndex = c.pos;
      continue;
    }
    const nrs = c.eat(NRS) ?? (kamerWord === 'TK' || kamerWord === 'EK' ? c.eat(BARE_MEETING) : null);
    if (!nrs) continue;
    const several = /,|en/.test(nrs[0].slice(nrs[0].indexOf(nrs[2]!) + nrs[2]!.length));
    const items = aanhangsel ? null : c.eat(ITEMS);
    const oneItem = items && items[1]!.toLowerCase() === 'item' && !several ? items[2] : undefined;
    const page = c.eat(PAGE_REF);
    const parts: RefParts = { kamer, vergaderjaar, ...(page ? { pages: page[1]! } : {}) };
    const end = c.pos;
    if (aanhangsel) {
      found.push({
        kind: 'aanhangsel',
        id: aanhangselId(kamer, vergaderjaar, nrs[2]!),
        text: text.slice(m.index, end),
        start: m.index,
        end,
        parts: { ...parts, number: nrs[2]! },
        confidence: several ? 0.6 : 0.99,
      });
    } else {
      found.push({
        kind: 'handelingen',
        id: handelingenId(kamer, vergaderjaar, nrs[2]!, oneItem),
        text: text.slice(m.index, end),
        start: m.index,
        end,
        parts: { ...parts, vergadering: nrs[2]!, ...(oneItem ? { item: oneItem } : {}) },
        // Exact with one meeting and one item; a meeting alone or an open list of items names less.
        confidence: oneItem ? 0.99 : several || items ? 0.6 : 0.8,
      });
    }
    ANCHOR.regex.lastIndex = end;
  }
  return found;
}
