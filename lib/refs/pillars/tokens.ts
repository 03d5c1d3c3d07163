import nlp from 'compromise/one';
import { isJsSpace } from '../cursor';
import { sentencesOrTexts, type Term } from '../words';
import { fold, stem } from './lemma';

/*
 * Sentence and word segmentation by compromise. Only its tokenizer (`compromise/one`, ~90 kB minified instead of
 * ~360 kB for the full build) is used: the English tagger and lemmatiser know nothing about Dutch. A plugin teaches
 * the tokenizer Dutch abbreviations, so `nr.`, `jl.` and `blz.` do not end a sentence, and adds a `dutchStem`
 * compute step that puts the Dutch stem on every term.
 */

/** One word of the text, as the labeller sees it. */
export interface Token {
  /** Folded surface form: lower case, no diacritics (`asielaanvragen`). */
  form: string;
  /** Dutch stem (`asielaanvrag`), see `stem`. */
  stem: string;
  /** The word as written, for case-sensitive checks (Roman numerals). */
  text: string;
  /** Punctuation and space after the word (`, `), as compromise splits it off. */
  post: string;
}

/** A compromise term after the `dutchStem` compute step. */
interface DutchTerm {
  text: string;
  normal: string;
  machine?: string;
  post: string;
  stem?: string;
}

/** Abbreviations that end in a full stop in Dutch parliamentary prose (without the dot, lower case). */
const DUTCH_ABBREVIATIONS = `nr nrs jl blz bijv bv vgl resp ca incl excl art mr dr drs ir prof stb stcrt trb zgn
  mln mld mrd min max jr red etc vs`.split(/\s+/);

/** Prefixes that Dutch writes with a hyphen but that do not start a new word: `re-integratie` is `reïntegratie`. */
const BOUND_PREFIXES = new Set(['re', 'her', 'ex', 'co', 'anti', 'non', 'pre', 'post', 'oud']);

let installed = false;

/**
 * Installs the Dutch plugin once, on first use rather than on import (no side effects at load). compromise has one
 * global world: other users of it would see the extra abbreviations, nothing else.
 */
function install(): void {
  if (installed) return;
  installed = true;
  nlp.plugin({
    model: { one: { abbreviations: Object.fromEntries(DUTCH_ABBREVIATIONS.map((a) => [a, true])) } },
    compute: {
      dutchStem: (view: { docs: DutchTerm[][] }) => {
        for (const terms of view.docs) {
          for (const term of terms) term.stem = stem(fold(term.machine ?? term.normal));
        }
      },
    },
  });
}

/**
 * Undoes hard line wraps before compromise sees the text, since it takes a newline for a sentence end: a word broken
 * at a line end (`kennisge-⏎nomen`) is joined, other line breaks become spaces. A hyphen after a capital or digit
 * stays, and the parts stay together (`EU-⏎Turkije`, `COVID-19-⏎maatregelen`). Offsets are not kept: only the words
 * matter, labels span whole paragraphs.
 */
export function unwrap(text: string): string {
  let out = '';
  let from = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    const lineEnd = text[i - 1] === '\r' ? i - 1 : i;
    const before = text[lineEnd - 2] ?? '';
    const after = text[i + 1] ?? '';
    const hyphen = text[lineEnd - 1] === '-';
    const broken = hyphen && before >= 'a' && before <= 'z' && after >= 'a' && after <= 'z';
    if (broken) out += text.slice(from, lineEnd - 1);
    else out += hyphen ? text.slice(from, lineEnd) : `${text.slice(from, lineEnd)} `;
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * Runs without white space longer than this are cut to it before compromise sees them: its punctuation stripping is
 * quadratic in the length of a word (`.).).)…`), and no Dutch word is this long; URLs lose their tails, harmlessly.
 */
const LONGEST_WORD = 64;
// Only from the start of a run (the lookbehind): tried at every character, `\\S{65,}` read 64 characters each time.
const OVERLONG = new RegExp(`(?<!\\S)\\S{${LONGEST_WORD + 1},}`, 'g');
/**
 * compromise is also quadratic in the length of a sentence it has to glue together from pieces (`nr. nr. nr. …`), so
 * it gets at most this many characters at a time, cut after a sentence end where there is one. Real sentences are
 * shorter; a longer one loses only its unity, which matters for nothing but cross-reference cues.
 */
const CHUNK = 800;
const SENTENCE_BREAK = /[.!?]\s/g;

/** Pieces of at most CHUNK characters, preferably ending at a sentence end, else at white space. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (text.length - from > CHUNK) {
    const window = text.slice(from, from + CHUNK);
    let cut = -1;
    SENTENCE_BREAK.lastIndex = 0;
    for (let m = SENTENCE_BREAK.exec(window); m; m = SENTENCE_BREAK.exec(window)) cut = m.index + 1;
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = CHUNK;
    out.push(window.slice(0, cut));
    from += cut;
  }
  out.push(text.slice(from));
  return out;
}

/** Sentences of tokens, for a paragraph or heading (already unwrapped). Empty terms (punctuation only) are dropped. */
export function tokenize(text: string): Token[][] {
  return pieces(text).flatMap((piece) => tokenizePiece(piece));
}

/**
 * Whether some run without white space (JS `\s`) is longer than LONGEST_WORD. Nearly no paragraph has one. Each
 * window of LONGEST_WORD + 1 characters is read from its end back to its last white space, where the next window
 * starts: a character is read at most twice, and in Dutch prose about one in six (a word's length) is read at all.
 * OVERLONG's scan, its look-behind tried at every character, cost about 10 ns a character (2.6% of the analysis of
 * the corpus letters, in a profile); a scan of every character's code, 6% of labelPillars on motion-dense text.
 */
export function hasOverlong(text: string): boolean {
  for (let from = 0; from + LONGEST_WORD < text.length; ) {
    let at = from + LONGEST_WORD;
    while (at >= from && !isSpaceCode(text.charCodeAt(at))) at--;
    if (at < from) return true;
    from = at + 1;
  }
  return false;
}

/** JS `\s`, printable ASCII first: most characters, and none of them a space. */
const isSpaceCode = (c: number) => !(c > 32 && c < 127) && isJsSpace(c);

/**
 * The pieces compromise gets one at a time (see CHUNK): sentences never run across two of them, so each piece can be
 * tokenised (or, when the prefilter says it holds no term, skipped) on its own.
 */
export function pieces(text: string): string[] {
  return chunks(hasOverlong(text) ? text.replace(OVERLONG, (run) => run.slice(0, LONGEST_WORD)) : text);
}

/** The sentences of a text as compromise tokenises it, with the Dutch stems. */
function compromiseSentences(text: string): DutchTerm[][] {
  const doc = nlp.tokenize(text);
  doc.compute('dutchStem');
  return doc.docs as unknown as DutchTerm[][];
}

/**
 * The sentences that `sentencesOrTexts` left to compromise, tokenised by it one at a time: the contraction pass
 * changes terms within their sentence only. Undefined should compromise read one of them as more than one sentence
 * (it then reads the whole piece, as it would have).
 */
function withCompromise(sentences: readonly (Term[] | string)[]): DutchTerm[][] | undefined {
  const out: DutchTerm[][] = [];
  for (const sentence of sentences) {
    if (typeof sentence !== 'string') {
      out.push(sentence);
      continue;
    }
    const docs = compromiseSentences(sentence);
    if (docs.length !== 1) return undefined;
    out.push(docs[0]!);
  }
  return out;
}

/**
 * The stems of folded forms, remembered for one text (`forgetStems` empties the map when a labelling starts) and at
 * most MEMO_SIZE forms at a time, so memory stays flat on random text. Parliamentary text repeats its words: with
 * the map, labelPillars read the corpus letters and motion-dense text 1.13 times as fast, the real texts 1.06 (7.7
 * vs 6.8, 8.8 vs 7.8, 10.0 vs 9.5 MB/s, side by side), and 200 KB of random ASCII 1.1 times as slow. Remembering the
 * folded forms as well gained nothing: `fold` of a word in lower case is the word itself, found by a scan.
 */
const MEMO_SIZE = 20_000;
const stems = new Map<string, string>();

/** Empties the map of stems (see `stems`); the labeller calls it for each text, so its figures are of a cold map. */
export function forgetStems(): void {
  stems.clear();
}

/** Whether a short form has no apostrophe (which `stem` cuts with what follows it). */
function isOwnStem(form: string): boolean {
  for (let i = 0; i < form.length; i++) if (form.charCodeAt(i) === 0x27) return false;
  return true;
}

function stemOf(form: string): string {
  // A word of three characters without an apostrophe is its own stem (`stem`): de, het, van, een, in, op, … — a
  // third of the tokens of Dutch text, each a lookup saved.
  if (form.length < 4 && isOwnStem(form)) return form;
  let s = stems.get(form);
  if (s === undefined) {
    if (stems.size >= MEMO_SIZE) stems.clear();
    s = stem(form);
    stems.set(form, s);
  }
  return s;
}

/** How a piece is tokenised. */
export interface PieceOptions {
  /** Every piece by compromise itself (only the test that proves it changes nothing). */
  compromise?: boolean;
  /**
   * Which of each sentence is tokenised (the prefilter's `keyWindows`; see `sentencesOrTexts` in lib/refs/words.ts):
   * none, all, or windows, each of which is a sentence of its own in the result. Where compromise reads the whole
   * piece (see `withCompromise`), every sentence is in, whole.
   */
  select?: (sentence: string) => boolean | readonly number[];
  /** The same of the whole piece, tokenised without splitting it where its windows allow (see `sentencesOrTexts`). */
  within?: (piece: string) => boolean | readonly number[];
}

/** The sentences of one piece (see `pieces`). */
export function tokenizePiece(text: string, options: PieceOptions = {}): Token[][] {
  install();
  // `sentencesOrTexts` is compromise's tokeniser without compromise's machinery (see lib/refs/words.ts); compromise
  // itself reads only the sentences where its contraction pass could change the terms.
  const fast = options.compromise ? undefined : sentencesOrTexts(text, options);
  let docs = fast && withCompromise(fast);
  if (!docs) docs = compromiseSentences(text);
  const sentences: Token[][] = [];
  for (const terms of docs) {
    const tokens: Token[] = [];
    for (let i = 0; i < terms.length; i++) {
      let term = terms[i]!;
      let form = fold(term.normal);
      let text = term.text;
      const next = terms[i + 1];
      if (next && term.post === '-' && BOUND_PREFIXES.has(form)) {
        form += fold(next.normal);
        text += `-${next.text}`;
        term = { ...next, stem: stem(form) };
        i++;
      }
      if (!form) continue;
      // Unless merged with a prefix (which sets the stem), `form` is the folded normal form.
      const own = term.stem ?? (term.machine === undefined ? stemOf(form) : stem(fold(term.machine)));
      tokens.push({ form, stem: own, text, post: term.post });
    }
    if (tokens.length) sentences.push(tokens);
  }
  return sentences;
}
