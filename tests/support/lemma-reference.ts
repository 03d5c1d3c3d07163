/*
 * `fold` and `stem` (lib/refs/pillars/lemma.ts) as they were first written, rule by rule on characters and regexes,
 * before they were rewritten on character codes for speed: the unit tests check that both give the same words.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const S_PLURAL_AFTER = new Set(['r', 'l']);
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const HAS_DIGIT = /\d/;
const NON_ASCII = /[\u0080-\uffff]/;

export function referenceFold(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/\u2019/g, "'")
    .replace(/\u00ad/g, '')
    .toLowerCase();
}

const isConsonant = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z' && !VOWELS.has(c);

function tidyEnd(w: string): string {
  const last = w.at(-1);
  if (isConsonant(last) && w.at(-2) === last) return w.slice(0, -1);
  if (last === 'z') return `${w.slice(0, -1)}s`;
  if (last === 'v') return `${w.slice(0, -1)}f`;
  return w;
}

function singleVowel(w: string): string {
  const n = w.length;
  const v = w[n - 2];
  if (n >= 4 && isConsonant(w[n - 1]) && v !== undefined && v !== 'i' && v !== 'y' && VOWELS.has(v) && w[n - 3] === v) {
    return w.slice(0, n - 2) + w.slice(n - 1);
  }
  return w;
}

export function referenceStem(folded: string): string {
  let w = folded;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length < 4 || HAS_DIGIT.test(w)) return w;
  if (w.length > 7 && w.endsWith('heden')) return `${w.slice(0, -5)}heid`;
  if (w.length >= 8 && w.endsWith('tjes')) w = w.slice(0, -4);
  else if (w.length >= 7 && w.endsWith('tje')) w = w.slice(0, -3);
  else if (w.length >= 6 && w.endsWith('en')) return singleVowel(tidyEnd(w.slice(0, -2)));
  else if (w.length >= 5 && w.endsWith('s')) {
    const before = w.at(-2) ?? '';
    if (VOWELS.has(before) || S_PLURAL_AFTER.has(before) || w.endsWith('ems')) w = w.slice(0, -1);
  }
  if (w.length >= 5 && w.endsWith('e') && isConsonant(w.at(-2))) return singleVowel(tidyEnd(w.slice(0, -1)));
  return singleVowel(w);
}
