import { type Cursor, isJsSpace, sticky } from '../cursor';
import { DOSSIER, DOSSIER_HYPHENATED, NR_WORD, NUMBER_DIGITS, NUMBER_LETTERS, WS, WS1 } from '../patterns';

/*
 * The three steps every Kamerstuk citation takes (`19 637`, `, nr. `, `2375`), and the anchor word or bare dossier
 * it starts at, read by character code instead of by their sticky regexes. In a profile of `Kamerstuk 19 637, nr.
 * 2375` the three regex runs and their match arrays were about a sixth of its detection; read by code, that citation
 * was found 15–20% faster (measured side by side). Nearly all citations in the letters and the real texts take
 * these steps.
 *
 * Each reader gives exactly what its regex gives (tests/unit/refs/papers-steps.test.ts), and hands over to the regex
 * wherever telling would need more than plain comparisons: a space run longer than eight (`\s{0,8}` then backtracks
 * into the next one), a character beyond ASCII where a pattern asks "no letter follows" (`\p{L}`), the capital
 * ondernummers of the Eerste Kamer.
 */

/** `[,] dossier`, as the citation parse reads it after the anchor or the vergaderjaar. */
export const DOSSIER_AT = sticky(`${WS},?${WS}(${DOSSIER}|${DOSSIER_HYPHENATED})`);
/** `Kamerstuk 21 501-21, stuk nr. 2648` (kst-36410-XVII-40.xml in ../shared/corpus/realtexts): `stuk` before `nr.`. */
export const NR = sticky(`${WS},?${WS}(?:stuk${WS1})?(${NR_WORD})${WS}`);
export const NUMBER = sticky(`(${NUMBER_DIGITS})|(${NUMBER_LETTERS})`);

/**
 * Citations introduced by the paper type or the Kamer: `Kamerstuk(ken) …`, `kamerstukdossier 36537 -8` (tkconv), `Kamerstukken II 2019/20, …`,
 * `TK 2008-2009, 31473, nummer 25`, `Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395` (PDF page footer).
 * `TK`/`Tweede Kamer` count only when a vergaderjaar follows, so the Kamer's name in running text is not an anchor.
 * Sticky: it is tried only where anchorCandidates (kamerstukken.ts) finds one of its literals.
 */
export const ANCHOR = sticky(
  `(?:[Kk]amerstuk(?:ken|dossier)?|KAMERSTUK(?:KEN)?)(?![\\p{L}])` +
    `|(?:T\\.?K\\.?|Tweede Kamer|Eerste Kamer)(?:${WS1}der${WS1}Staten-Generaal)?` +
    `(?=${WS},?${WS}(?:vergaderjaar${WS1})?\\d{4}${WS}[/\\u2013-])`,
);

/**
 * A five-digit number that is not part of a longer number, an amount or a decimal, where a bare parse starts
 * (bare.ts). What may not stand before it (a letter, a digit, `.,/€$–-`, or a digit and a space) is checked in code
 * (before.ts: the scan then skips to digits).
 */
export const BARE_DOSSIER = sticky(
  '(?:\\d{2}[ \\u00a0\\u2009\\u202f]?\\d{3}(?![\\d.,]\\d)|21[ \\u00a0]?501\\d{2}(?!\\d))',
);

/** The reader cannot tell by plain comparisons: the regex decides. */
const UNSURE = -2;
const NONE = -1;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The `\s{0,8}` from `at`: where it ends, or UNSURE when more spaces follow (the regex may read them otherwise). */
function spaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) {
    if (i - at === 8) return UNSURE;
    i++;
  }
  return i;
}

/**
 * `\s{0,8},?\s{0,8}` before what cannot start with a space or a comma (a digit, a letter): where that must stand.
 * With each space run at most eight long, a shorter run or a skipped comma leaves a space or the comma there.
 */
function lead(text: string, at: number): number {
  const i = spaces(text, at);
  if (i < 0 || text.charCodeAt(i) !== 44) return i;
  return spaces(text, i + 1);
}

/** Whether `(?![\p{L}])` holds at `at`: 1 yes, 0 no, UNSURE beyond ASCII. */
function noLetterAt(text: string, at: number): number {
  if (at >= text.length) return 1;
  const c = text.charCodeAt(at);
  if (c >= 128) return UNSURE;
  return isAsciiLetter(c) ? 0 : 1;
}

/** Where DOSSIER_AT's match ends, the dossier being the characters from `start` on; NONE or UNSURE. */
function dossierEnd(text: string, start: number): number {
  if (!isDigit(text.charCodeAt(start)) || !isDigit(text.charCodeAt(start + 1))) return NONE;
  const third = text.charCodeAt(start + 2);
  // `19637`: five digits (a separator cannot be a digit, and the hyphenated form needs its hyphen here).
  if (isDigit(third)) {
    return isDigit(text.charCodeAt(start + 3)) &&
      isDigit(text.charCodeAt(start + 4)) &&
      !isDigit(text.charCodeAt(start + 5))
      ? start + 5
      : NONE;
  }
  // `19 637`, `36.496`, `31-700`: one separator, three digits.
  const separator =
    third === 32 || third === 0xa0 || third === 0x2009 || third === 0x202f || third === 46 || third === 45;
  if (!separator) return NONE;
  return isDigit(text.charCodeAt(start + 3)) &&
    isDigit(text.charCodeAt(start + 4)) &&
    isDigit(text.charCodeAt(start + 5)) &&
    !isDigit(text.charCodeAt(start + 6))
    ? start + 6
    : NONE;
}

/** DOSSIER_AT at the cursor: on a match the cursor moves past it and the dossier as written is returned. */
export function eatDossier(c: Cursor): string | null {
  const start = lead(c.text, c.pos);
  const end = start < 0 ? UNSURE : dossierEnd(c.text, start);
  if (end === UNSURE) return c.eat(DOSSIER_AT)?.[1] ?? null;
  if (end === NONE) return null;
  c.pos = end;
  return c.text.slice(start, end);
}

/**
 * Where NR_WORD's match from `at` ends: `nr`, `nrs`, `NR`, `NRS`, `nummer`, `nummers` (capital first letter too),
 * no letter after, then an optional `.`. A plural `s` that a letter follows is given back, and then the letter `s`
 * follows: so either the longest word fits or none does.
 */
function nrWordEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  let end: number;
  let plural: number;
  if ((first === 78 || first === 110) && second === 114) {
    end = at + 2;
    plural = 115;
  } else if (first === 78 && second === 82) {
    end = at + 2;
    plural = 83;
  } else if ((first === 78 || first === 110) && text.startsWith('ummer', at + 1)) {
    end = at + 6;
    plural = 115;
  } else return NONE;
  if (text.charCodeAt(end) === plural) end++;
  const free = noLetterAt(text, end);
  if (free !== 1) return free === 0 ? NONE : UNSURE;
  return text.charCodeAt(end) === 46 ? end + 1 : end;
}

/** NR at the cursor: on a match the cursor moves past it (and the spaces after) and the word is returned. */
export function eatNrWord(c: Cursor): string | null {
  const { text } = c;
  let at = lead(text, c.pos);
  if (at >= 0 && text.startsWith('stuk', at)) {
    // `stuk` needs one to eight spaces after it; without them NR_WORD would have to start at its `s`, which it cannot.
    const after = spaces(text, at + 4);
    at = after === at + 4 ? NONE : after;
  }
  const end = at === NONE ? NONE : at < 0 ? UNSURE : nrWordEnd(text, at);
  if (end === UNSURE) return c.eat(NR)?.[1] ?? null;
  if (end === NONE) return null;
  const next = spaces(text, end);
  // The trailing `\s{0,8}` ends the pattern: past eight spaces it simply stops.
  c.pos = next < 0 ? end + 8 : next;
  return text.slice(at, end);
}

/**
 * NUMBER at the cursor (no spaces first): an ondernummer of one to four digits, the first 1–9, with an optional
 * lower-case letter (`42e`), no digit or letter after; the capital numbers of the Eerste Kamer (`E`, `AA`) are left
 * to the regex. On a match the cursor moves past it and the number as written is returned.
 */
export function eatNumber(c: Cursor): string | null {
  const { text, pos } = c;
  const first = text.charCodeAt(pos);
  let end = NONE;
  if (first >= 49 && first <= 57) {
    let digits = pos + 1;
    while (digits < text.length && isDigit(text.charCodeAt(digits))) digits++;
    if (digits - pos > 4) return null;
    const after = text.charCodeAt(digits);
    // A letter, then no digit or letter: `42e`. Without it, what follows the digits must be neither (it is no digit).
    const withLetter = after >= 97 && after <= 122;
    const next = withLetter ? digits + 1 : digits;
    const free = isDigit(text.charCodeAt(next)) ? 0 : noLetterAt(text, next);
    end = free === 1 ? next : free === 0 ? NONE : UNSURE;
  } else if (first >= 65 && first <= 90) end = UNSURE;
  if (end === UNSURE) return c.eat(NUMBER)?.[0] ?? null;
  if (end === NONE) return null;
  c.pos = end;
  return text.slice(pos, end);
}

/** BARE_DOSSIER's spaces: between the two digits and the three, and in `21 501`. */
function isBareSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** Where BARE_DOSSIER's match at `at` ends, or -1 (it has no Unicode classes: plain comparisons always tell). */
export function bareDossierEnd(text: string, at: number): number {
  if (!isDigit(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1))) return NONE;
  const third = text.charCodeAt(at + 2);
  const spaced = isBareSpace(third);
  // `19 637` or `19637`, then no `[\d.,]` that a digit follows.
  const three = spaced ? at + 3 : at + 2;
  if (
    (spaced || isDigit(third)) &&
    isDigit(text.charCodeAt(three)) &&
    isDigit(text.charCodeAt(three + 1)) &&
    isDigit(text.charCodeAt(three + 2))
  ) {
    const after = text.charCodeAt(three + 3);
    const joined = isDigit(after) || after === 46 || after === 44;
    if (!(joined && isDigit(text.charCodeAt(three + 4)))) return three + 3;
  }
  // `2150108`, `21 50108`: an EU-Raad subdossier whose hyphen PDF extraction lost.
  if (text.charCodeAt(at) !== 50 || text.charCodeAt(at + 1) !== 49) return NONE;
  const five = third === 32 || third === 0xa0 ? at + 3 : at + 2;
  if (!text.startsWith('501', five)) return NONE;
  const end = five + 5;
  return isDigit(text.charCodeAt(five + 3)) && isDigit(text.charCodeAt(five + 4)) && !isDigit(text.charCodeAt(end))
    ? end
    : NONE;
}

/**
 * Where ANCHOR's match at `at` ends, or -1. The `Kamerstuk` words are read by code (`ken`/`dossier` after it, then
 * no letter: where a letter follows the suffix, none fits, as the regex's backtracking finds); `TK`, `Tweede Kamer`
 * and `Eerste Kamer` with their look-ahead, and a character beyond ASCII after the word, go to the regex.
 */
export function anchorEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  let end = NONE;
  if ((first === 75 || first === 107) && text.startsWith('amerstuk', at + 1)) {
    end = text.startsWith('ken', at + 9) ? at + 12 : text.startsWith('dossier', at + 9) ? at + 16 : at + 9;
  } else if (first === 75 && text.startsWith('AMERSTUK', at + 1)) {
    end = text.startsWith('KEN', at + 9) ? at + 12 : at + 9;
  } else {
    return anchorByRegex(text, at);
  }
  const free = noLetterAt(text, end);
  return free === 1 ? end : free === 0 ? NONE : anchorByRegex(text, at);
}

function anchorByRegex(text: string, at: number): number {
  const re = ANCHOR.regex;
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : NONE;
}
