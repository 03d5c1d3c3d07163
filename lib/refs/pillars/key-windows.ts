import { isPlainLetter, isSpace, model } from '../words';
import { BLOCK, coverReach, keyAutomaton, NO_REACH, stepAnywhere, UNIT, wordStartReach } from './key-automaton';
import { CROSS_REFERENCE, mayListOn } from './mentions';
import {
  foldingTable,
  hasKey,
  hasLiteralCharacter,
  isAsciiWordCode,
  type KeySet,
  longestFoldingOf,
  lowerCode,
  searchable,
  shortWordInCodes,
} from './prefilter';

/*
 * Which words of a sentence the labeller needs tokenised: those that stand near a key (prefilter.ts). A sentence
 * with a key was tokenised whole, though most of its words match nothing: on the corpus letters 19% of the runs
 * without white space of such sentences stand within a key's reach, on the real texts 8%. Tokenising a word costs
 * about as much as reading it (`readPiece`), most of labelPillars' time.
 *
 * Why the result is the same: a word that gives evidence holds a key in its form (prefilter.ts), and every word the
 * match reads stands within the key's reach (`Reach`, key-automaton.ts): a phrase's words before and after the one
 * it is searched by; for a unit, the lists its mention reads, and its whole sentence where a cross-reference cue may
 * stand in it (`coverUnits`). No word of compromise spans white space, and the words tokenised from a run of white
 * space before a letter on are the sentence's own words there (`sentenceTerms` in lib/refs/words.ts resumes at such
 * runs for the same reason), so each window is widened to such runs on both sides (`sentencesOrTexts`' `select`).
 * The labeller asks this of a whole piece first, and of its sentences only where a window of the piece may hold a
 * sentence end (`within`, `inOneSentenceEach`).
 */

let codes = new Uint8Array(1024);
let starts = new Uint8Array(1024);
let runStarts = new Int32Array(1024);
let runEnds = new Int32Array(1024);
let wordStarts = new Int32Array(1024);
let runLetters = new Uint8Array(1024);
let cover = new Int32Array(1025);

/** Room for the codes of `length` characters, each folded to at most `longest` codes, and for their runs. */
function room(length: number, longest: number): void {
  if (codes.length < length * longest) {
    codes = new Uint8Array(length * longest * 2);
    starts = new Uint8Array(length * longest * 2);
    wordStarts = new Int32Array(length * longest * 2);
  }
  if (runStarts.length <= length) {
    runStarts = new Int32Array(length * 2);
    runEnds = new Int32Array(length * 2);
    runLetters = new Uint8Array(length * 2);
    cover = new Int32Array(length * 2 + 1);
  }
}

/**
 * Whether every key is of ASCII letters and digits, as the automata hold them (key-automaton.ts): then a character
 * outside ASCII that `searchable` keeps (`keep` in `foldingTable`) is in none, and is read as BLOCK.
 */
function asciiKeys(keys: KeySet): boolean {
  let ascii = keysAscii.get(keys);
  if (ascii === undefined) {
    const all = [...keys.anywhere.values(), ...keys.wordStart.values(), ...keys.short.values()].flat();
    ascii = all.every((key) => /^[a-z0-9]+$/.test(key));
    keysAscii.set(keys, ascii);
  }
  return ascii;
}
const keysAscii = new WeakMap<KeySet, boolean>();

/** What an ASCII character is to the scan: white space, a character `searchable` drops, or its lower-case code. */
const SPACE = -2;
const DROP = -1;
/** A character outside ASCII that is no white space: folded by `foldingTable`. */
const OTHER = -3;
const ASCII = Int16Array.from({ length: 128 }, (_, c) => {
  if (isSpace(c)) return SPACE;
  const lower = lowerCode(c);
  return isAsciiWordCode(lower) ? lower : DROP;
});

/**
 * What of `sentence` (or a whole piece) to tokenise for the labeller: `false` nothing (no key), `true` all of it, or
 * windows as `[start, end)` offset pairs (see `sentencesOrTexts`). Text the folding table does not cover
 * (`keyFolded`), and keys that may match a word compromise adds (`implicit`) make it all or nothing, by `hasKey`.
 */
export function keyWindows(sentence: string, keys: KeySet): boolean | number[] {
  if (keys.implicit) return hasKey(sentence, keys);
  const literal = hasLiteralCharacter(sentence, keys);
  const table = foldingTable();
  room(sentence.length, longestFoldingOf());
  // Module state in locals: read in the loop, each binding was looked up again at every character.
  const codesOf = codes;
  const startsOf = starts;
  const wordStartsOf = wordStarts;
  const runStartsOf = runStarts;
  const runEndsOf = runEnds;
  const letters = runLetters;
  const coverOf = cover;
  const { automaton } = keys;
  const { accepts, reach } = automaton;
  // Runs are fewer than characters: reaches are cut at `sentence.length` while the runs are counted, and what lies
  // past the last run is past what `windowsOf` reads.
  coverOf.fill(0, 0, sentence.length + 1);
  units = 0;
  let n = 0;
  let words = 0;
  let runs = 0;
  let dropped = true;
  let inRun = false;
  // The anywhere keys are matched as the codes are made (`stepAnywhere`), from each run's start; the word-start
  // keys and short stems once all are made, from the word starts.
  let state = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    const kind = c < 0x80 ? ASCII[c]! : isSpace(c) ? SPACE : OTHER;
    if (kind === SPACE) {
      if (inRun) runEndsOf[runs - 1] = n;
      inRun = false;
      dropped = true;
      continue;
    }
    if (!inRun) {
      inRun = true;
      state = 0;
      runStartsOf[runs] = i;
      letters[runs++] = isPlainLetter(c) ? 1 : 0;
    }
    if (kind >= 0) {
      if (dropped) wordStartsOf[words++] = n;
      codesOf[n] = kind;
      startsOf[n++] = dropped ? 1 : 0;
      dropped = false;
      state = stepAnywhere(automaton, state, kind);
      if (accepts[state] && hit(reach[state]!, runs - 1, coverOf, sentence.length)) return true;
      continue;
    }
    if (kind === DROP) {
      dropped = true;
      continue;
    }
    const folding = table[c];
    if (!folding || (folding.kind === 'keep' && !asciiKeys(keys))) return hasKey(sentence, keys);
    if (folding.kind === 'drop') dropped = true;
    else if (folding.kind === 'keep') {
      // A letter or digit outside ASCII that `searchable` keeps (`²`): part of the word, so no word starts after it,
      // and in no key, so no key runs across it (the automaton starts again, and BLOCK ends a trie's walk).
      if (dropped) wordStartsOf[words++] = n;
      codesOf[n] = BLOCK;
      startsOf[n++] = dropped ? 1 : 0;
      dropped = false;
      state = 0;
    } else {
      for (const code of folding.codes) {
        if (dropped) wordStartsOf[words++] = n;
        codesOf[n] = code;
        startsOf[n++] = dropped ? 1 : 0;
        dropped = false;
        state = stepAnywhere(automaton, state, code);
        if (accepts[state] && hit(reach[state]!, runs - 1, coverOf, sentence.length)) return true;
      }
    }
  }
  if (inRun) runEndsOf[runs - 1] = n;
  if (literal) literalRuns(sentence, runs, keys);
  if (wordStartRuns(keys, words, runs)) return true;
  if (units && !coverUnits(sentence, words, runs)) return true;
  return windowsOf(sentence, runs, firstWordRun(runs));
}

let unitRuns = new Int32Array(64);
let units = 0;

/** `coverReach`, but a unit's run is kept for `coverUnits`. */
function hit(reach: number, run: number, into: Int32Array, runs: number): boolean {
  if (reach !== UNIT) return coverReach(reach, run, into, runs);
  if (units === unitRuns.length) {
    const grown = new Int32Array(units * 2);
    grown.set(unitRuns);
    unitRuns = grown;
  }
  unitRuns[units++] = run;
  return false;
}

/** The folded cross-reference cues (`zoals`, `genoemd`) as word-start keys: a trie walked from each word start. */
const CUES = keyAutomaton([], CROSS_REFERENCE);

/**
 * Whether a cross-reference cue starts a word (as the start of the word: a superset of the cue words). Comparing
 * every cue at every word start was 6% of labelPillars on motion-dense text (in a profile).
 */
function hasCue(words: number, runs: number): boolean {
  let r = 0;
  for (let w = 0; w < words; w++) {
    const at = wordStarts[w]!;
    while (r < runs - 1 && runEnds[r]! <= at) r++;
    if (wordStartReach(codes, at, runEnds[r]!, CUES) !== NO_REACH) return true;
  }
  return false;
}

const LEADING = /^["'([\u201c\u2018\u00ab]+/;
const TRAILING = /[,.;:)\]\u201d\u2019\u00bb'!?]+$/;
const PLAIN = /^[A-Za-z0-9]+$/;
const DIGIT_FIRST = /^[0-9]/;

/**
 * Whether a unit's list (`readUnit`, mentions.ts) cannot go on past this run without white space: it is one word
 * (`terugkeer`) that is no number, ordinal or list word. Anything else it may go on past: such a word (`4,`,
 * `vierde`, `en`), no word (`(`), or what may be more than one word (`vier-en-vijf`, `5en`, a contraction that
 * compromise splits, `kinda` → `kind of`) or a word compromise changes (`één`).
 */
function endsList(run: string): boolean {
  const core = run.replace(LEADING, '').replace(TRAILING, '');
  if (!core || !PLAIN.test(core)) return false;
  const form = core.toLowerCase();
  return !mayListOn(form) && !DIGIT_FIRST.test(core) && !model().contractionWords.has(form);
}

function runText(sentence: string, r: number): string {
  const start = runStarts[r]!;
  let end = start;
  while (end < sentence.length && !isSpace(sentence.charCodeAt(end))) end++;
  return sentence.slice(start, end);
}

/**
 * The runs each unit's mention may read (`readUnit`): its own, those the lists before and after it may go on past,
 * and the first on each side they cannot (the word that ends a list, `per` in `per pijler`). False where the
 * sentence must be read whole: where a cross-reference cue may stand in it (`refersElsewhere` reads the whole
 * sentence). The units of motion-dense text (`onder pijler 4`) sent 17% of it to be tokenised whole.
 */
function coverUnits(sentence: string, words: number, runs: number): boolean {
  if (hasCue(words, runs)) return false;
  for (let u = 0; u < units; u++) {
    const r = unitRuns[u]!;
    if (u > 0 && unitRuns[u - 1] === r) continue;
    let after = r + 1;
    while (after < runs && !endsList(runText(sentence, after))) after++;
    let before = r - 1;
    while (before >= 0 && !endsList(runText(sentence, before))) before--;
    cover[Math.max(0, before)]!++;
    cover[Math.min(runs, after + 1)]!--;
  }
  return true;
}

/**
 * The runs that hold a literal key (`dt&` of `DT&V`: the keys `hasKey` searches in the folded text as they are),
 * each with the reach of its own run: a literal key is an exact term's, a word of its own (prefilter.ts `keySet`),
 * and a token never spans white space. A run is folded on its own, as `searchable` folds the whole text: no key
 * holds white space, and white space folds to white space. A piece of the corpus letters that names the DT&V was
 * tokenised whole before, a tenth of the letters' text that the labeller tokenised.
 */
function literalRuns(sentence: string, runs: number, keys: KeySet): void {
  for (let r = 0; r < runs; r++) {
    const run = runText(sentence, r);
    if (!hasLiteralCharacter(run, keys)) continue;
    const { folded } = searchable(run);
    if (keys.literal.some((key) => folded.includes(key))) coverReach(0, r, cover, runs);
  }
}

/** The first run with a code: a run before it has no word. */
function firstWordRun(runs: number): number {
  for (let r = 0; r < runs; r++) if (runEnds[r]! > (r ? runEnds[r - 1]! : 0)) return r;
  return 0;
}

/**
 * The word-start keys (`wordStartReach`) and short stems (`shortInCodes` in prefilter.ts, a short stem's word
 * within its run) at each word start: their runs get their reach.
 */
function wordStartRuns(keys: KeySet, words: number, runs: number): boolean {
  const { shortPairs, shortSingles, short, shortReach, automaton } = keys;
  let r = 0;
  for (let w = 0; w < words; w++) {
    const i = wordStarts[w]!;
    while (runEnds[r]! <= i) r++;
    const end = runEnds[r]!;
    const found = wordStartReach(codes, i, end, automaton);
    if (found !== NO_REACH && hit(found, r, cover, runs)) return true;
    const a = codes[i]!;
    const b = i + 1 < end ? codes[i + 1]! : -1;
    const shortWord =
      (b >= 0 && shortPairs[a * 128 + b] && shortWordInCodes(short.get(a * 0x10000 + b)!, codes, starts, end, i)) ||
      (shortSingles[a] && shortWordInCodes(short.get(-1 - a)!, codes, starts, end, i));
    if (shortWord && hit(shortReach, r, cover, runs)) return true;
  }
  return false;
}

/** The windows of the covered runs, each widened to runs that start with a letter (see above); false if none. */
function windowsOf(sentence: string, runs: number, firstWordRun: number): boolean | number[] {
  // `cover` becomes the number of keys whose reach covers each run.
  for (let r = 1; r < runs; r++) cover[r]! += cover[r - 1]!;
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (cover[r]! <= 0) continue;
    let last = r;
    while (last + 1 < runs && cover[last + 1]! > 0) last++;
    let first = r;
    while (first > 0 && !runLetters[first]) first--;
    // Runs before the first word are its `pre` (`) pijler`): a window from that word starts at the sentence's start.
    if (first <= firstWordRun) first = 0;
    let after = last + 1;
    while (after < runs && !runLetters[after]) after++;
    const start = first === 0 ? 0 : runStarts[first]!;
    const end = after >= runs ? sentence.length : runStarts[after]!;
    if (out.length && out[out.length - 1]! >= start) out[out.length - 1] = end;
    else out.push(start, end);
    r = last;
  }
  if (!out.length) return false;
  return out.length === 2 && out[0] === 0 && out[1] === sentence.length ? true : out;
}
