/*
 * A small Dutch normaliser. compromise only knows English morphology, so its lemmas are useless here; this maps the
 * inflected forms that matter for topic words onto one stem: plurals (-en, -s, -'s), the diminutive (-tje, -tjes),
 * the adjective -e, and the spelling changes they cause (aanvraag/aanvragen, grens/grenzen, vertrek/vertrekken).
 * It is deliberately not a full stemmer: text and vocabulary go through the same function, so it only has to be
 * consistent, and it must never merge words that differ in meaning more than these endings do.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/*
 * The rules below read character codes, not characters: with `w.at(-2)`, sets of one-letter strings and a regex for
 * digits, stemming took 130 ns a word, a tenth of the labeller's time on the corpus letters (measured word by word);
 * tests/unit/refs/pillars-parts.test.ts checks it against the rules as first written.
 */
const isVowel = (c: number) => c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 || c === 0x79;
/** Consonants before which a plural -s is stripped (-ers, -els, -aars); after others it usually belongs to the word. */
const isSPluralAfter = (c: number) => c === 0x72 || c === 0x6c;
/** An ASCII letter that is no vowel; false past the ends of the word (NaN). */
const isConsonant = (c: number) => c >= 0x61 && c <= 0x7a && !isVowel(c);

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/**
 * Whether every character is ASCII (`ascii`), and none upper case (`folded`: the word is its own fold). A loop, not
 * `/[\u0080-\uffff]/`, whose call on every token's short form was 1.5% of the analysis of the corpus letters (in a
 * profile), several times the loop; and no `toLowerCase` for a word already in lower case, which cost 60 ns a token
 * on the slices of sentences that tokens are (fold took 78 ns a token of the corpus letters, then 22).
 */
function foldKind(word: string): 'folded' | 'ascii' | 'other' {
  let kind: 'folded' | 'ascii' = 'folded';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return 'other';
    if (c >= 0x41 && c <= 0x5a) kind = 'ascii';
  }
  return kind;
}

/** Lower case without diacritics, typographic apostrophes as `'`, soft hyphens gone: `geïnformeerd` → `geinformeerd`. */
export function fold(word: string): string {
  const kind = foldKind(word);
  if (kind === 'folded') return word;
  if (kind === 'ascii') return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/\u2019/g, "'")
    .replace(/\u00ad/g, '')
    .toLowerCase();
}

/** Whether `w.slice(0, n)` ends with `ending`. */
const endsAt = (w: string, n: number, ending: string) => n >= ending.length && w.startsWith(ending, n - ending.length);

/**
 * The stem of a folded word (see `fold`): `statushouders` → `statushouder`, `asielaanvragen` and `asielaanvraag` →
 * `asielaanvrag`, `irreguliere` → `irregulier`, `LVV's` → `lvv`. Words with digits are returned as they are. The
 * endings are cut as a length (`n`), and the word sliced once at the end (`shorten`).
 */
export function stem(folded: string): string {
  const w = folded;
  let n = w.length;
  if (endsAt(w, n, "'s")) n -= 2;
  else if (endsAt(w, n, "'")) n -= 1;
  if (n < 4 || hasDigit(w)) return n === w.length ? w : w.slice(0, n);
  if (n > 7 && endsAt(w, n, 'heden')) return `${w.slice(0, n - 5)}heid`;
  if (n >= 8 && endsAt(w, n, 'tjes')) n -= 4;
  else if (n >= 7 && endsAt(w, n, 'tje')) n -= 3;
  else if (n >= 6 && endsAt(w, n, 'en')) return shorten(w, n - 2, true);
  else if (n >= 5 && w.charCodeAt(n - 1) === 0x73) {
    const before = w.charCodeAt(n - 2);
    if (isVowel(before) || isSPluralAfter(before) || endsAt(w, n, 'ems')) n -= 1;
  }
  if (n >= 5 && w.charCodeAt(n - 1) === 0x65 && isConsonant(w.charCodeAt(n - 2))) return shorten(w, n - 1, true);
  return shorten(w, n, false);
}

/**
 * `w.slice(0, n)` after an ending was cut: its end tidied if `tidy` (`vertrekk` → `vertrek`, `grenz` → `grens`,
 * `briev` → `brief`), then with a closed syllable's single vowel (`terugkeer` → `terugker`, `aanvraag` →
 * `aanvrag`: the spelling the plural stem also has) for words of four letters or more (`singleVowel` has none).
 * The stem is `w.slice(0, p)` and then `tail` (a letter put in for the one cut, or nothing).
 */
function shorten(w: string, n: number, tidy: boolean): string {
  let p = n;
  let tail = '';
  if (tidy) {
    const last = w.charCodeAt(n - 1);
    if (isConsonant(last) && w.charCodeAt(n - 2) === last) p = n - 1;
    else if (last === 0x7a || last === 0x76) {
      p = n - 1;
      tail = last === 0x7a ? 's' : 'f';
    }
  }
  const length = p + tail.length;
  // The last three letters of the tidied word: `tail` stands for its last.
  const last = tail ? tail.charCodeAt(0) : w.charCodeAt(p - 1);
  const vowel = tail ? w.charCodeAt(p - 1) : w.charCodeAt(p - 2);
  const before = tail ? w.charCodeAt(p - 2) : w.charCodeAt(p - 3);
  if (length >= 4 && isConsonant(last) && vowel !== 0x69 && vowel !== 0x79 && isVowel(vowel) && before === vowel) {
    return tail ? w.slice(0, p - 1) + tail : w.slice(0, p - 2) + w[p - 1];
  }
  if (tail) return w.slice(0, p) + tail;
  return p === w.length ? w : w.slice(0, p);
}
