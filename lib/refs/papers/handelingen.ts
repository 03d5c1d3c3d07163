import { Cursor, global, isJsSpace, sticky } from '../cursor';
import { aanhangselId, handelingenId, vergaderjaarId } from '../ids';
import { DOSSIER, PAGE_WORD, PAGES, VERGADERJAAR, WS, WS1 } from '../patterns';
import type { PaperRef, RefParts } from '../types';
import { letterBefore, lowerBefore } from './before';
import type { DigitRuns } from './prefilter';

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
 * How far before its vergaderjaar's year the word can start: `andelingen` (10), `der Staten-Generaal` with its spaces
 * (34), KAMER (29) and VJ up to the year (`, vergaderjaar `, 37), every space run at its longest: 110.
 */
const YEAR_REACH = 110;

/** VERGADERJAAR after its first year: at most eight spaces, then `/` or a dash. */
function yearSeparatorFollows(text: string, at: number): boolean {
  for (let i = at; i <= at + 8 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 || c === 45 || (c >= 0x2010 && c <= 0x2014)) return true;
    if (!isJsSpace(c)) return false;
  }
  return false;
}

/**
 * Whether `andelingen` stands within YEAR_REACH before a vergaderjaar's first year, which every match that names a
 * reference or a claim has (VJ): a run of exactly four digits (nothing before it is a digit, a space or the separator
 * after it), so one of the digit runs. Only there is the word looked for, in that stretch: a search of the whole
 * window for it (as `lingen`, its rarer tail) stopped at every `l` and cost about as much as a bare regex pass over
 * the window (8 µs over the real texts' windows, measured), and a motion's masthead has one vergaderjaar.
 */
function hasHandelingen(text: string, runs: DigitRuns): boolean {
  for (let r = 0; r < runs.length; r += 2) {
    const at = runs[r]!;
    if (runs[r + 1]! - at !== 4 || at < 10 || !yearSeparatorFollows(text, at + 4)) continue;
    if (text.slice(Math.max(0, at - YEAR_REACH), at).includes('andelingen')) return true;
  }
  return false;
}

/** `runs`: the text's digit runs (prefilter.ts, DigitRuns). */
export function detectHandelingen(text: string, runs: DigitRuns): (PaperRef | Claim)[] {
  const found: (PaperRef | Claim)[] = [];
  // Every match of ANCHOR contains the word; the literal check is many times cheaper than the anchor's scan.
  if (!hasHandelingen(text, runs)) return found;
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
