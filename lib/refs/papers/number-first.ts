import { isJsSpace, sticky } from '../cursor';
import { kamerstukId, normaliseDossier, normaliseToevoeging } from '../ids';
import { DASH, ROMAN, WS } from '../patterns';
import type { PaperRef, RefParts } from '../types';

/*
 * The number first, the dossier after it in parentheses: the way motions, amendments and Handelingen cite the papers
 * of a debate (F13; in the real KOOP motions of ../shared/corpus/realtexts this is the commonest form KOOP tags):
 *
 *   de motie op stuk nr. 1181 (33 529)                → kst-33529-1181    (kst-33529-1323.xml)
 *   de motie-Van den Berg op stuk nr. 54 (32 012)     → kst-32012-54      (kst-28828-158.xml)
 *   het amendement op stuk nr. 37 (36 410 VI)         → kst-36410-VI-37   (kst-24587-956.xml: roman after a space)
 *   de motie-Akerboom op stuk nr. 9 (36 410-XIV)      → kst-36410-XIV-9   (kst-33576-380.xml: roman after a dash)
 *   de aangenomen motie op stuk nr. 942 (21501–08)    → kst-21501-08-942  (kst-29665-512.xml: en dash, EU subdossier)
 *   Zij krijgt nr. 348, was nr. 347 (32317)           → kst-32317-348     (the motion renumbered: the new number)
 *   nr. 30 (t.v.v. 36471-28)                          → kst-36471-30      (the digits after the dossier: the old nr.)
 *   de amendementen op de stukken nrs. 8 en 13 (…)    → one reference per number
 *
 * The forms and their sources are listed in docs/reference-forms.md. No-break spaces stand in the dossier as KOOP
 * writes them (`35\u00a0228`), so the dossier's space is any space.
 */

const N = '[1-9]\\d{0,3}';
/** Between the numbers of a list: `1154, 1181 en 1182`. Short, so a list of ten stays well inside a window. */
const SEP = '(?:\\s{0,2},\\s{0,2}(?:en\\s{1,2})?|\\s{1,2}en\\s{1,2})';
const MAX_LIST = 10;
/** A toevoeging after a space, a dash of any kind or glued (`36 410 VI`, `36 410-XIV`, `36 410A`); digits after a dash. */
const TOEV = `(?:(?:${WS}${DASH}${WS}|[ \\u00a0\\u2009\\u202f])?(${ROMAN}|[A-Z]{1,2})(?![\\p{L}\\d])|${WS}${DASH}${WS}(\\d{1,4})(?!\\d))`;

/** Sticky: tried only where numberFirstCandidates finds its `nr.` or `krijgt`. */
const NUMBER_FIRST = sticky(
  `(?:krijgt${WS}nr\\.${WS}(${N})${WS},${WS}was${WS})?(?:[Nn]rs?|NRS?)\\.${WS}(${N}(?:${SEP}${N}){0,${MAX_LIST}})` +
    `${WS}\\(${WS}(?:t\\.v\\.v\\.${WS})?([1-3]\\d[ \\u00a0\\u2009\\u202f]?\\d{3})(?!\\d)(?:${TOEV})?${WS}\\)`,
);
const LETTER_BEFORE = /\p{L}/u;

/**
 * Each number of a list, with its offset into the list's text: its runs of digits, since each number of the list
 * NUMBER_FIRST matched is one (up to four digits, the first 1–9, between separators without digits). Read by code,
 * not by a regex: an exec loop (matchAll copied the regex on every call, 2.2 µs for `nr. 1181 (33 529)`) still cost
 * an exec and a match array per number.
 */
function listNumbers(list: string): { value: string; at: number }[] {
  const out: { value: string; at: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!isDigit(list.charCodeAt(i))) continue;
    const at = i;
    while (i + 1 < list.length && isDigit(list.charCodeAt(i + 1))) i++;
    out.push({ value: list.slice(at, i + 1), at });
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `N`/`n`. */
function isN(c: number): boolean {
  return c === 78 || c === 110;
}

/** `R`/`r`. */
function isR(c: number): boolean {
  return c === 82 || c === 114;
}

/**
 * Where NUMBER_FIRST may match, ascending: at the `n` of `nr.`/`nrs.` (any case NUMBER_FIRST allows; the regex
 * itself decides), found from the stop, which a one-character search skips to, and at `krijgt`. A match can start
 * nowhere else, so trying the sticky regex at these positions in order finds what a global scan finds; the global
 * scan, whose optional `krijgt` group kept it from skipping ahead, cost 1.4× a bare regex pass over the real texts'
 * windows.
 *
 * A match at `krijgt` has `nr.` after it with only spaces between (`krijgt\s{0,8}nr\.`), which is a candidate
 * itself: so `krijgt` is looked for just before each `nr.`, in code, and not searched for. A search of the window
 * for it, failing in nearly every one, cost about as much as a bare regex pass over the window (a search for a word
 * whose first letter is as common as `k` stops at each `k`: 14 µs over the real texts' 24 kB of windows, measured,
 * where a search for `.` took 2 µs). A `krijgt` without `nr.` after it was tried in vain before, and is not now.
 */
function numberFirstCandidates(text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf('.', 2); i >= 0; i = text.indexOf('.', i + 1)) {
    const c1 = text.charCodeAt(i - 1);
    if (isR(c1) && isN(text.charCodeAt(i - 2))) {
      if (c1 === 114 && text.charCodeAt(i - 2) === 110) krijgtBefore(text, i - 2, at);
      at.push(i - 2);
    } else if ((c1 === 115 || c1 === 83) && i >= 3 && isR(text.charCodeAt(i - 2)) && isN(text.charCodeAt(i - 3))) {
      at.push(i - 3);
    }
  }
  return at;
}

/** Pushes where `krijgt` stands before the `nr.` at `nr` with at most eight spaces between, if it does. */
function krijgtBefore(text: string, nr: number, at: number[]): void {
  let end = nr;
  while (end > 0 && nr - end < 8 && isJsSpace(text.charCodeAt(end - 1))) end--;
  // Past eight spaces `krijgt` may stand anywhere before them: the regex, tried there, cannot read so many.
  if (end >= 6 && text.charCodeAt(end - 1) === 116 && text.startsWith('krijgt', end - 6)) at.push(end - 6);
}

/**
 * How far after its start a match of NUMBER_FIRST has its `(` at the most: `krijgt nr. N, was ` (57 with every space
 * run at its longest), `nrs. ` (12), a list of eleven numbers (4 + 10 × 13) and 8 spaces: 211.
 */
const PAREN_REACH = 211;

/**
 * Between `nr.` (or `nrs.`) and the parenthesis NUMBER_FIRST has only spaces, digits, commas and `en`: where any
 * other character comes first the regex cannot match there. Most of its failing runs were of this kind (a KOOP
 * masthead's `Nr. 3374\nMOTIE VAN …`, `nr. 1249) een pilot`), each 100–200 ns; this reads a few characters.
 * A candidate at `krijgt` is left to the regex.
 */
function listMayReach(text: string, at: number, paren: number): boolean {
  const dot = text.charCodeAt(at + 2) === 46 ? at + 2 : at + 3;
  if (text.charCodeAt(dot) !== 46) return true;
  for (let i = dot + 1; i < paren; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 44 || c === 101 || c === 110 || isJsSpace(c))) return false;
  }
  return true;
}

export function detectNumberFirst(text: string): PaperRef[][] {
  const found: PaperRef[][] = [];
  // Every match has a parenthesis: a literal check first.
  let paren = text.indexOf('(');
  if (paren < 0) return found;
  // Where the global scan would go on: past the last match.
  let from = 0;
  for (const at of numberFirstCandidates(text)) {
    if (at < from) continue;
    // No `(` within reach: the regex cannot match. Most `nr.` in a window are not followed by a dossier in
    // parentheses (`Kamerstuk 19 637, nr. 2375`); of the 70 regex runs over the real texts 54 failed, 100–200 ns each.
    if (paren < at) paren = text.indexOf('(', at);
    if (paren < 0) break;
    if (paren - at > PAREN_REACH || !listMayReach(text, at, paren)) continue;
    NUMBER_FIRST.regex.lastIndex = at;
    const m = NUMBER_FIRST.regex.exec(text);
    if (!m) continue;
    from = NUMBER_FIRST.regex.lastIndex;
    // `Anr.`: the word before must end; checked here, not in a look-behind, so the regex runs only at candidates.
    if (m.index > 0 && LETTER_BEFORE.test(text[m.index - 1]!)) continue;
    const [whole, renumbered, list, dossierRaw, letters, digits] = m;
    const dossier = normaliseDossier(dossierRaw!);
    // Digits after the dossier are its toevoeging only for the EU-Raad (21501–08); elsewhere the replaced number.
    const toevoeging = letters ?? (digits && dossier === '21501' && digits.length === 2 ? digits : undefined);
    const end = m.index + whole.length;
    const listAt = m.index + whole.indexOf(list!, renumbered ? whole.indexOf(renumbered) + renumbered.length : 0);
    const numbers = renumbered
      ? [{ value: renumbered, at: whole.indexOf(renumbered) - (listAt - m.index) }]
      : listNumbers(list!);
    // The id's prefix and the toevoeging once per citation, and the references written out without a closure or a
    // spread of the toevoeging: building them was a quarter of this detector's time over the real texts (a
    // profile), where this is the commonest form. The numbers are digits alone, which kamerstukId keeps as they are.
    const prefix = kamerstukId(dossier, toevoeging, '');
    const toev = toevoeging ? normaliseToevoeging(toevoeging) : undefined;
    const refs: PaperRef[] = [];
    for (let i = 0; i < numbers.length; i++) {
      const { value, at } = numbers[i]!;
      const start = i === 0 ? m.index : listAt + at;
      const stop = i === numbers.length - 1 ? end : listAt + at + value.length;
      const parts: RefParts = { dossier };
      if (toev) parts.toevoeging = toev;
      parts.number = value;
      refs.push({
        kind: 'kamerstuk',
        id: prefix + value,
        text: text.slice(start, stop),
        start,
        end: stop,
        parts,
        confidence: 0.85,
      });
    }
    found.push(refs);
  }
  return found;
}
