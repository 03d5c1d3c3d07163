/*
 * A small Dutch normaliser. compromise only knows English morphology, so its lemmas are useless here; this maps the
 * inflected forms that matter for topic words onto one stem: plurals (-en, -s, -'s), the diminutive (-tje, -tjes),
 * the adjective -e, and the spelling changes they cause (aanvraag/aanvragen, grens/grenzen, vertrek/vertrekken).
 * It is deliberately not a full stemmer: text and vocabulary go through the same function, so it only has to be
 * consistent, and it must never merge words that differ in meaning more than these endings do.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Consonants before which a plural -s is stripped (-ers, -els, -aars); after others it usually belongs to the word. */
const S_PLURAL_AFTER = new Set(['r', 'l']);
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const HAS_DIGIT = /\d/;

/**
 * Whether every character is ASCII: a loop, not `/[\u0080-\uffff]/`, whose call on every token's short form was
 * 1.5% of the analysis of the corpus letters (in a profile), several times the loop.
 */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Lower case without diacritics, typographic apostrophes as `'`, soft hyphens gone: `geïnformeerd` → `geinformeerd`. */
export function fold(word: string): string {
  if (isAscii(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/\u2019/g, "'")
    .replace(/\u00ad/g, '')
    .toLowerCase();
}

const isConsonant = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z' && !VOWELS.has(c);

/** After an ending is cut: `vertrekk` → `vertrek`, `grenz` → `grens`, `briev` → `brief`. */
function tidyEnd(w: string): string {
  const last = w.at(-1);
  if (isConsonant(last) && w.at(-2) === last) return w.slice(0, -1);
  if (last === 'z') return `${w.slice(0, -1)}s`;
  if (last === 'v') return `${w.slice(0, -1)}f`;
  return w;
}

/** `terugkeer` → `terugker`, `aanvraag` → `aanvrag`: the closed-syllable spelling, which the plural stem also has. */
function singleVowel(w: string): string {
  const n = w.length;
  const v = w[n - 2];
  if (n >= 4 && isConsonant(w[n - 1]) && v !== undefined && v !== 'i' && v !== 'y' && VOWELS.has(v) && w[n - 3] === v) {
    return w.slice(0, n - 2) + w.slice(n - 1);
  }
  return w;
}

/**
 * The stem of a folded word (see `fold`): `statushouders` → `statushouder`, `asielaanvragen` and `asielaanvraag` →
 * `asielaanvrag`, `irreguliere` → `irregulier`, `LVV's` → `lvv`. Words with digits are returned as they are.
 */
export function stem(folded: string): string {
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
