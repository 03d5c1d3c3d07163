import nlp from 'compromise/one';
import { hasOwn, type Model, model, sentencesOf, type Term } from '../words';
import { compromiseLexicon, TAG } from './lexicon';

/*
 * Tokenising a window after a motion word: words split from their punctuation (`(PVV)`, `Laar.`), hyphenated
 * names split into parts (`Versnel-Schmitz`), abbreviations and initials kept whole (`c.s.`, `M.B.`), character
 * offsets, and the tags of our Dutch lexicon, all by compromise's rules. `sentencesOf` (lib/refs/words.ts) applies
 * those rules without compromise's machinery: measured on 1 MB of motion-dense text, building compromise's document
 * for each window (`nlp(window).json(…)`, its pointers, caches and compute passes) and running its matcher took
 * most of the motion detector's time. compromise itself reads only the windows where its contraction pass would
 * change the terms (`d'Hondt`); tests/unit/refs/words.test.ts checks that both give the same tokens and matches.
 * Only `compromise/one` (tokeniser, lexicon, matcher) is loaded: the English part-of-speech tagger of the full
 * build would only mis-tag Dutch words, at four times the size.
 */
nlp.plugin({
  tags: Object.fromEntries(Object.values(TAG).map((tag) => [tag, {}])),
  words: compromiseLexicon(),
});

/** One word of the input, with offsets into the full text and the lexicon tags compromise gives it. */
export interface Token {
  /** The word as it stands in the input (`Özütok`, `’t`, `c.s.`). */
  text: string;
  /** compromise's normal form: lower case, no diacritics, no full stops (`ozutok`, `cs`); `'t` for the particle. */
  normal: string;
  start: number;
  end: number;
  /** Our lexicon's tags (`TAG`) on this word; compromise's own tags (`Abbreviation`) are left out. */
  tags: ReadonlySet<string>;
  /** The input between the previous token (or the window start) and this one: `-`, ` / `, `, `, ` (`. */
  gap: string;
}

/** A tokenised window: its tokens, and how they stand in compromise's terms for matching. */
export interface TokenWindow {
  tokens: Token[];
  /** Offset of the window in the full text. */
  start: number;
  /**
   * The terms of the window's first sentence, where a pattern anchored with `^` can match: made from `firstTerms`
   * as a match reads them (`matchTerm`). A pattern reads a few; made for every term of the sentence, they were 4% of
   * the motion reader's time on motion-dense text (in a profile), mostly garbage.
   */
  first: MatchTerm[];
  /** compromise's terms of the first sentence, and the offset in the window after the last one `first` holds. */
  firstTerms: readonly Term[];
  firstEnd: number;
  /** The window as tokenised (see `shadow`). */
  shadowed: string;
  /** compromise's document, for a window that compromise tokenised itself. */
  doc?: ReturnType<typeof nlp>;
}

/** What a pattern looks at in a term. */
interface MatchTerm {
  text: string;
  normal: string;
  machine?: string;
  alias?: string;
  tags: ReadonlySet<string>;
  /** Offsets in the window of the term's text and of the end of the punctuation after it. */
  start: number;
  end: number;
}

interface JsonTerm {
  text: string;
  normal: string;
  pre: string;
  tags: string[];
  offset: { start: number; length: number };
}

/* Same-length substitutions only, so that compromise's offsets stay offsets into the input. */
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
/* A slash joins co-submitters (`Verhoeven/Groothuizen`), but compromise reads `a/b` as one term with alternatives. */
const SLASH = /\//g;
/* Footnote markers: superscripts anywhere, plain digits glued to a lower-case word or a stop (`Becker8`, `c.s.2`). */
const MARKERS = /[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]|(?<=[\p{Ll}.])\d+/gu;
const DASHES = /[\u2010-\u2014]/g;
/* compromise would split a decomposed `e\u0301` into two terms; any letter keeps the word whole. */
const MARKS = /\p{M}/gu;

/**
 * Every pattern above matches only a character outside ASCII, a slash or a digit; a window without them (most: the
 * window ends before a digit, see `namesEnd`) is its own shadow, and `shadowByCodes` gives it back as it is.
 */
export function shadow(text: string): string {
  return shadowByCodes(text) ?? shadowByPatterns(text);
}

const LOWER = /\p{Ll}/u;
const MARK = /\p{M}/u;

/**
 * `shadowByPatterns` in one scan of the character codes, for a window without surrogates (the patterns read an
 * astral character as one): five regex passes over each window that needs a shadow (one with a name as `Özütok`
 * or a slash) were 3% of the motion reader's time on motion-dense text, and a scan for whether a window needs one 2%
 * (in a profile). Undefined for a window with a surrogate. A marker is a digit run after a lower-case letter or a
 * stop (`MARKERS`): the earlier passes change no such character. tests/unit/refs/motions-shadow.test.ts checks that
 * both give the same.
 */
function shadowByCodes(text: string): string | undefined {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to: string | undefined;
    if (c < 0x80) {
      if (c === 0x2f) to = ' ';
      else if (c >= 0x30 && c <= 0x39) {
        const before = i > 0 ? text.charCodeAt(i - 1) : -1;
        if (!((before >= 0x61 && before <= 0x7a) || before === 0x2e || (before >= 0x80 && LOWER.test(text[i - 1]!))))
          continue;
        let end = i + 1;
        while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
        out += text.slice(copied, i) + ' '.repeat(end - i);
        copied = end;
        i = end - 1;
        continue;
      } else continue;
    } else if (c >= 0xd800 && c <= 0xdfff) return undefined;
    else if (c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) to = ' ';
    else if (c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079)) to = ' ';
    else if (c >= 0x2010 && c <= 0x2014) to = '-';
    else if (c >= 0x300 && MARK.test(text[i]!)) to = 'a';
    else continue;
    out += text.slice(copied, i) + to;
    copied = i + 1;
  }
  return copied ? out + text.slice(copied) : text;
}

/** The same-length substitutions, pattern by pattern (see above). */
export function shadowByPatterns(text: string): string {
  return text
    .replace(SPACES, ' ')
    .replace(SLASH, ' ')
    .replace(MARKERS, (m) => ' '.repeat(m.length))
    .replace(DASHES, '-')
    .replace(MARKS, 'a');
}

const OUR_TAGS: ReadonlySet<string> = new Set(Object.values(TAG));
const NO_TAGS: ReadonlySet<string> = new Set();
/** One set for each of our tags, shared by the terms that have it: a new set per tagged term was garbage. */
const TAG_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map([...OUR_TAGS].map((tag) => [tag, new Set([tag])]));

/**
 * The tags compromise's lexicon step gives a term, of ours: the lexicon's tag for its machine or normal form, else
 * for its alias (`&` → `and`). The lexicon has no entries of several words (else `tokenizeWindow` asks compromise).
 */
function tagsOf(term: Term, alias: string | undefined, lexicon: Record<string, unknown>): ReadonlySet<string> {
  const word = term.machine || term.normal;
  let tag = hasOwn(lexicon, word) ? lexicon[word] : undefined;
  if (tag === undefined && alias !== undefined && hasOwn(lexicon, alias)) tag = lexicon[alias];
  return (typeof tag === 'string' && TAG_SETS.get(tag)) || NO_TAGS;
}

/** A word's alias and tags, for a term whose normal form is the word and that has no machine form. */
interface WordEntry {
  alias: string | undefined;
  tags: ReadonlySet<string>;
}

/**
 * Each word's entry, looked up once: a lookup of a fresh string in compromise's lexicon and aliases (objects in
 * dictionary mode, where each lookup internalises the string) was 8% of the motion reader's time on motion-dense
 * text (in a profile), a Map's less. Emptied when compromise's model or its tables are replaced, and when it has
 * read many words. (Words added later to the same lexicon, by `nlp.addWords`, would not be seen: nothing does so
 * after our plugin, at load.)
 */
const entries = new Map<string, WordEntry>();
let entriesFor: { model: object; lexicon: object; aliases: object } | undefined;
const MAX_ENTRIES = 50_000;

function wordEntry(word: string, m: Model): WordEntry {
  if (entriesFor?.model !== m || entriesFor.lexicon !== m.lexicon || entriesFor.aliases !== m.aliases) {
    entries.clear();
    entriesFor = { model: m, lexicon: m.lexicon, aliases: m.aliases };
  }
  let entry = entries.get(word);
  if (entry === undefined) {
    const alias = hasOwn(m.aliases, word) ? m.aliases[word] : undefined;
    entry = { alias, tags: tagsOf({ text: word, normal: word, pre: '', post: '' }, alias, m.lexicon) };
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(word, entry);
  }
  return entry;
}

/**
 * The tags a word of lower-case ASCII letters with a space after it gets in a window: such a word is its own term,
 * its text and normal form alike, without a machine form.
 */
export function plainWordTags(word: string): ReadonlySet<string> {
  return wordEntry(word, model().model).tags;
}

/** Tokens from terms that start at `offsets`, as compromise's `json({ offset: true })` gives them. */
function pushToken(
  tokens: Token[],
  original: string,
  start: number,
  from: number,
  to: number,
  normal: string,
  pre: string,
  tags: ReadonlySet<string>,
  previousEnd: number,
): number {
  // Zero-length terms are compromise's own expansions (number ranges, contractions), not words of the input.
  if (to <= from || from < previousEnd) return previousEnd;
  let at = from;
  let form = normal;
  if (form === 't' && /['’]$/.test(pre)) {
    at -= 1;
    form = "'t";
  }
  tokens.push({
    text: original.slice(at, to),
    normal: form,
    start: start + at,
    end: start + to,
    tags,
    gap: original.slice(previousEnd, at),
  });
  return to;
}

/**
 * Tokenises `text.slice(start, end)`. Only a small window around each candidate is read, which keeps the whole
 * detector linear in the length of the text.
 */
export function tokenizeWindow(text: string, start: number, end: number): TokenWindow {
  const original = text.slice(start, end);
  const shadowed = shadow(original);
  const { model: m } = model();
  if (compromiseOnly) return compromiseWindow(original, shadowed, start);
  const sentences =
    m._multiCache && Object.keys(m._multiCache).length ? undefined : sentencesOf(shadowed, { ranges: false });
  if (!sentences) return compromiseWindow(original, shadowed, start);
  const tokens: Token[] = [];
  let previousEnd = 0;
  let elapsed = 0;
  // In a window that is its own shadow, the terms' strings are the input's (they cover it in order, with nothing
  // between): a token takes its term's text, and its gap is what stands after the token before it and before its own
  // text. Sliced from the input again, the two were new strings for every token (garbage, and 3% of the motion
  // reader's time on motion-dense text, in a profile); `+` of a gap with the empty `pre` is the gap itself.
  const own = shadowed === original;
  let gap = '';
  for (const sentence of sentences) {
    for (const term of sentence) {
      const from = elapsed + term.pre.length;
      const to = from + term.text.length;
      elapsed += term.pre.length + term.text.length + term.post.length;
      const tags = termEntry(term, m).tags;
      if (own && to > from && term.normal !== 't') {
        tokens.push({
          text: term.text,
          normal: term.normal,
          start: start + from,
          end: start + to,
          tags,
          gap: gap + term.pre,
        });
        previousEnd = to;
        gap = term.post;
        continue;
      }
      previousEnd = pushToken(tokens, original, start, from, to, term.normal, term.pre, tags, previousEnd);
      gap = original.slice(previousEnd, elapsed);
    }
  }
  return { tokens, start, first: [], firstTerms: sentences[0] ?? [], firstEnd: 0, shadowed };
}

/** A term's alias and our tags, as compromise's lexicon step finds them. */
function termEntry(term: Term, m: Model): WordEntry {
  if (term.normal && !term.machine) return wordEntry(term.normal, m);
  const key = term.normal || term.text || term.machine || '';
  const alias = hasOwn(m.aliases, key) ? m.aliases[key] : undefined;
  return { alias, tags: tagsOf(term, alias, m.lexicon) };
}

/** The window's first sentence's term at `index` for matching (see `first`), if the sentence has one. */
function matchTerm(window: TokenWindow, index: number): MatchTerm | undefined {
  const { first, firstTerms } = window;
  if (index < first.length) return first[index];
  if (index >= firstTerms.length) return undefined;
  const m = model().model;
  while (first.length <= index) {
    const term = firstTerms[first.length]!;
    const from = window.firstEnd + term.pre.length;
    const end = from + term.text.length + term.post.length;
    const { alias, tags } = termEntry(term, m);
    first.push({ text: term.text, normal: term.normal, machine: term.machine, alias, tags, start: from, end });
    window.firstEnd = end;
  }
  return first[index];
}

let compromiseOnly = false;

/**
 * Runs `fn` with compromise tokenising and matching every window, as before `sentencesOf`: only the test that
 * proves both give the same motions uses it.
 */
export function withCompromise<T>(fn: () => T): T {
  compromiseOnly = true;
  try {
    return fn();
  } finally {
    compromiseOnly = false;
  }
}

/** The window as compromise tokenises it, for the few that `sentencesOf` hands back. */
function compromiseWindow(original: string, shadowed: string, start: number): TokenWindow {
  const doc = nlp(shadowed);
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as { terms: JsonTerm[] }[];
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      const from = term.offset.start;
      const to = from + term.offset.length;
      const tags = new Set(term.tags.filter((t) => OUR_TAGS.has(t)));
      previousEnd = pushToken(tokens, original, start, from, to, term.normal, term.pre, tags, previousEnd);
    }
  }
  return { doc, tokens, start, first: [], firstTerms: [], firstEnd: 0, shadowed };
}

/**
 * A match pattern of the few forms the motion reader uses (`^`, `#Tag`, `word`, `word+`, `(a|b)?`), parsed once;
 * also parsed by compromise, for the windows compromise tokenises.
 */
export interface MatchPattern {
  steps: Step[];
  compromise: ReturnType<typeof nlp.parseMatch>;
}

interface Step {
  /** A tag (`#NlMotionWord`) or words, one of which the term must be. */
  tag?: string;
  words?: string[];
  /** `+`: one or more terms; `?`: none or one. */
  repeat: 'one' | 'more' | 'optional';
}

const STEP = /^(?:#(\w+)|(\p{Ll}+)|\(((?:\p{Ll}+\|)*\p{Ll}+)\))([+?]?)$/u;

export function compileMatch(pattern: string): MatchPattern {
  const [anchor, ...parts] = pattern.trim().split(/\s+/);
  if (anchor?.[0] !== '^') throw new Error(`only patterns anchored with ^ are supported: ${pattern}`);
  if (anchor.length > 1) parts.unshift(anchor.slice(1));
  const steps = parts.map((part): Step => {
    const m = STEP.exec(part);
    if (!m) throw new Error(`unsupported match step ${part} in ${pattern}`);
    const words = m[2] ? [m[2]] : m[3]?.split('|');
    const repeat = m[4] === '+' ? 'more' : m[4] === '?' ? 'optional' : 'one';
    return m[1] ? { tag: m[1], repeat } : { words, repeat };
  });
  return { steps, compromise: nlp.parseMatch(pattern) };
}

function matchesAt(window: TokenWindow, index: number, step: Step): boolean {
  const term = matchTerm(window, index);
  return term !== undefined && matches(term, step);
}

/** compromise's test of one term against one step: the tag, or the word as machine form, alias, text or normal. */
function matches(term: MatchTerm, step: Step): boolean {
  if (step.tag !== undefined) return term.tags.has(step.tag);
  return step.words!.some((w) => term.machine === w || term.alias === w || term.text === w || term.normal === w);
}

/**
 * Where a match that begins at the window start ends (offset into the full text), if it matched: the end of its
 * last term's text and of the punctuation after it, as compromise reports a match (`lid,` ends after the comma).
 * Steps are matched greedily, without backtracking: in the motion reader's patterns no word of a repeated step can
 * stand for the step after it (`van+ (het|de)? #NlMemberWord`), where compromise's matcher finds the same.
 */
export function matchAtStart(window: TokenWindow, pattern: MatchPattern): number | undefined {
  if (window.doc) return compromiseMatchAtStart(window, window.doc, pattern);
  let at = 0;
  for (const step of pattern.steps) {
    if (step.repeat === 'optional') {
      if (matchesAt(window, at, step)) at++;
      continue;
    }
    if (!matchesAt(window, at, step)) return undefined;
    at++;
    if (step.repeat === 'more') while (matchesAt(window, at, step)) at++;
  }
  const last = window.first[at - 1];
  if (!last || window.first[0]!.start !== 0) return undefined;
  return window.start + trimmedEnd(window, last);
}

/** compromise measures a match as its text with the punctuation after it, trimmed of white space. */
function trimmedEnd(window: TokenWindow, last: MatchTerm): number {
  return window.shadowed.slice(0, last.end).trimEnd().length;
}

function compromiseMatchAtStart(
  window: TokenWindow,
  doc: ReturnType<typeof nlp>,
  pattern: MatchPattern,
): number | undefined {
  const found = doc.match(pattern.compromise).json({ offset: true }) as { offset: { start: number; length: number } }[];
  const first = found[0];
  if (first?.offset.start !== 0) return undefined;
  return window.start + first.offset.start + first.offset.length;
}
