import nlp from 'compromise/one';
import {
  type KeyAutomaton,
  keyAutomaton,
  keyInCodes,
  keyWritten,
  mergeReach,
  type Reach,
  reachOf,
  UNIT,
} from './key-automaton';
import { stem } from './lemma';
import { COMPOUND_MIN, type Matcher } from './vocabulary';

/*
 * The cheap test that decides which pieces of a text compromise tokenises at all. Measured on the corpus letters
 * (tests/bench, `npm run bench`), compromise took four fifths of the labeller's time (0.6 MB/s), and on random text
 * it ran over every paragraph as soon as one field word occurred anywhere (at about 1.9 MB of random ASCII: 130×
 * the time for 10× the input). A piece of text that holds no term key can give no hit, no mention and no overview
 * cue, so it is skipped; the result is the same as tokenising it (tests/unit/refs/pillars-prefilter.test.ts checks
 * this on the corpus and on random texts).
 *
 * Why a key is sound: a token's stem without its last character is a prefix of its folded form (the stemmer only
 * cuts endings and changes the last letter or drops the one before it), except after `-heden` → `-heid`, where
 * the stem without its last two characters is. So a term whose stem is S can only match (exactly, or as the head
 * or the modifier of a compound) a token whose form contains `key(S)`. The form is compromise's normal form folded:
 * lower case, compromise's transliteration, no diacritics; `searchable` folds the text the same way and drops all
 * but letters and digits, which can only join characters, never separate those of one token. A term that matches
 * only whole words (or as a compound's modifier) needs its key at a word start; a stem of four letters or fewer is
 * checked word by word (`shortWordAt`). compromise also adds words of its own (contractions: `imo` → `in my
 * opinion`); should one of those hit a key, every piece with an apostrophe, a dash or a contraction is read. It
 * also splits a number from its unit (`5km`): no term is a unit.
 */

/** The part of a stem that every token matching it carries in its form (see above). */
export function stemKey(stem: string): string {
  return stem.endsWith('heid') ? stem.slice(0, -2) : stem.slice(0, Math.max(1, stem.length - 1));
}

const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

let transliteration: Readonly<Record<string, string>> | undefined;

/** compromise's own transliteration (`ø` → `o`, Cyrillic `а` → `a`), which it applies before our `fold`. */
function transliterate(text: string): string {
  transliteration ??= (nlp.world() as unknown as { model: { one: { unicode: Record<string, string> } } }).model.one
    .unicode;
  const map = transliteration;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const to = map[text[i]!];
    if (to === undefined) continue;
    out += text.slice(from, i) + to;
    from = i + 1;
  }
  return out + text.slice(from);
}

const isWordChar = (code: number, ch: string) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x80 && WORD_CHAR.test(ch));

/** A text as the keys are searched in (see above), and where in it words start. */
export interface Searchable {
  /** Folded like a token's form, letters and digits only. */
  text: string;
  /** 1 where a word starts: the first character, and any character that followed a dropped one. */
  starts: Uint8Array;
  /** The text folded, before anything was dropped. */
  folded: string;
}

const NON_ASCII = /[\u0080-\uffff]/;
/** What `searchable` drops from a text of ASCII only: all but `isWordChar`'s ASCII characters. */
const DROPPED_ASCII = /[^a-z0-9]+/g;

export function searchable(text: string): Searchable {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return searchableAscii(lower);
  const folded = transliterate(lower.replace(/ς/g, 'σ')).normalize('NFD').replace(MARKS, '').toLowerCase();
  const starts = new Uint8Array(folded.length);
  let out = '';
  let from = 0;
  let dropped = true;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (isWordChar(code, folded[i]!)) {
      if (dropped) starts[out.length + i - from] = 1;
      dropped = false;
      continue;
    }
    out += folded.slice(from, i);
    from = i + 1;
    dropped = true;
  }
  out += folded.slice(from);
  return { text: out, starts, folded };
}

/**
 * `searchable` of a lower-case ASCII text. Its text is made by one replace, a flat string: the one built word by
 * word was a rope, and reading its characters one by one made `hasKey`'s scan of a piece of the real texts (most
 * of which hold no key) several times as slow.
 */
function searchableAscii(lower: string): Searchable {
  const starts = new Uint8Array(lower.length);
  let kept = 0;
  let dropped = true;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (dropped) starts[kept] = 1;
      kept++;
      dropped = false;
    } else dropped = true;
  }
  return { text: lower.replace(DROPPED_ASCII, ''), starts, folded: lower };
}

/** Keys by their first two characters as one number (a one-character key by its character, negated). */
type KeyIndex = Map<number, string[]>;

const pairCode = (s: string, at: number) => s.charCodeAt(at) * 0x10000 + s.charCodeAt(at + 1);
const singleCode = (s: string, at: number) => -1 - s.charCodeAt(at);

/** All keys of some matchers and unit words, searchable in one pass. */
export interface KeySet {
  /** Keys that may stand anywhere in a word (the head of a compound: `arbeidsparticipatie`). */
  anywhere: KeyIndex;
  /** Keys that only count at the start of a word: terms matched whole or as a compound's modifier only. */
  wordStart: KeyIndex;
  /**
   * Whether some key could match a word compromise inserts (contractions: `imo` → `in my opinion`, `d'` → `de`):
   * then any piece with an apostrophe, a dash or a known contraction is tokenised.
   */
  implicit: boolean;
  contractions: ReadonlySet<string>;
  /**
   * Keys with a character that compromise keeps inside a word and `searchable` drops (`dt&` for `DT&V`): searched
   * in the folded text as they are, since `dt` alone starts a word every few hundred characters of random text.
   */
  literal: readonly string[];
  /** Short stems (see SHORT), by their keys: where a key starts a word, the words there are checked whole. */
  short: Map<number, string[]>;
  /** The three indexes in one, and whether any key is a single character. */
  buckets: Map<number, Bucket>;
  singles: boolean;
  /**
   * At `a * 128 + b`, where some bucket's keys start with the ASCII characters `a` `b` (see `hasKey`): 2 if one of
   * them has two characters or is a short stem's, else 1, and then their first three characters are in
   * `asciiTriples`.
   */
  asciiPairs: Uint8Array;
  /** 1 at `tripleCode` of the first three characters of every key of three characters or more. */
  asciiTriples: Uint8Array;
  /** 1 at `a` where some bucket's key is the single ASCII character `a`. */
  asciiSingles: Uint8Array;
  /** The keys of `anywhere` and `wordStart` as automata, for `keyAsWritten` and `keyFolded`. */
  automaton: KeyAutomaton;
  /** 1 at `a * 128 + b` (at `a`) where some short stem's key starts with the ASCII characters `a` `b` (is `a`). */
  shortPairs: Uint8Array;
  shortSingles: Uint8Array;
  /** The reach (see `Reach`) of a short stem's word: where a phrase is searched by it, that phrase's. */
  shortReach: Reach;
  /**
   * How many characters of `searchable`'s text after a position the tests there read: the longest key, or a short
   * word and its longest cut (`shortWordAt`); and one more, the pair's second character.
   */
  reach: number;
}

function index(keys: Iterable<string>): KeyIndex {
  const byPair: KeyIndex = new Map();
  for (const key of keys) {
    const code = key.length === 1 ? singleCode(key, 0) : pairCode(key, 0);
    const list = byPair.get(code);
    if (list) list.push(key);
    else byPair.set(code, [key]);
  }
  return byPair;
}

/** The words compromise's contraction step may add that are not in the text (`imo` → `in`, `my`, `opinion`). */
function contractionModel(): { words: Set<string>; outputs: string[] } {
  const model = (nlp.world() as unknown as { model: { one: { contractions: { word?: string; out?: string[] }[] } } })
    .model.one.contractions;
  const words = new Set(model.flatMap((c) => (c.word ? [searchable(c.word).text] : [])));
  const outputs = [
    ...model.flatMap((c) => c.out ?? []),
    ...'is has are will would had have not am us to le la de du'.split(' '),
  ];
  return { words, outputs };
}

export function keySet(matchers: readonly Matcher[], unitStems: readonly string[]): KeySet {
  const anywhere = new Set<string>();
  const wordStart = new Set<string>();
  const short = new Set<string>();
  const literal = new Set<string>();
  const key = (stem: string) => searchable(stemKey(stem)).text;
  // How far the words a match with each key reads may stand from the key's word (see `Reach`): a phrase's words
  // before and after its longest, the rarest key (the one it is searched by); a single word's, none.
  const reaches = new Map<string, Reach>();
  const reach = (k: string, r: Reach) => reaches.set(k, mergeReach(reaches.get(k) ?? 0, r));
  const longest = (stems: readonly string[]) => {
    const keys = stems.map(key);
    let at = 0;
    for (let i = 1; i < keys.length; i++) if (keys[i]!.length > keys[at]!.length) at = i;
    reach(keys[at]!, reachOf(at, keys.length - 1 - at));
    return keys[at]!;
  };
  for (const matcher of matchers) {
    for (const terms of matcher.exact.values()) {
      for (const t of terms) {
        const stem = t.stems[0]!;
        // Only a compound's head (a suffix match, for stems of COMPOUND_MIN letters or more) stands inside a word.
        if (LITERAL.test(stemKey(stem))) literal.add(stemKey(stem));
        else if (t.compound && stem.length >= COMPOUND_MIN) anywhere.add(key(stem));
        else if (stem.length <= SHORT && searchable(stem).text === stem) short.add(stem);
        else wordStart.add(key(stem));
      }
    }
    // Every word of a phrase is a token of its own; the longest key is the rarest.
    for (const terms of matcher.phrases.values()) for (const t of terms) wordStart.add(longest(t.stems));
  }
  // A unit matches by stem (`pijlers`), and anywhere inside a word it marks an overview (`zespijleragenda`); its
  // mention reads lists around it and its sentence's cross-reference cue (`zoals onder pijler drie genoemd`).
  for (const unit of unitStems) {
    anywhere.add(key(unit));
    reach(key(unit), UNIT);
  }
  anywhere.delete('');
  wordStart.delete('');
  for (const stem of short) wordStart.delete(stem);
  // A short stem is searched word by word (`shortWordAt`), also where it is a phrase's key.
  let shortReach: Reach = 0;
  for (const stem of short) shortReach = mergeReach(shortReach, reaches.get(stem) ?? 0);
  const keys: KeySet = withBuckets(
    {
      anywhere: index(anywhere),
      wordStart: index(wordStart),
      short: shortIndex(short),
      literal: [...literal],
      implicit: false,
      contractions: new Set(),
      shortReach,
    },
    (k) => reaches.get(k) ?? 0,
  );
  const { words, outputs } = contractionModel();
  return { ...keys, implicit: outputs.some((word) => hasKey(word, keys)), contractions: words };
}

const TRIPLE_CODES = 1 << 16;

/** A hash of three character codes, below TRIPLE_CODES. */
const tripleCode = (a: number, b: number, c: number) =>
  Math.imul((a << 14) + (b << 7) + c, 0x9e3779b1) >>> (32 - Math.log2(TRIPLE_CODES));

function withBuckets(
  keys: Omit<
    KeySet,
    | 'buckets'
    | 'singles'
    | 'asciiPairs'
    | 'asciiTriples'
    | 'asciiSingles'
    | 'reach'
    | 'automaton'
    | 'shortPairs'
    | 'shortSingles'
  >,
  reachOfKey: (key: string) => Reach,
): KeySet {
  const all = buckets(keys);
  const asciiPairs = new Uint8Array(128 * 128);
  const asciiTriples = new Uint8Array(TRIPLE_CODES);
  const asciiSingles = new Uint8Array(128);
  for (const [code, bucket] of all) {
    const a = Math.floor(code / 0x10000);
    const b = code % 0x10000;
    if (code >= 0 && a < 128 && b < 128) {
      const long = [...(bucket.anywhere ?? []), ...(bucket.wordStart ?? [])];
      const pairOnly = !!bucket.short || long.some((key) => key.length < 3);
      asciiPairs[a * 128 + b] = pairOnly ? 2 : 1;
      for (const key of long) asciiTriples[tripleCode(a, b, key.charCodeAt(2))] = 1;
    }
    if (code < 0 && -1 - code < 128) asciiSingles[-1 - code] = 1;
  }
  let longest = SHORT + LONGEST_CUT;
  for (const bucket of all.values()) {
    for (const key of [...(bucket.anywhere ?? []), ...(bucket.wordStart ?? [])])
      longest = Math.max(longest, key.length);
  }
  const singles = [...all.keys()].some((code) => code < 0);
  const shortPairs = new Uint8Array(128 * 128);
  const shortSingles = new Uint8Array(128);
  for (const code of keys.short.keys()) {
    if (code < 0 && -1 - code < 128) shortSingles[-1 - code] = 1;
    const a = Math.floor(code / 0x10000);
    const b = code % 0x10000;
    if (code >= 0 && a < 128 && b < 128) shortPairs[a * 128 + b] = 1;
  }
  const automaton = keyAutomaton([...keys.anywhere.values()].flat(), [...keys.wordStart.values()].flat(), reachOfKey);
  return {
    ...keys,
    buckets: all,
    singles,
    asciiPairs,
    asciiTriples,
    asciiSingles,
    reach: longest + 1,
    automaton,
    shortPairs,
    shortSingles,
  };
}

/** A character that a token's form keeps as it stands in the text (not `.`, `'` or `-`, which it may drop). */
const LITERAL = /[^\p{L}\p{N}.'’-]/u;

const IMPLICIT_CUES = /['’@\-\u2013\u2014]/;

/** Whether `text` may hold a term: if not, tokenising it finds nothing. One pass, a map lookup per character. */
export function hasKey(text: string, keys: KeySet): boolean {
  if (keys.implicit && (IMPLICIT_CUES.test(text) || anyContraction(text, keys.contractions))) return true;
  return keyAsWritten(text, keys) || keyFolded(text, keys);
}

/**
 * What `searchable` makes of a character outside ASCII on its own, for the characters of Latin scripts, combining
 * marks, general punctuation and the superscripts and subscripts: `fold` when it comes out as letters and digits of
 * ASCII (`é` → `e`, a mark → ``), `drop` when `searchable` keeps nothing of it (a no-break space, `–`, and `“` and
 * `’`, which compromise's transliteration makes `"` and `'`: taken for others, they sent every sentence of the
 * corpus letters with a quote to the full search), `keep` when it keeps the character as a letter or digit outside
 * ASCII (`²`, `ß`, `ª`). Undefined for any other, and for U+03A3, whose lower case depends on its context.
 */
type Folding = { kind: 'fold'; codes: readonly number[] } | { kind: 'drop' } | { kind: 'keep' };
let foldings: (Folding | undefined)[] | undefined;
let longestFolding = 1;
/** The most codes `foldingTable` gives one character (after it is built). */
export const longestFoldingOf = () => longestFolding;

/** Whether a text is one or more characters, none of them ASCII. */
function outsideAsciiOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) return false;
  return text.length > 0;
}

/** The foldings by character code (see `Folding`), built on first use. */
export function foldingTable(): (Folding | undefined)[] {
  if (!foldings) {
    foldings = [];
    // 0x2070–0x209f: the superscript digits a KOOP letter marks its footnotes with (`domein.²⁴`, `Migratieagenda*.¹`),
    // beside those of Latin-1 (`¹²³`).
    const ranges = [
      [0x80, 0x36f],
      [0x2000, 0x209f],
    ];
    for (const [from, to] of ranges) {
      for (let c = from!; c <= to!; c++) {
        const ch = String.fromCharCode(c);
        const { text, folded } = searchable(ch);
        if (/^[a-z0-9]*$/.test(folded)) {
          foldings[c] = { kind: 'fold', codes: [...folded].map((x) => x.charCodeAt(0)) };
          longestFolding = Math.max(longestFolding, folded.length);
        } else if (text === '') foldings[c] = { kind: 'drop' };
        else if (text === folded && outsideAsciiOnly(text)) foldings[c] = { kind: 'keep' };
      }
    }
  }
  return foldings;
}

let codesScratch = new Uint8Array(1024);
let startsScratch = new Uint8Array(1024);
const literalCharacters = new WeakMap<KeySet, string[]>();

/** Whether `text` has a character of a literal key (`&` of `dt&`) that `searchable` drops: then it is searched whole. */
export function hasLiteralCharacter(text: string, keys: KeySet): boolean {
  let literal = literalCharacters.get(keys);
  if (!literal) {
    literal = [...new Set(keys.literal.join(''))].filter((c) => !/[a-z0-9]/.test(c));
    literalCharacters.set(keys, literal);
  }
  for (const c of literal) if (text.includes(c)) return true;
  return false;
}

/**
 * `keySearched`, on character codes: `searchable`'s text made in a buffer that is used again, without the lower
 * case, normalisation and replacements of whole strings and without a new array for its word starts. It reads the
 * text as `searchable` folds it one character at a time (ASCII, and `foldingTable`'s characters); a text with any other
 * character, or with a character of a literal key (`dt&`), is left to `keySearched`. On the real texts, most of whose
 * pieces hold no key (62% of their text) and are short (87 characters), the pieces without a key took 25 ns a
 * character of the ASCII ones here, 51 in `keySearched`, and 29 of the others, 55 there (measured piece by piece);
 * labelPillars read the real texts 1.2 times as fast (7.7 -> 9.2 MB/s, side by side). The folded codes are then
 * searched by the automata (`keyInCodes`), and short stems at the word starts their keys start (`shortInCodes`).
 */
export function keyFolded(text: string, keys: KeySet): boolean {
  if (hasLiteralCharacter(text, keys)) return keySearched(text, keys);
  const table = foldingTable();
  if (codesScratch.length < text.length * longestFolding) {
    codesScratch = new Uint8Array(text.length * longestFolding * 2);
    startsScratch = new Uint8Array(text.length * longestFolding * 2);
  }
  const codes = codesScratch;
  const starts = startsScratch;
  let n = 0;
  let dropped = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = lowerCode(c);
      if (isAsciiWordCode(lower)) {
        codes[n] = lower;
        starts[n++] = dropped ? 1 : 0;
        dropped = false;
      } else dropped = true;
      continue;
    }
    const folding = table[c];
    if (!folding || folding.kind === 'keep') return keySearched(text, keys);
    if (folding.kind === 'drop') dropped = true;
    else {
      for (const code of folding.codes) {
        codes[n] = code;
        starts[n++] = dropped ? 1 : 0;
        dropped = false;
      }
    }
  }
  return keyInCodes(codes, starts, n, keys.automaton) || shortInCodes(codes, starts, n, keys);
}

/** Whether a short stem's word stands in `codes` (see `keyFolded`): tried at the word starts its key starts. */
function shortInCodes(codes: Uint8Array, starts: Uint8Array, n: number, keys: KeySet): boolean {
  const { shortPairs, shortSingles, short } = keys;
  for (let i = 0; i < n; i++) {
    if (!starts[i]) continue;
    const a = codes[i]!;
    const b = i + 1 < n ? codes[i + 1]! : -1;
    if (b >= 0 && shortPairs[a * 128 + b] && shortWordInCodes(short.get(a * 0x10000 + b)!, codes, starts, n, i))
      return true;
    if (shortSingles[a] && shortWordInCodes(short.get(-1 - a)!, codes, starts, n, i)) return true;
  }
  return false;
}

/** `shortWordAt`, with the words made from the codes. */
export function shortWordInCodes(
  stems: readonly string[],
  codes: Uint8Array,
  starts: Uint8Array,
  n: number,
  at: number,
): boolean {
  const limit = Math.min(n, at + SHORT + LONGEST_CUT);
  let word = '';
  for (let end = at + 1; end <= limit; end++) {
    word += String.fromCharCode(codes[end - 1]!);
    if (end < n && !starts[end]) continue;
    if (isShortWord(stems, word)) return true;
  }
  return false;
}

const shortWords = new WeakMap<readonly string[], Map<string, boolean>>();
const SHORT_MEMO = 10_000;

/**
 * Whether `word` is a token of one of `stems` (see `shortWordAt`), remembered per list: `keyWindows` asks at every
 * word start where a short stem's key starts (`in`, `ge`, `wa`, `ta`: half the words of Dutch text), and three
 * stems each time were a third of its cost on the corpus letters (in a profile).
 */
function isShortWord(stems: readonly string[], word: string): boolean {
  let memo = shortWords.get(stems);
  if (!memo) {
    memo = new Map();
    shortWords.set(stems, memo);
  }
  let is = memo.get(word);
  if (is === undefined) {
    is =
      stems.includes(stem(word)) ||
      (word.endsWith('s') && stems.includes(stem(word.slice(0, -1)))) ||
      (word.endsWith('in') && stems.includes(stem(`${word}g`)));
    if (memo.size >= SHORT_MEMO) memo.clear();
    memo.set(word, is);
  }
  return is;
}

/** `hasKey` by the search of `searchable`'s text alone, without the shortcut of `keyAsWritten`. */
export function keySearched(text: string, keys: KeySet): boolean {
  if (!NON_ASCII.test(text)) return hasKeyAscii(text, keys);
  const { text: s, starts, folded } = searchable(text);
  for (const key of keys.literal) if (folded.includes(key)) return true;
  return keyBetween(s, starts, 0, s.length, keys);
}

export const isAsciiWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
/** An ASCII capital's lower case; any other code as it is. */
export const lowerCode = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/**
 * Whether a key stands in `text` as written (ASCII letters and digits, in any case), where it may: anywhere in a
 * word, or at a word start for the keys that need one (`keyWritten`, lib/refs/pillars/key-automaton.ts). Where it
 * does, `searchable`'s text has it too (it only drops characters around it, and folds none of these), and at a word
 * start if it is at one here: a character outside ASCII before it is taken for a letter, which `searchable` may keep.
 * So a true here is one of `keyBetween`, found without folding and copying the text: the pieces of the corpus
 * letters nearly all hold a key (97% of their text), most as written near their start, and `searchable` and
 * `keyBetween` on every piece cost 24 ns a character of the letters (28 of the motion-dense text), tokenising 90.
 * Short stems are left to the full search.
 */
export function keyAsWritten(text: string, keys: KeySet): boolean {
  return keyWritten(text, keys.automaton);
}

/** The first prefix of an ASCII text that is searched on its own (see `hasKeyAscii`). */
const FIRST_PREFIX = 160;

/**
 * `hasKey` for a text of ASCII only, which most pieces of Dutch text are, where `searchable` of a prefix is a prefix
 * of `searchable` of the whole text, with the same word starts: nearly every piece of the corpus letters has a key
 * (97%), most near its start, so the first FIRST_PREFIX characters are searched first, and only if they hold none
 * the rest. Folding and searching each whole piece first was 12% of the labeller's time on the corpus letters.
 */
function hasKeyAscii(text: string, keys: KeySet): boolean {
  const lower = text.toLowerCase();
  for (const key of keys.literal) if (lower.includes(key)) return true;
  let from = 0;
  if (text.length > FIRST_PREFIX + keys.reach) {
    const prefix = searchable(lower.slice(0, FIRST_PREFIX + keys.reach));
    // Positions with `reach` characters after them are tested as in the whole text.
    from = Math.max(0, prefix.text.length - keys.reach);
    if (keyBetween(prefix.text, prefix.starts, 0, from, keys)) return true;
  }
  const { text: s, starts } = searchable(lower);
  return keyBetween(s, starts, from, s.length, keys);
}

/** Whether a key stands at a position from `from` to `until` of `searchable`'s text `s`. */
function keyBetween(s: string, starts: Uint8Array, from: number, until: number, keys: KeySet): boolean {
  const { buckets, singles, asciiPairs, asciiTriples, asciiSingles } = keys;
  const n = s.length;
  for (let i = from; i < until; i++) {
    // A pair of ASCII characters is looked up in a table first: a map lookup for every character was most of this
    // loop's cost (hasKey was 5% of the analysis of the corpus letters, in a profile). Pairs such as `ge` and `in`
    // start keys and half the words of Dutch text, so for keys of three characters the third is looked up too: the
    // keys of a bucket compared at every such pair were 15% of `hasKey` on the real texts (in a profile).
    // No code is read past the end: NaN there (two characters from it) made this loop slower (`keySearched` on the
    // ASCII pieces without a key of the real texts: 66 ns a character, then 51, with `searchable`). A pair needs
    // two characters, a key with a third character three.
    const a = s.charCodeAt(i);
    const b = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    const pair = b < 0 ? 0 : a < 128 && b < 128 ? asciiPairs[a * 128 + b] : 2;
    const bucket =
      pair === 0 || (pair === 1 && (i + 2 >= n || !asciiTriples[tripleCode(a, b, s.charCodeAt(i + 2))]))
        ? undefined
        : buckets.get(pairCode(s, i));
    if (bucket && bucketAt(bucket, s, starts, i)) return true;
    // The IMA has one-character keys, so this lookup ran for every character too (hasKey was 9% of the analysis
    // of the real texts, in a profile, with the pair table alone).
    const single = singles && (a >= 128 || asciiSingles[a]) ? buckets.get(singleCode(s, i)) : undefined;
    if (single && bucketAt(single, s, starts, i)) return true;
  }
  return false;
}

/** The keys of all three kinds that start with the same characters, so a character costs one lookup. */
interface Bucket {
  anywhere?: string[];
  wordStart?: string[];
  short?: string[];
}

function bucketAt(bucket: Bucket, s: string, starts: Uint8Array, at: number): boolean {
  if (found(bucket.anywhere, s, at)) return true;
  if (!starts[at]) return false;
  return found(bucket.wordStart, s, at) || (!!bucket.short && shortWordAt(s, starts, at, bucket.short));
}

function buckets(keys: Pick<KeySet, 'anywhere' | 'wordStart' | 'short'>): Map<number, Bucket> {
  const all = new Map<number, Bucket>();
  for (const kind of ['anywhere', 'wordStart', 'short'] as const) {
    for (const [code, list] of keys[kind]) {
      const bucket = all.get(code) ?? {};
      bucket[kind] = list;
      all.set(code, bucket);
    }
  }
  return all;
}

/** Short stems by their keys (`stemKey`, which the form of every token with that stem starts with). */
function shortIndex(stems: Iterable<string>): Map<number, string[]> {
  const byKey = new Map<number, string[]>();
  for (const stem of stems) {
    const key = stemKey(stem);
    const code = key.length === 1 ? singleCode(key, 0) : pairCode(key, 0);
    const list = byKey.get(code);
    if (list) list.push(stem);
    else byKey.set(code, [stem]);
  }
  return byKey;
}

/**
 * Stems of at most this many letters are checked word by word: their keys (`in` for `IND`, `ta` for `taal`) start
 * half the words of a Dutch text. A token with such a stem is short (the stemmer cuts at most six letters: `-tjes`
 * and a vowel, or `'s`), so the words starting at `at` are tried whole.
 */
const SHORT = 4;
const LONGEST_CUT = 7;

function shortWordAt(s: string, starts: Uint8Array, at: number, stems: readonly string[]): boolean {
  const limit = Math.min(s.length, at + SHORT + LONGEST_CUT);
  // A token ends where a word starts (or the text ends); with dropped characters inside (`I.N.D.`, `LVV's`) it
  // runs over several words, so every end up to the limit is tried.
  for (let end = at + 1; end <= limit; end++) {
    if (end < s.length && !starts[end]) continue;
    const word = s.slice(at, end);
    // `LVV's` is `lvvs` here, `lookin'` is `lookin`: compromise's machine form drops the `'s`, adds the `g`.
    if (stems.includes(stem(word))) return true;
    if (word.endsWith('s') && stems.includes(stem(word.slice(0, -1)))) return true;
    if (word.endsWith('in') && stems.includes(stem(`${word}g`))) return true;
  }
  return false;
}

function found(keys: readonly string[] | undefined, s: string, at: number): boolean {
  if (keys) for (const key of keys) if (s.startsWith(key, at)) return true;
  return false;
}

function anyContraction(text: string, words: ReadonlySet<string>): boolean {
  for (const word of text.toLowerCase().split(/\s+/)) if (words.has(searchable(word).text)) return true;
  return false;
}
