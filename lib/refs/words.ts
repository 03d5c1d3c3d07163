import nlp from 'compromise/one';
import { isJsSpace } from './cursor';

/*
 * compromise's tokeniser (`compromise/one`: sentences, terms, their punctuation and normal forms) without
 * compromise's machinery around it. Why hand-written: measured (`node --cpu-prof`, tests/bench/analysis.ts), the
 * pillar labeller spent nearly all its time in compromise (0.5 MB/s on the corpus letters, where 97% of the text is
 * in pieces with pillar vocabulary, so a prefilter cannot skip it), and the motion reader most of its time on
 * motion-dense text. Of compromise's output the labeller and the motion reader consume only each term's text, its
 * punctuation before and after, its normal and machine forms, where sentences end and (for motions) the tags of our
 * own lexicon. A straight port of compromise's rules for those, without its document, views, pointers, caches and
 * compute passes, was 2–5 times as fast as compromise on the same pieces; the common word (letters, then only
 * punctuation and space) then gets a scan of character codes instead of the rules' dozen regexes, and so does the
 * common sentence. The rules and models are compromise's own (the abbreviations, prefixes, suffixes, punctuation
 * and transliteration tables are read from its world, so plugins that add to them are seen). Linear: each rule
 * reads one sentence or one word, and the end-anchored ones only its last characters.
 *
 * What it does not do: the contraction pass (`don't` → `do not`, `d'` → `de`, `5km` → `5 km`, `2-4` → `2 to 4`),
 * which adds and splits terms. Number ranges (`2017-2018`) and numbers glued to a unit (`25bis`, `5km`), the forms
 * of it that Dutch text has, are split as it splits them (`range`, `numberUnit`); for the rest `contraction` says
 * when it would replace a term (a known contraction, `n't`, a French elision), and `sentencesOf` then returns
 * undefined so the caller asks compromise itself (`sentencesOrTexts` hands back only such sentences): compromise
 * runs only on those few pieces or sentences, where it earns its cost. Text with the stops of scripts without
 * spaces (CJK) is handed over as well. Equality with compromise is tested on the corpus, the real texts and seeded
 * random texts (tests/unit/refs/words.test.ts).
 */

/** One term as compromise makes it, with only the fields the detectors read. */
export interface Term {
  text: string;
  pre: string;
  post: string;
  normal: string;
  /** compromise's `machine`, where it sets one. */
  machine?: string;
}

export interface Model {
  abbreviations: Record<string, true>;
  prefixes: Record<string, true>;
  suffixes: Record<string, true>;
  prePunctuation: Record<string, true>;
  postPunctuation: Record<string, true>;
  emoticons: Record<string, true>;
  unicode: Record<string, string>;
  contractions: { word?: string; before?: string; after?: string }[];
  lexicon: Record<string, unknown>;
  aliases: Record<string, string>;
  _multiCache?: Record<string, number>;
  numberSuffixes: Record<string, true>;
}

/**
 * A set of words (compromise's contraction words) that answers most words without hashing them: a table of the first
 * character and length of its words is read first. Looking every term up in the set itself, a fresh string hashed
 * for it, was a tenth of the tokeniser's time (in a line-level profile of the corpus letters and motion-dense text).
 */
export class WordList {
  private readonly words: ReadonlySet<string>;
  /** 1 at `code * 32 + length` (length 31 for all longer ones) where a word starts with that ASCII code. */
  private readonly shapes = new Uint8Array(128 * 32);
  /** Whether some word starts outside ASCII (or is empty). */
  private readonly other: boolean;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    let other = false;
    for (const word of this.words) {
      const code = word.charCodeAt(0);
      if (code < 128) this.shapes[code * 32 + Math.min(word.length, 31)] = 1;
      else other = true;
    }
    this.other = other;
  }

  has(word: string): boolean {
    const code = word.charCodeAt(0);
    if (code < 128) return this.shapes[code * 32 + Math.min(word.length, 31)] === 1 && this.words.has(word);
    return this.other && this.words.has(word);
  }
}

let cached: { model: Model; contractionWords: WordList } | undefined;
let cachedFor: { one: Model; contractions: unknown[]; count: number } | undefined;

/**
 * compromise's model, as its tokeniser reads it on each call (the tables themselves are read live, so plugins that
 * add abbreviations are seen), and the words of its known contractions, rebuilt when that list changes.
 */
export function model(): { model: Model; contractionWords: WordList } {
  const world = nlp.world() as unknown as { model: { one: Model } };
  const one = world.model.one;
  const { contractions } = one;
  if (
    !cached ||
    cachedFor?.one !== one ||
    cachedFor.contractions !== contractions ||
    cachedFor.count !== contractions.length
  ) {
    cached = {
      model: one,
      contractionWords: new WordList(contractions.flatMap((c) => (c.word ? [c.word] : []))),
    };
    cachedFor = { one, contractions, count: contractions.length };
  }
  return cached;
}

const ownProperty = Object.prototype.hasOwnProperty;
/**
 * `Object.hasOwn`, by `hasOwnProperty`: in Node 20 the call of `Object.hasOwn` took 23 ns a lookup of a word, this
 * one 14 (measured on slices of a sentence); the tokenisers look up several a term.
 */
export const hasOwn = (o: object, k: string): boolean => ownProperty.call(o, k);

let plainEmoticonsFor: unknown;
let plainEmoticonsFound = false;

/** Whether some emoticon starts with a letter (none does in compromise 14): then `plainTerms` is never used. */
function plainEmoticons(m: Model): boolean {
  if (plainEmoticonsFor !== m.emoticons) {
    plainEmoticonsFor = m.emoticons;
    plainEmoticonsFound = Object.keys(m.emoticons).some((e) => /^[A-Za-z]/.test(e));
  }
  return plainEmoticonsFound;
}

// --- sentences (compromise src/1-one/tokenize/methods/01-sentences) ---

const STOPS =
  '.!?\\u203D\\u2E18\\u203C\\u2047-\\u2049\\u0964\\u0965\\u061F\\u06D4\\u0589\\u1362\\u1367\\u104B\\u17D4\\u3002';
const INIT_SPLIT = new RegExp(`([${STOPS}]+\\s)`, 'g');
const SPLITS_ONLY = new RegExp(`^[${STOPS}]+\\s$`);
const NEW_LINE = /((?:\r?\n|\r)+)/;
const HAS_CJK_STOP = /[\u3002\uFF01\uFF1F\uFF61]/;
const HAS_LETTER_NUMBER_SYMBOL = /[\p{L}\p{N}\p{So}]/u;
const HAS_SOMETHING = /\S/;

function simpleSplit(text: string): string[] {
  const all: string[] = [];
  const lines = text.split(NEW_LINE);
  for (const line of lines) {
    const arr = line.split(INIT_SPLIT);
    for (let o = 0; o < arr.length; o++) {
      if (arr[o + 1] && SPLITS_ONLY.test(arr[o + 1]!)) {
        arr[o] += arr[o + 1]!;
        arr[o + 1] = '';
      }
      if (arr[o] !== '') all.push(arr[o]!);
    }
  }
  return all;
}

const startsAsciiWord = (s: string) => {
  const c = s.charCodeAt(0);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
};

function simpleMerge(splits: string[]): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < splits.length; i++) {
    const s = splits[i];
    if (s === undefined || s === '') continue;
    // A chunk that starts with an ASCII letter or digit passes both tests (a Unicode property regex per chunk).
    if (!startsAsciiWord(s) && (!HAS_SOMETHING.test(s) || !HAS_LETTER_NUMBER_SYMBOL.test(s))) {
      if (chunks.length) {
        chunks[chunks.length - 1] += s;
        continue;
      } else if (splits[i + 1]) {
        splits[i + 1] = s + splits[i + 1];
        continue;
      }
    }
    chunks.push(s);
  }
  return chunks;
}

const HAS_LETTER = /\p{L}/u;
const IS_ACRONYM = /[ .][A-Z]\.?$/i;
const LEAD_INIT = /^[A-Z]\. $/;
const STOP = /[.!?\u203D\u2E18\u203C\u2047-\u2049]/;

/**
 * compromise's `isSentence`. Its patterns are anchored at the end, after spaces (`[ .][A-Z]\.? *$`, `\. *$`), so
 * they are tried on the last characters before the trailing spaces only; the last word is the part after the last
 * space, where compromise splits the whole chunk at spaces.
 */
function isSentence(str: string, abbrevs: Record<string, true>): boolean {
  if (!isAsciiLetter(str.charCodeAt(0)) && !HAS_LETTER.test(str)) return false;
  let end = str.length;
  while (end > 0 && str.charCodeAt(end - 1) === 0x20) end--;
  if (IS_ACRONYM.test(str.slice(Math.max(0, end - 3), end))) return false;
  if (str.length === 3 && LEAD_INIT.test(str)) return false;
  const last = str[end - 1];
  if (last === '\u2026' || (last === '.' && str[end - 2] === '.')) return false;
  // compromise drops one final stop and the spaces after it.
  const txt = last !== undefined && STOP.test(last) ? str.slice(0, end - 1) : str;
  const lastWord = txt.slice(txt.lastIndexOf(' ') + 1).toLowerCase();
  if (hasOwn(abbrevs, lastWord) && last === '.') return false;
  return true;
}

function smartMerge(chunks: string[], abbrevs: Record<string, true>): string[] {
  const sentences: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    if (chunks[i + 1] && !isSentence(c, abbrevs) && !/\n$/.test(c)) {
      chunks[i + 1] = c + (chunks[i + 1] || '');
    } else if (c && c.length > 0) {
      sentences.push(c);
      chunks[i] = '';
    }
  }
  return sentences;
}

const QUOTE_PAIRS: Record<string, string> = {
  '\u0022': '\u0022',
  '\uFF02': '\uFF02',
  '\u201C': '\u201D',
  '\u201F': '\u201D',
  '\u201E': '\u201D',
  '\u2E42': '\u201D',
  '\u201A': '\u2019',
  '\u00AB': '\u00BB',
  '\u2039': '\u203A',
  '\u2035': '\u2032',
  '\u2036': '\u2033',
  '\u2037': '\u2034',
  '\u301D': '\u301E',
  '\u301F': '\u301E',
  '\u300C': '\u300D',
  '\u300E': '\u300F',
};
const OPEN_QUOTE = new RegExp(`[${Object.keys(QUOTE_PAIRS).join('')}]`, 'g');
const CLOSE_QUOTE = new RegExp(`[${Object.values(QUOTE_PAIRS).join('')}]`, 'g');
const MAX_QUOTE = 280;

function closesQuote(str: string | undefined): boolean {
  if (!str) return false;
  const m = str.match(CLOSE_QUOTE);
  return m !== null && m.length === 1;
}

function quoteMerge(splits: string[]): string[] {
  const arr: string[] = [];
  for (let i = 0; i < splits.length; i += 1) {
    const split = splits[i]!;
    const m = split.match(OPEN_QUOTE);
    if (m !== null && m.length === 1) {
      const closed = split.match(CLOSE_QUOTE);
      if (closed !== null && closed[0] !== m[0]) {
        arr.push(split);
        continue;
      }
      if (closesQuote(splits[i + 1]) && splits[i + 1]!.length < MAX_QUOTE) {
        splits[i] += splits[i + 1]!;
        arr.push(splits[i]!);
        splits[i + 1] = '';
        i += 1;
        continue;
      }
      if (closesQuote(splits[i + 2])) {
        const toAdd = splits[i + 1]! + splits[i + 2]!;
        if (toAdd.length < MAX_QUOTE) {
          splits[i] += toAdd;
          arr.push(splits[i]!);
          splits[i + 1] = '';
          splits[i + 2] = '';
          i += 2;
          continue;
        }
      }
    }
    arr.push(splits[i]!);
  }
  return arr;
}

const HAS_OPEN = /[(\uFF08]/g;
const HAS_CLOSED = /[)\uFF09]/g;
const MAX_LEN = 250;

function parensMerge(splits: string[]): string[] {
  const arr: string[] = [];
  for (let i = 0; i < splits.length; i += 1) {
    const split = splits[i]!;
    const m = split.match(HAS_OPEN);
    if (m !== null && m.length === 1) {
      const next = splits[i + 1];
      if (next && next.length < MAX_LEN) {
        const m2 = next.match(HAS_CLOSED);
        // compromise tests a global regex here, whose lastIndex carries over between calls.
        if (m2 !== null && !HAS_OPEN.test(next)) {
          splits[i] += next;
          arr.push(splits[i]!);
          splits[i + 1] = '';
          i += 1;
          continue;
        }
      }
    }
    arr.push(splits[i]!);
  }
  return arr;
}

const START_WHITESPACE = /^\s+/;

/**
 * What every split of `simpleSplit` needs: a line break, or a stop with white space after it. A text without one is
 * one chunk, which no merge changes (each merges a chunk with the ones after it), so it is its own sentence. The
 * splits and merges were 8% of the motion reader's time on motion-dense text (in a profile), whose windows are cut
 * where no name can reach; many still hold a stop (`c.s. `), and this test made the reader 1.03 times as fast.
 */
const MAY_SPLIT = new RegExp(`[\\n\\r]|[${STOPS}]\\s`);

export function splitSentences(text: string, abbrevs: Record<string, true>): string[] {
  if (!text || !HAS_SOMETHING.test(text)) return [];
  if (!MAY_SPLIT.test(text)) return [text];
  let sentences = smartMerge(simpleMerge(simpleSplit(text)), abbrevs);
  sentences = parensMerge(quoteMerge(sentences));
  if (sentences.length === 0) return [text];
  for (let i = 1; i < sentences.length; i += 1) {
    const ws = START_WHITESPACE.exec(sentences[i]!);
    if (ws !== null) {
      sentences[i - 1] += ws[0];
      sentences[i] = sentences[i]!.replace(START_WHITESPACE, '');
    }
  }
  return sentences;
}

// --- terms (compromise src/1-one/tokenize/methods/02-terms) ---

const NOT_WORD = new Set(['.', '?', '!', ':', ';', '-', '–', '—', '--', '...', '(', ')', '[', ']', '"', "'", '`']);
for (const c of ['«', '»', '*', '•']) NOT_WORD.add(c);
const WORDLIKE = /\S/;
const IS_BOUNDARY = /^[!?.]+$/;
const NAIVE_SPLIT = /(\S+)/;
const DASHES = /[-–—]/;
const HAS_ANY_DASH = /[-–—]/;
const LETTER_NUMBER = /^([a-z\u00C0-\u00FF`"'/]+)[-–—]([a-z0-9\u00C0-\u00FF].*)/i;
const NUMBER_LETTER = /^[('"]?([0-9]{1,4})[-–—]([a-z\u00C0-\u00FF`"'/-]+[)'"]?$)/i;

function hasHyphen(str: string, m: Model): boolean {
  const parts = str.split(DASHES);
  if (parts.length <= 1) return false;
  if (parts[0]!.length === 1 && /[a-z]/i.test(parts[0]!)) return false;
  if (hasOwn(m.prefixes, parts[0]!)) return false;
  parts[1] = parts[1]!.trim().replace(/[.?!]$/, '');
  if (hasOwn(m.suffixes, parts[1])) return false;
  return LETTER_NUMBER.test(str) || NUMBER_LETTER.test(str);
}

function splitHyphens(word: string): string[] {
  const arr: string[] = [];
  const hyphens = word.split(DASHES);
  const whichDash = word.match(DASHES)?.[0] ?? '-';
  for (let o = 0; o < hyphens.length; o++) arr.push(o === hyphens.length - 1 ? hyphens[o]! : hyphens[o]! + whichDash);
  return arr;
}

const IS_SLASH = /\p{L} ?\/ ?\p{L}+$/u;
const START_RANGE = /^[0-9]{1,4}(:[0-9][0-9])?([a-z]{1,2})? ?[-–—] ?$/;
const END_RANGE = /^[0-9]{1,4}([a-z]{1,2})? ?$/;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
export const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/** compromise's test that a piece of the naive split is a word, not space or punctuation to carry over. */
function isWord(word: string): boolean {
  if (word === '') return false;
  // A letter or digit first: not white space, in no list of punctuation, not only stops.
  const code = word.charCodeAt(0);
  if (isAsciiLetter(code) || isDigit(code)) return true;
  return WORDLIKE.test(word) && !NOT_WORD.has(word) && !IS_BOUNDARY.test(word);
}

/**
 * compromise's step for one piece of the naive split: a word is added (with what was carried since the word
 * before), anything else carried over; the new carry. (A function of its own: a closure made for each sentence, over
 * the carry, cost more than its work.)
 */
function take(result: (string | null)[], carry: string, word: string): string {
  if (!isWord(word)) return carry + word;
  if (result.length > 0) {
    result[result.length - 1] += carry;
    result.push(word);
  } else result.push(carry + word);
  return '';
}

function splitWords(str: string, m: Model): string[] {
  const result: (string | null)[] = [];
  let carry = '';
  // The split alternates white space (even places) and runs without it (odd places); only runs can hold a dash.
  const parts = str.split(NAIVE_SPLIT);
  for (let p = 0; p < parts.length; p++) {
    const word = parts[p]!;
    if (p % 2 === 1 && HAS_ANY_DASH.test(word) && hasHyphen(word, m)) {
      for (const w of splitHyphens(word)) carry = take(result, carry, w);
    } else carry = take(result, carry, word);
  }
  if (carry) {
    if (result.length === 0) result[0] = '';
    result[result.length - 1] += carry;
  }
  let removed = false;
  // compromise tests `null` here as the string 'null', which matches neither pattern.
  if (str.includes('/')) {
    for (let i = 1; i < result.length - 1; i++) {
      if (result[i] && IS_SLASH.test(result[i]!)) {
        result[i - 1] += (result[i] as string) + (result[i + 1] as string);
        result[i] = null;
        result[i + 1] = null;
        removed = true;
      }
    }
  }
  for (let i = 0; i < result.length - 1; i += 1) {
    const word = result[i];
    if (!word || !isDigit(word.charCodeAt(0))) continue;
    if (result[i + 1] && START_RANGE.test(word) && END_RANGE.test(result[i + 1]!)) {
      result[i] = word + result[i + 1];
      result[i + 1] = null;
      removed = true;
    }
  }
  return (removed || result.includes('') ? result.filter((s) => s) : result) as string[];
}

// --- punctuation, normal and machine forms (03-whitespace, compute/normal, compute/machine) ---

const IS_LETTER = /\p{Letter}/u;
const IS_NUMBER = /[\p{Number}\p{Currency_Symbol}]/u;
const HAS_ACRONYM = /^[a-z]\.([a-z]\.)+/i;
const CHILLIN = /[sn]['’]$/;
const IS_FULL_NUMBER = /^[(+-]?\d+(th|st|nd|rd)?[)+-]?$/;

/**
 * The common case, a word of letters and digits with only punctuation and space after it (`beleid, `, `2019.`,
 * `financiële `): compromise's rules below give it no punctuation before and the rest after (a `)` or `+` after
 * digits could stay with a number, so those take the general path). Lower-case ASCII letters and digits are their
 * own normal form: no transliteration, acronym or machine rule applies to them.
 */
const PLAIN_ASCII = /^[a-z]*$/;
const HAS_DIGIT = /[0-9]/;
const KEEPS_AFTER_NUMBER = /[)+]/;

const AFTER_WORD = new Set([...',.;:!?()[]"*-–—'].map((c) => c.charCodeAt(0)));
const SPACE = /\s/;

/**
 * The length of the word in `txt` if it is such a word, else 0: `/^[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+/`
 * followed only by white space (not U+FEFF, which compromise keeps in the word) and `,.;:!?()[]"*-–—`, as a scan
 * of character codes.
 */
function plainLength(txt: string): number {
  const n = txt.length;
  let i = 0;
  for (; i < n; i++) {
    const c = txt.charCodeAt(i);
    if (!(isAsciiLetter(c) || isDigit(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7))) break;
  }
  if (i === 0) return 0;
  for (let j = i; j < n; j++) {
    const c = txt.charCodeAt(j);
    if (AFTER_WORD.has(c) || isSpace(c)) continue;
    if (c < 0x80 || c === 0xfeff || !SPACE.test(txt[j]!)) return 0;
  }
  return i;
}

function splitPunctuation(txt: string, m: Model): Term {
  const length = plainLength(txt);
  if (length && !plainEmoticons(m)) {
    const text = txt.slice(0, length);
    const post = txt.slice(text.length);
    if (!HAS_DIGIT.test(text)) {
      const normal = text.toLowerCase();
      return PLAIN_ASCII.test(normal) ? { text, pre: '', post, normal } : finish(text, '', post, m);
    }
    if (!KEEPS_AFTER_NUMBER.test(post)) return finish(text, '', post, m);
  }
  let original = txt;
  let pre = '';
  let post = '';
  if (hasOwn(m.emoticons, txt.trim())) return finish(txt.trim(), '', ' ', m);
  const chars = Array.from(txt);
  let len = chars.length;
  for (let i = 0; i < len; i += 1) {
    const c = chars[0]!;
    if (m.prePunctuation[c] === true) continue;
    if ((c === '+' || c === '-' || c === '(') && IS_FULL_NUMBER.test(txt.trim())) break;
    if (IS_LETTER.test(c) || IS_NUMBER.test(c)) break;
    pre += chars.shift();
  }
  len = chars.length;
  for (let i = 0; i < len; i += 1) {
    const c = chars[chars.length - 1]!;
    if (m.postPunctuation[c] === true) continue;
    if (IS_LETTER.test(c) || IS_NUMBER.test(c)) break;
    if (c === '.' && HAS_ACRONYM.test(original)) continue;
    if (c === "'" && CHILLIN.test(original)) continue;
    if ((c === '+' || c === ')') && IS_FULL_NUMBER.test(txt.trim())) break;
    post = chars.pop() + post;
  }
  let str = chars.join('');
  if (str === '') {
    original = original.replace(/ *$/, (after) => {
      post = after || '';
      return '';
    });
    str = original;
    pre = '';
  }
  return finish(str, pre, post, m);
}

/** Lower-case words without punctuation, on which every step of `cleanup` is a no-op. */
const CLEAN = /^[a-z0-9\u00df-\u00f6\u00f8-\u00ff]*$/;

function cleanup(input: string): string {
  let str = input.toLowerCase().trim();
  if (str !== '' && CLEAN.test(str)) return str;
  const original = str;
  str = str.replace(/[,;.!?]+$/, '');
  str = str.replace(/\u2026/g, '...');
  str = str.replace(/\u2013/g, '-');
  if (!/^[:;]/.test(str)) {
    str = str.replace(/\.{3,}$/g, '');
    str = str.replace(/[",.!:;?)]+$/g, '');
    str = str.replace(/^['"(]+/g, '');
  }
  str = str.replace(/[\u200B-\u200D\uFEFF]/g, '');
  str = str.trim();
  if (str === '') str = original;
  return str.replace(/([0-9]),([0-9])/g, '$1$2');
}

function killUnicode(str: string, m: Model): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < str.length; i++) {
    const to = m.unicode[str[i]!];
    if (!to) continue;
    out += str.slice(from, i) + to;
    from = i + 1;
  }
  return from ? out + str.slice(from) : str;
}

const PERIOD_ACRONYM = /([A-Z]\.)+[A-Z]?,?$/;
const ONE_LETTER_ACRONYM = /^[A-Z]\.,?$/;
const NO_PERIOD_ACRONYM = /[A-Z]{2,}('s|,)?$/;
const LOWER_CASE_ACRONYM = /([a-z]\.)+[a-z]\.?$/;
const HAS_DASH = /^\p{Letter}+-\p{Letter}+$/u;
/** Every acronym pattern needs a capital or a stop; every machine rule an apostrophe, a dash, `#` or `@`. */
const MAY_BE_ACRONYM = /[A-Z.]/;
const MAY_CHANGE_MACHINE = /['’\-#@]/;

function finish(text: string, pre: string, post: string, m: Model): Term {
  let normal = killUnicode(cleanup(text), m);
  if (
    MAY_BE_ACRONYM.test(normal) &&
    (PERIOD_ACRONYM.test(normal) ||
      LOWER_CASE_ACRONYM.test(normal) ||
      ONE_LETTER_ACRONYM.test(normal) ||
      NO_PERIOD_ACRONYM.test(normal))
  )
    normal = normal.replace(/\./g, '');
  const term: Term = { text, pre, post, normal };
  if (normal !== '' && !MAY_CHANGE_MACHINE.test(normal)) return term;
  let machine = normal || text;
  machine = machine.replace(/['’]s$/, '');
  machine = machine.replace(/s['’]$/, 's');
  machine = machine.replace(/([aeiou][ktrp])in'$/, '$1ing');
  if (HAS_DASH.test(machine)) machine = machine.replace(/-/g, '');
  machine = machine.replace(/^[#@]/, '');
  if (machine !== normal) term.machine = machine;
  return term;
}

// --- when compromise's contraction pass would change the terms (contraction-one/compute/contractions) ---

const NUM_DASH = /^[0-9][^-–—]*[-–—].*?[0-9]/;
const NUM_UNIT = /^([+-]?[0-9][.,0-9]*)([a-z°²³µ/]+)$/;
const IS_RANGE = /^([0-9.]{1,4}[a-z]{0,2}) ?[-–—] ?([0-9]{1,4}[a-z]{0,2})$/i;
const TIME_RANGE = /^([0-9]{1,2}(:[0-9][0-9])?(am|pm)?) ?[-–—] ?([0-9]{1,2}(:[0-9][0-9])?(am|pm)?)$/i;
const PHONE_NUMBER = /^[0-9]{3}-[0-9]{4}$/;
/** Where the pass splits on an apostrophe: `n't`/`'d` by the end, French `j'`, `l'`, `d'` by the start. */
const BY_END = new Set(['t', 'd']);
const BY_START = new Set(['j', 'l', 'd']);

/** What compromise's contraction pass does to a term (`contraction`). */
const UNCHANGED = 0;
/** A known contraction, `n't`, `'d`, a French elision, `there's`: left to compromise itself. */
const REPLACED = 1;
/** A number glued to a unit (`5km`, `25bis`, `2015.³`), split as `numberUnit` splits it. */
const NUMBER_UNIT = 2;

/**
 * What compromise's contraction pass would do to this term, by the same tests in the same order: replace it (a
 * known contraction, by word, or by what stands before or after its apostrophe; `n't`, `'d`, French elisions,
 * `there's`), leave a number range (`2-4`, see `range`), or split a number glued to a unit (`5km`, not `3rd` or
 * `2e`). It changes nothing else, so a piece none of whose terms it would change comes out of it as it went in.
 */
function contraction(term: Term, m: Model, contractionWords: WordList): number {
  const { normal } = term;
  if (contractionWords.has(normal)) return REPLACED;
  if (normal.includes("'")) {
    const [before = '', after = ''] = normal.split(/'/);
    for (const o of m.contractions) {
      if (o.after !== undefined && after === o.after) return REPLACED;
      if (o.before !== undefined && before === o.before && after.length > 2) return REPLACED;
    }
    if (BY_END.has(after) || BY_START.has(before)) return REPLACED;
    if (before === 'there' && after === 's') return REPLACED;
  }
  // Both patterns start with a digit (or a sign), so most words need no regex.
  if (isDigit(normal.charCodeAt(0)) && NUM_DASH.test(normal)) return UNCHANGED;
  const code = term.text.charCodeAt(0);
  if (!isDigit(code) && code !== 0x2b && code !== 0x2d) return UNCHANGED;
  const unit = NUM_UNIT.exec(term.text);
  return unit && !hasOwn(m.numberSuffixes, unit[2]!.toLowerCase().trim()) ? NUMBER_UNIT : UNCHANGED;
}

/**
 * A number range (`2017-2018`, `9-17`) as the contraction pass splits it: `2017`, `to`, `2018`. Undefined when the
 * term is no range.
 */
function range(term: Term, m: Model): Term[] | undefined {
  if (!isDigit(term.normal.charCodeAt(0)) || !NUM_DASH.test(term.normal)) return undefined;
  let words: string[] | undefined;
  const parts = IS_RANGE.exec(term.text);
  if (parts !== null) {
    if (!PHONE_NUMBER.test(term.text)) words = [parts[1]!, 'to', parts[2]!];
  } else {
    const time = TIME_RANGE.exec(term.text);
    if (time !== null) words = [time[1]!, 'to', time[4]!];
  }
  return words && spliced(term, words, m);
}

/**
 * A number glued to a unit (`25bis`, `2015.³`) as the contraction pass splits it (compromise's `numberUnit`): the
 * number and the unit. Handed to compromise, the three sentences of the corpus letters that hold one (`artikel
 * 25bis`, `2015.³`) were 9% of the time labelPillars took over the letters (2 of 23 ms).
 */
function numberUnit(term: Term, m: Model): Term[] | undefined {
  const parts = NUM_UNIT.exec(term.text)!;
  return spliced(term, [parts[1]!, parts[2]!.toLowerCase().trim()], m);
}

/**
 * The terms the contraction pass puts in place of `term` (its `_splice`), from the words it splits it into: only
 * the first keeps the text and normal form (and the punctuation before), the last gets the punctuation after, and
 * each has its word as its machine form. Undefined when the words make no term.
 */
function spliced(term: Term, words: readonly string[], m: Model): Term[] | undefined {
  // compromise parses the words as a text of their own and takes its first sentence.
  const first = splitSentences(words.join(' '), m.abbreviations)[0] ?? '';
  const out: Term[] = splitWords(first, m).map((w) => {
    const { text } = splitPunctuation(w, m);
    return { text: '', pre: '', post: '', normal: '', machine: text };
  });
  if (!out.length) return undefined;
  out[0] = { ...out[0]!, pre: term.pre, text: term.text, normal: term.normal };
  out[out.length - 1]!.post = term.post;
  return out;
}

/**
 * Characters that `plainTerms` allows after a word's letters, by code: punctuation compromise moves to `post`. A dash
 * among them (`onderwijs- en`) is no hyphen: `hasHyphen` splits only at a dash with a letter or digit after it.
 */
const POST = new Uint8Array(0x2015);
for (const c of ',.;:!?)]"*-–—') POST[c.charCodeAt(0)] = 1;
/** Whether `code` is one of POST's: a table, not a set, since it is read for every character after a word. */
const isPost = (code: number) => code < 0x2015 && POST[code] === 1;
/** Runs that compromise carries over to the word before them (its `notWord` list and runs of stops), by content. */
const CARRIED = new Set([
  '.',
  '?',
  '!',
  ':',
  ';',
  '-',
  '–',
  '—',
  '--',
  '...',
  '(',
  ')',
  '[',
  ']',
  '"',
  '«',
  '»',
  '*',
  '•',
]);
export const isSpace = (code: number) =>
  code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x0b || code === 0x0c;

/**
 * Where `plainTerms` failed on a sentence: from `cut` (a run of the sentence after white space, not its first) the
 * general rules read the rest, and the first `count` of its `terms` stand, as the general rules make them: they end
 * before a word run that `plainTerms` read whole, so what follows changes none of them (`splitWords` carries
 * punctuation to the word before it, joins words around a slash, which no such run has, and number ranges, which
 * such a run does not start). With the whole sentence sent down the general path where one word was not plain (`5%`,
 * `‘asielshoppen’`, `Dijk/Van`), 26% of the corpus letters' text took it, and it cost 15% of labelPillars there (in
 * a profile); with the rest only, labelPillars read the letters 1.16 times as fast (6.8 -> 7.8 MB/s), motion-dense
 * text 1.12 times (7.7 -> 8.6), the real texts 1.04 times (side by side). `cut` is -1 where the whole sentence takes
 * it.
 */
interface Partial {
  cut: number;
  count: number;
  terms: Term[];
  /** Where the run that failed starts. */
  failed: number;
}
const partial: Partial = { cut: -1, count: 0, terms: [], failed: 0 };
/** Where each word run of the sentence starts, and how many terms stand before it (`plainTerms`). */
const runStarts: number[] = [];
const runTerms: number[] = [];

/**
 * Undefined, and where the general rules can take over (see `Partial`): at the word run before the one that fails
 * (`back` 2), at the last one if a run at `at` that no word starts fails (1), or nowhere (0). A function of its own,
 * not a closure in `plainTerms`: one over its position made every step of its scan a write to the closure's context.
 */
function fail(back: number, runs: number, terms: Term[], at: number): undefined {
  const run = runs - back;
  partial.cut = back && run >= 1 ? runStarts[run]! : -1;
  partial.count = back && run >= 1 ? runTerms[run]! : 0;
  partial.terms = terms;
  partial.failed = back === 1 ? at : runStarts[runs - 1]!;
  return undefined;
}

/**
 * The terms of a sentence in which every word is ASCII letters with only punctuation after them (`Het kabinet, dat
 * …`), in one scan of its characters: what `splitWords` and `splitPunctuation` make of such a sentence, without
 * their splits and regexes. Undefined for any other sentence, which then takes the general path. Words may also
 * hold Latin-1 letters (`financiële`) and be plain numbers (`2019`, not `5km`): with ASCII letters only, every
 * sentence with a year or a diaeresis took the general path, and taking them here made the full analysis of the
 * corpus letters 1.2 times as fast (2.8 → 3.4 MB/s, best of 15, measured side by side). So may a run split at its
 * hyphens (`EU-Turkije`, `SP-fractie`) and white space before the first word: with them, the share of the letters'
 * sentences that take the general path fell from 40% to 23% (a few per cent faster: the rest of the work remains).
 */
function plainTerms(sentence: string, m: Model, contractionWords: WordList): Term[] | undefined {
  const terms: Term[] = [];
  const n = sentence.length;
  let i = 0;
  // White space before the first word is its `pre` (later sentences start with a word: `splitSentences`).
  while (i < n && isSpace(sentence.charCodeAt(i))) i++;
  let pre = sentence.slice(0, i);
  /** The end of the run without white space whose hyphens `hasHyphen` has allowed splitting at. */
  let hyphenRunEnd = -1;
  let runs = 0;
  partial.cut = -1;
  while (i < n) {
    if (i === 0 || isSpace(sentence.charCodeAt(i - 1))) {
      runStarts[runs] = i;
      runTerms[runs++] = terms.length;
    }
    // An opening parenthesis before a letter (`(Kamerstuk`) is the word's `pre`; before a digit compromise may keep
    // it in a number's text (`(29`): see `number` below. Citations in parentheses sent a third of motion-dense
    // text's sentences down the general path.
    let paren = false;
    if (!pre && sentence.charCodeAt(i) === 0x28) {
      if (isPlainLetter(sentence.charCodeAt(i + 1))) pre = '(';
      else if (isDigit(sentence.charCodeAt(i + 1))) paren = true;
      if (pre || paren) i++;
    }
    const start = i;
    // An abbreviation of single letters with stops (`c.s.`, `M.B.`) before white space: one term with the stops in
    // its text and without them in its normal form. Motion windows name co-submitters by `c.s.`, and each sent its
    // sentence down the general path.
    // (After white space of its own, compromise's acronym test fails and a stop goes to `post`: not taken here.)
    const dots = pre ? 0 : initialsLength(sentence, i);
    if (dots) {
      i += dots;
      let letters = '';
      for (let d = start; d < i; d += 2) letters += sentence[d];
      const normal = letters.toLowerCase();
      if (contractionWords.has(normal)) return fail(0, runs, terms, i);
      while (i < n && isSpace(sentence.charCodeAt(i))) i++;
      if (i < n && !isPlainWordChar(sentence.charCodeAt(i))) return fail(1, runs, terms, i);
      terms.push({ text: sentence.slice(start, start + dots), pre, post: sentence.slice(start + dots, i), normal });
      pre = '';
      continue;
    }
    // What the word holds beside ASCII letters: digits (1), Latin-1 letters (2); and whether a capital.
    let kinds = 0;
    let capital = false;
    for (; i < n; i++) {
      const c = sentence.charCodeAt(i);
      if (c >= 0x61 && c <= 0x7a) continue;
      if (c >= 0x41 && c <= 0x5a) capital = true;
      else if (isDigit(c)) kinds |= 1;
      else if (isLatin1Letter(c)) kinds |= 2;
      else break;
    }
    if (i === start) return fail(2, runs, terms, i);
    let text = sentence.slice(start, i);
    const postStart = i;
    if (i + 1 < n && isDash(sentence.charCodeAt(i)) && isPlainWordChar(sentence.charCodeAt(i + 1))) {
      if (paren) return fail(2, runs, terms, i);
      // A hyphen inside a run (`EU-Turkije,`): `splitWords` splits the run at its dashes if `hasHyphen` allows it,
      // each part but the last keeping the run's first dash as its `post`, so only runs of one kind of dash are
      // taken. The run's last part is a word as any other.
      if (hyphenRunEnd < i) {
        // `hasHyphen` would read the run with its parenthesis.
        if (pre) return fail(2, runs, terms, i);
        let end = i;
        while (end < n && !isSpace(sentence.charCodeAt(end))) end++;
        const run = sentence.slice(start, end);
        const dash = sentence[i]!;
        for (let d = i; d < end; d++)
          if (isDash(sentence.charCodeAt(d)) && sentence[d] !== dash) return fail(2, runs, terms, i);
        if (!hasHyphen(run, m)) return fail(2, runs, terms, i);
        hyphenRunEnd = end;
      }
      i++;
    } else
      for (;;) {
        for (; i < n && isPost(sentence.charCodeAt(i)); i++) {
          // In a run split at its dashes every dash but a last one splits (`motie-motie-,` ends in the word `,`).
          if (i + 1 < hyphenRunEnd && isDash(sentence.charCodeAt(i))) return fail(2, runs, terms, i);
        }
        if (i < n && !isSpace(sentence.charCodeAt(i))) return fail(2, runs, terms, i);
        while (i < n && isSpace(sentence.charCodeAt(i))) i++;
        if (i >= n) break;
        // A run of punctuation of its own (` - `, ` ( `) is carried over to this word; anything else is a word. A
        // letter starts no such run: checked first, the next word was sliced and tested once more for each word (this
        // function was the labeller's largest own cost, 7% of the analysis of the corpus letters, in a profile).
        if (isPlainWordChar(sentence.charCodeAt(i))) break;
        if (sentence.charCodeAt(i) === 0x28 && isPlainLetter(sentence.charCodeAt(i + 1))) break;
        let end = i;
        while (end < n && !isSpace(sentence.charCodeAt(end))) end++;
        if (!CARRIED.has(sentence.slice(i, end)) && !/^[!?.]+$/.test(sentence.slice(i, end)))
          return fail(1, runs, terms, i);
        i = end;
      }
    let post = sentence.slice(postStart, i);
    // A word in lower case is its own: `toLowerCase` on it (a slice of the sentence) cost 60 ns a word.
    let normal = capital || kinds & 2 ? text.toLowerCase() : text;
    if (kinds & 1) {
      // A number: only digits (a digit before letters may be a unit, `5km`, which the contraction pass splits),
      // without a dash after (`2017 - 2018` is one range); a `)` after it may stay in its text (`2380)`).
      if (kinds !== 1 && isDigit(text.charCodeAt(0))) return fail(2, runs, terms, i);
      if (kinds === 1 && !ALL_DIGITS.test(text)) return fail(2, runs, terms, i);
      if (HAS_ANY_DASH.test(post)) return fail(2, runs, terms, i);
      if (paren || post.includes(')')) {
        if (kinds !== 1) return fail(2, runs, terms, i);
        [pre, text, post] = parenthesisedNumber(pre, paren, text, post);
      }
    }
    if (kinds & 2) {
      // Latin-1 letters lower-case into `cleanup`'s clean range; `finish` then only transliterates them, and leaves
      // the form alone if it comes out as lower-case letters and digits.
      normal = killUnicode(normal, m);
      if (!CLEAN_FORM.test(normal)) return fail(2, runs, terms, i);
    }
    if (contractionWords.has(normal)) return fail(0, runs, terms, i);
    terms.push({ text, pre, post, normal });
    pre = '';
  }
  return terms.length ? terms : undefined;
}

/**
 * A number in or before parentheses (`(29`, `2380)`, `(12)`, `12).`) as `splitPunctuation` splits it: the
 * parentheses stay in its text when the word is a number as `IS_FULL_NUMBER` sees it, else they are its `pre` and
 * `post`. Its normal form is the digits either way (`cleanup`). Citations end in one (`(Kamerstuk 19 637, nr.
 * 2380)`): a number with a `)` after it sent a fifth of motion-dense text's sentences down the general path.
 */
function parenthesisedNumber(
  pre: string,
  paren: boolean,
  digits: string,
  post: string,
): [pre: string, text: string, post: string] {
  // compromise tests the word with the punctuation carried over to it, trimmed: `6 )` (a `)` of its own after the
  // number) is no number, so its `(` and `)` stay outside its text.
  const after = post.trimEnd();
  const word = (paren ? '(' : '') + digits + after;
  if (IS_FULL_NUMBER.test(word)) return [pre, word, post.slice(after.length)];
  return [paren ? `${pre}(` : pre, digits, post];
}

/** The length of `([A-Za-z]\.){2,}` at `at` if white space or the end follows it, else 0. */
function initialsLength(s: string, at: number): number {
  let i = at;
  while (i + 1 < s.length && isAsciiLetter(s.charCodeAt(i)) && s.charCodeAt(i + 1) === 0x2e) i += 2;
  if (i - at < 4 || (i < s.length && !isSpace(s.charCodeAt(i)))) return 0;
  return i - at;
}

const isLatin1Letter = (c: number) => c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
export const isPlainLetter = (c: number) => isAsciiLetter(c) || isLatin1Letter(c);
const isPlainWordChar = (c: number) => isAsciiLetter(c) || isDigit(c) || isLatin1Letter(c);
const isDash = (c: number) => c === 0x2d || c === 0x2013 || c === 0x2014;

const ALL_DIGITS = /^[0-9]+$/;
const CLEAN_FORM = /^[a-z0-9]+$/;

/**
 * The sentences of `text` as compromise's `nlp.tokenize(text)` makes them (its `doc.docs`), or undefined when
 * compromise's contraction pass or its CJK rules could change them: then the caller asks compromise.
 *
 * @param options.ranges false to hand number ranges back to compromise as well: then every term is a word of the
 *   input, none one of the empty terms a contraction adds.
 */
export function sentencesOf(text: string, options: { ranges?: boolean } = {}): Term[][] | undefined {
  const sentences = sentencesOrTexts(text, { ranges: options.ranges, within: wholeText });
  if (!sentences) return undefined;
  for (const sentence of sentences) if (typeof sentence === 'string') return undefined;
  return sentences as Term[][];
}

/**
 * The whole text as the one window of `sentencesOrTexts`' `within`: a text that `inOneSentenceEach` finds to be one
 * sentence is tokenised without the sentence split. The motion reader's names windows are most often one sentence
 * with a stop that ends none (`c.s. en`); their split was 9% of its time on motion-dense text (in a profile).
 */
const wholeText = (text: string): true | readonly number[] =>
  // A text without a stop before white space is its own sentence anyway (`splitSentences`); one with a line break
  // is not, as `inOneSentenceEach` would find only after reading up to it.
  !MAY_SPLIT.test(text) || LINE_BREAK.test(text) ? true : [0, text.length];
const LINE_BREAK = /[\n\r]/;

/**
 * `sentencesOf`, except that a sentence whose terms compromise's contraction pass could change (see `contraction`)
 * is given as its text, for compromise to tokenise on its own; undefined only for text with CJK stops. The caller
 * that hands compromise one such sentence rather than the whole piece saves most of its cost: three pieces of the
 * corpus letters (`25bis`, `2015.³`, now split by `numberUnit`), 1% of their text, took 11% of the time tokenising
 * the letters as whole pieces.
 *
 * @param options.within where given, which of the whole text is tokenised, as `select` of a sentence: where it
 *   gives windows that lie in one sentence each and start there as `select` would start them (`inOneSentenceEach`),
 *   they are tokenised without splitting the text into sentences; else the text is split and `select` asked.
 * @param options.select where given, which of each sentence is tokenised: `false` none of it (it is left out),
 *   `true` all of it, or a list of `[start, end)` offset pairs, each a window that starts at the sentence's start
 *   or at a run of white space before a letter (`isPlainLetter`) and ends at its end or at such a run: the terms of
 *   each window are given as a sentence of their own. They are the sentence's terms there, as the general rules
 *   read them from such a run (see `sentenceTerms`). A window whose terms the contraction pass could change gives
 *   the whole sentence as its text, as without windows.
 */
export function sentencesOrTexts(
  text: string,
  options: {
    ranges?: boolean;
    select?: (sentence: string) => boolean | readonly number[];
    within?: (text: string) => boolean | readonly number[];
  } = {},
): (Term[] | string)[] | undefined {
  if (HAS_CJK_STOP.test(text)) return undefined;
  const { model: m, contractionWords } = model();
  const { select, within } = options;
  const ranges = options.ranges !== false;
  const emoticons = plainEmoticons(m);
  const termsIn = (sentence: string) =>
    emoticons ? termsOf(sentence, m, contractionWords, ranges) : sentenceTerms(sentence, m, contractionWords, ranges);
  let windows: boolean | readonly number[] = true;
  if (within) {
    windows = within(text);
    if (windows === false) return [];
    if (windows !== true && inOneSentenceEach(text, windows)) {
      const out: Term[][] = [];
      for (let w = 0; w < windows.length; w += 2) {
        const terms = termsIn(text.slice(windows[w], windows[w + 1]));
        if (!terms) break;
        out.push(terms);
      }
      if (out.length === windows.length / 2) return out;
    }
  }
  const sentences = splitSentences(text, m.abbreviations);
  // The text's windows, cut to each sentence, where the sentences are the text in order (they are: the splits keep
  // every character): they hold what `select` would give each, and more only where a key's reach runs on into the
  // next sentence. Asked again, `select` read each sentence of such a piece a second time.
  const cut = windows !== true && sentences.join('').length === text.length ? windows : undefined;
  let at = 0;
  const out: (Term[] | string)[] = [];
  for (const sentence of sentences) {
    const from = at;
    at += sentence.length;
    const selected = cut ? windowsWithin(text, cut, from, at) : select ? select(sentence) : true;
    if (selected === false) continue;
    if (selected === true) {
      out.push(termsIn(sentence) ?? sentence);
      continue;
    }
    const before = out.length;
    for (let w = 0; w < selected.length; w += 2) {
      const terms = termsIn(sentence.slice(selected[w], selected[w + 1]));
      if (!terms) {
        out.length = before;
        out.push(sentence);
        break;
      }
      out.push(terms);
    }
  }
  return out;
}

/**
 * `windows` of a text cut to its sentence `[from, to)`, as offsets in the sentence (see `select`): a window that
 * starts before the sentence's first word starts at the sentence's start, whose first word takes what stands
 * before it as its `pre`.
 */
function windowsWithin(text: string, windows: readonly number[], from: number, to: number): boolean | number[] {
  const out: number[] = [];
  for (let w = 0; w < windows.length; w += 2) {
    let start = Math.max(windows[w]!, from);
    const end = Math.min(windows[w + 1]!, to);
    if (start >= end) continue;
    if (start > from && !LETTER_OR_DIGIT.test(text.slice(from, start))) start = from;
    out.push(start - from, end - from);
  }
  if (!out.length) return false;
  return out.length === 2 && out[0] === 0 && out[1] === to - from ? true : out;
}

const STOP_CHARACTER = new RegExp(`[${STOPS}]`);

/** Whether a character code is one of STOPS: ASCII by code, the rest (rare) by the class. */
const isStopCode = (c: number) =>
  c < 0x80 ? c === 0x2e || c === 0x21 || c === 0x3f : STOP_CHARACTER.test(String.fromCharCode(c));

/**
 * Whether each window (`[start, end)` pairs, each starting at the text's start or at a run before a letter, and
 * ending at its end or at such a run) lies in one sentence of `text`, and its first word has no `pre` there that
 * the window leaves out. A sentence ends only after a line break or a stop before white space (`simpleSplit` splits
 * there; the merges only join), then after the white space that follows (`splitSentences`): where none of those
 * ends falls inside a window, it lies in one sentence, and its terms are that sentence's there (see `sentenceTerms`).
 * Punctuation before a sentence's first word is that word's `pre`: a window whose run before it has no letter or
 * digit may start a sentence with such punctuation, and is refused. Splitting into sentences was 17% of labelPillars
 * on motion-dense text (in a profile); most windows there lie in a sentence.
 */
export function inOneSentenceEach(text: string, windows: readonly number[]): boolean {
  const { abbreviations } = model().model;
  for (let w = 0; w < windows.length; w += 2) {
    const start = windows[w]!;
    const end = windows[w + 1]!;
    // Read by code within the window: a global search from its start went on to the next stop past its end.
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) return false;
      if (!isStopCode(c) || i + 1 >= text.length || !isJsSpace(text.charCodeAt(i + 1))) continue;
      let next = i + 2;
      while (next < end && isJsSpace(text.charCodeAt(next))) next++;
      if (next < end && !neverEnds(text, i, abbreviations)) return false;
    }
    if (start > 0) {
      let run = start - 1;
      while (run >= 0 && isJsSpace(text.charCodeAt(run))) run--;
      let word = false;
      for (; run >= 0 && !isJsSpace(text.charCodeAt(run)); run--) {
        if (isLetterOrDigitAt(text, run)) {
          word = true;
          break;
        }
      }
      if (!word) return false;
    }
  }
  return true;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * LETTER_OR_DIGIT of the code unit at `at`, ASCII by code, and only until one is found: the pattern on a string of
 * one character, for every character of the run before each window, was most of `inOneSentenceEach` (9% of the
 * labeller's tokenising of the corpus letters, in a profile); without it labelPillars read them about 1.03 times as
 * fast (paired median).
 */
function isLetterOrDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return LETTER_OR_DIGIT.test(text[at]!);
}

/**
 * Whether the stop at `at`, a space after it and more text after that, ends no sentence by what stands just before
 * it, whatever the text before: `isSentence` refuses a chunk ending in an acronym (`c.s.`, `M.B.`), in an
 * abbreviation (`nr.`, `blz.`) or in an ellipsis, and `smartMerge` joins it to the next. The three characters and
 * the word it reads are the chunk's own where no white space stands among them, and a plain space before the word
 * (the chunk's last `' '`). Motion windows hold `c.s.` and citations `nr.`: without this, 13% of motion-dense text
 * was split into sentences.
 */
function neverEnds(text: string, at: number, abbreviations: Record<string, true>): boolean {
  if (text.charCodeAt(at + 1) !== 0x20) return false;
  const last = text[at]!;
  if (last === '\u2026' || (last === '.' && text[at - 1] === '.')) return true;
  if (at >= 2 && !isJsSpace(text.charCodeAt(at - 1)) && !isJsSpace(text.charCodeAt(at - 2))) {
    if (IS_ACRONYM.test(text.slice(at - 2, at + 1))) return true;
  }
  if (last !== '.') return false;
  let from = at;
  while (from > 0 && !isJsSpace(text.charCodeAt(from - 1))) from--;
  if (from > 0 && text.charCodeAt(from - 1) !== 0x20) return false;
  return hasOwn(abbreviations, text.slice(from, at).toLowerCase());
}

/**
 * The terms of one sentence: by `plainTerms` where it can, by the general rules (`termsOf`) from the word run
 * before a run it fails on (see `Partial`) up to the next run that starts with a letter, and from there by
 * `plainTerms` again. A run of letters takes nothing over from the runs before it (a word, it carries nothing back;
 * no range ends in a letter; the word before it ends in white space, so it joins no slash). Undefined where the
 * contraction pass would change a term (the general rules find that term wherever they start). Reading only the odd
 * runs by the general rules, not the rest of their sentences, made labelPillars 1.15 times as fast on the corpus
 * letters, 1.1 on motion-dense text and on the real texts (side by side).
 */
function sentenceTerms(sentence: string, m: Model, contractionWords: WordList, ranges: boolean): Term[] | undefined {
  let terms: Term[] | undefined;
  let from = 0;
  // Terms are added to one array (not concatenated: a sentence of many odd runs would be copied once for each).
  for (;;) {
    const rest = from ? sentence.slice(from) : sentence;
    const plain = plainTerms(rest, m, contractionWords);
    if (plain) {
      if (!terms) return plain;
      for (const term of plain) terms.push(term);
      return terms;
    }
    // White space before a sentence's first word is its `pre` here, part of the word there: from its start, the
    // general rules read the whole sentence.
    if (partial.cut < 0 && from === 0) return termsOf(sentence, m, contractionWords, ranges);
    const cut = Math.max(0, partial.cut);
    const head = partial.terms;
    const count = partial.cut > 0 ? partial.count : 0;
    const resume = letterRunAfter(rest, partial.failed);
    const general = termsOf(resume < 0 ? rest.slice(cut) : rest.slice(cut, resume), m, contractionWords, ranges);
    if (!general) return undefined;
    terms ??= [];
    for (let t = 0; t < count; t++) terms.push(head[t]!);
    for (const term of general) terms.push(term);
    if (resume < 0) return terms;
    from += resume;
  }
}

/** Where the first run after the one at `at` that starts with a letter (`isPlainLetter`) starts; -1 if none does. */
function letterRunAfter(s: string, at: number): number {
  const n = s.length;
  let i = at;
  while (i < n) {
    while (i < n && !isSpace(s.charCodeAt(i))) i++;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i < n && isPlainLetter(s.charCodeAt(i))) return i;
  }
  return -1;
}

/** The terms of one sentence by the general rules, or undefined where the contraction pass would change them. */
function termsOf(sentence: string, m: Model, contractionWords: WordList, ranges: boolean): Term[] | undefined {
  const terms: Term[] = [];
  for (const word of splitWords(sentence, m)) {
    const term = splitPunctuation(word, m);
    const change = contraction(term, m, contractionWords);
    if (change === REPLACED) return undefined;
    const split = change === NUMBER_UNIT ? numberUnit(term, m) : range(term, m);
    if (split && !ranges) return undefined;
    if (split) terms.push(...split);
    else terms.push(term);
  }
  return terms;
}
