/*
 * The prefilter's keys (prefilter.ts) as two automata over lower-case ASCII letters and digits: an Aho–Corasick
 * automaton for the keys that may stand anywhere in a word, and a trie for the keys that need a word start, walked
 * from each word start. Why not the pair and triple tables and a map of buckets tried at each position, as before:
 * a piece without a key is read to its end, and those cost 12–18 ns a character in `keyAsWritten` and 15–25 in
 * `keyFolded` (measured on the pieces without a key of the real texts and the sentences without one of motion-dense
 * text), so the prefilter took a third of labelPillars' time on the real texts, whose pieces mostly hold no key.
 * An automaton reads a character with one lookup in a typed array, whatever the number of keys.
 */

/** Symbols: `a`–`z` are 0–25, `0`–`9` 26–35. */
const SYMBOLS = 36;
/** No transition (in the trie). */
const NONE = -1;

/** The symbol of a lower-case ASCII letter or digit, else -1. */
export function symbolOf(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  return -1;
}

export interface KeyAutomaton {
  /** Aho–Corasick over the anywhere keys: `next[state * SYMBOLS + symbol]`, complete (every entry set). */
  next: Int32Array;
  /** 1 where some anywhere key ends in that state (or in one of its suffix states). */
  accepts: Uint8Array;
  /** The trie of the word-start keys: `trie[node * SYMBOLS + symbol]`, NONE where no key goes on. */
  trie: Int32Array;
  /** 1 where a word-start key ends at that trie node. */
  trieAccepts: Uint8Array;
  /** The `Reach` of the keys that end in each state (`mergeReach` of them all), where `accepts` is 1. */
  reach: Uint8Array;
  /** The `Reach` of the word-start keys that end at each trie node. */
  trieReach: Uint8Array;
}

/**
 * How many runs without white space around a key's run the words that a match with that key reads may stand in
 * (`keyWindows`, lib/refs/pillars/key-windows.ts): runs before in the low four bits, runs after in the high four;
 * WHOLE for a key whose match may read its whole sentence (a unit: its cross-reference cue).
 */
export type Reach = number;
export const WHOLE: Reach = 0xff;
/**
 * The reach of a unit (`pijler`): the words of the lists its mention reads (`pijlers 4, 5 en 6`, `de tweede en derde
 * pijler`), as far as they go, and a cross-reference cue anywhere in its sentence (`keyWindows` reads both).
 */
export const UNIT: Reach = 0xfe;
const MOST_RUNS = 14;

/** The reach of `before` runs before a key's run and `after` after it. */
export function reachOf(before: number, after: number): Reach {
  if (before > MOST_RUNS || after > MOST_RUNS) return WHOLE;
  return before | (after << 4);
}

export const runsBefore = (reach: Reach) => reach & 0x0f;
export const runsAfter = (reach: Reach) => reach >>> 4;

/** A reach that holds both: the more runs on each side. */
export function mergeReach(a: Reach, b: Reach): Reach {
  if (a === WHOLE || b === WHOLE) return WHOLE;
  // A unit's reach holds its own run, not a phrase's: a key of both (none is) reads the whole sentence.
  if (a === UNIT || b === UNIT) return a === b || a === 0 || b === 0 ? UNIT : WHOLE;
  return Math.max(runsBefore(a), runsBefore(b)) | (Math.max(runsAfter(a), runsAfter(b)) << 4);
}

/** A trie of `keys` (lower-case ASCII letters and digits; others are left out): its transitions and ends. */
function buildTrie(
  keys: Iterable<string>,
  reachOfKey: (key: string) => Reach,
): { edges: number[][]; ends: boolean[]; reach: number[] } {
  const edges: number[][] = [new Array<number>(SYMBOLS).fill(NONE)];
  const ends = [false];
  const reach = [0];
  for (const key of keys) {
    const symbols = [...key].map((c) => symbolOf(c.charCodeAt(0)));
    if (!symbols.length || symbols.some((s) => s < 0)) continue;
    let node = 0;
    for (const s of symbols) {
      if (edges[node]![s] === NONE) {
        edges[node]![s] = edges.length;
        edges.push(new Array<number>(SYMBOLS).fill(NONE));
        ends.push(false);
        reach.push(0);
      }
      node = edges[node]![s]!;
    }
    reach[node] = ends[node] ? mergeReach(reach[node]!, reachOfKey(key)) : reachOfKey(key);
    ends[node] = true;
  }
  return { edges, ends, reach };
}

/**
 * The automata of the keys, with the reach of each (by default none: the key's own run). Keys with a character
 * other than lower-case ASCII letters and digits are left out: no text these automata read has one (the callers
 * read other texts by the full search).
 */
export function keyAutomaton(
  anywhere: Iterable<string>,
  wordStart: Iterable<string>,
  reachOfKey: (key: string) => Reach = () => 0,
): KeyAutomaton {
  const { edges, ends, reach: ownReach } = buildTrie(anywhere, reachOfKey);
  // Breadth first: each state's failure link is the longest proper suffix of its path that is also a path.
  const fail = new Array<number>(edges.length).fill(0);
  const accepts = new Uint8Array(edges.length);
  const reach = Uint8Array.from(ownReach);
  const next = new Int32Array(edges.length * SYMBOLS);
  const queue: number[] = [];
  for (let s = 0; s < SYMBOLS; s++) {
    const child = edges[0]![s]!;
    next[s] = child === NONE ? 0 : child;
    if (child !== NONE) queue.push(child);
  }
  accepts[0] = ends[0] ? 1 : 0;
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    accepts[state] = ends[state] || accepts[fail[state]!] ? 1 : 0;
    // The keys that end here are this state's own and those of its suffix states, found before it.
    if (accepts[fail[state]!])
      reach[state] = ends[state] ? mergeReach(reach[state]!, reach[fail[state]!]!) : reach[fail[state]!]!;
    for (let s = 0; s < SYMBOLS; s++) {
      const child = edges[state]![s]!;
      const viaFail = next[fail[state]! * SYMBOLS + s]!;
      if (child === NONE) next[state * SYMBOLS + s] = viaFail;
      else {
        next[state * SYMBOLS + s] = child;
        fail[child] = viaFail;
        queue.push(child);
      }
    }
  }
  const starts = buildTrie(wordStart, reachOfKey);
  return {
    next,
    accepts,
    trie: Int32Array.from(starts.edges.flat()),
    trieAccepts: Uint8Array.from(starts.ends, (end) => (end ? 1 : 0)),
    reach,
    trieReach: Uint8Array.from(starts.reach),
  };
}

/**
 * The code `keyWindows` (key-windows.ts) reads a letter or digit outside ASCII as, which no key holds (`²`): NUL,
 * which has no symbol, so a walk of the trie ends at it.
 */
export const BLOCK = 0;

/** `symbolOf` of every ASCII code, by code. */
const SYMBOL = Int8Array.from({ length: 128 }, (_, c) => symbolOf(c));

/** Whether a word-start key starts at `at` of `codes` (`n` of them), read along the trie. */
function wordStartKeyAt(codes: Uint8Array, n: number, at: number, automaton: KeyAutomaton): boolean {
  const { trie, trieAccepts } = automaton;
  let node = 0;
  for (let i = at; i < n; i++) {
    node = trie[node * SYMBOLS + SYMBOL[codes[i]!]!]!;
    if (node === NONE) return false;
    if (trieAccepts[node]) return true;
  }
  return false;
}

/**
 * Whether a key stands in `codes` (the first `n`: lower-case ASCII letters and digits, as `keyFolded` in
 * prefilter.ts folds a text): an anywhere key at any position, a word-start key where `starts` is 1.
 */
export function keyInCodes(codes: Uint8Array, starts: Uint8Array, n: number, automaton: KeyAutomaton): boolean {
  const { next, accepts } = automaton;
  let state = 0;
  for (let i = 0; i < n; i++) {
    if (starts[i] && wordStartKeyAt(codes, n, i, automaton)) return true;
    state = next[state * SYMBOLS + SYMBOL[codes[i]!]!]!;
    if (accepts[state]) return true;
  }
  return false;
}

/**
 * The symbol of each ASCII code read as written, in any case (`A` and `a` are 0); -1 for the rest of ASCII. A table:
 * lower-casing and then testing each character was a third of `keyWritten`'s time.
 */
const WRITTEN = Int8Array.from({ length: 128 }, (_, c) => symbolOf(c >= 0x41 && c <= 0x5a ? c + 0x20 : c));
/** What `keyWritten` reads a character outside ASCII as: no symbol, and no character that starts a word. */
const OUTSIDE_ASCII = -2;

const writtenSymbol = (c: number) => (c < 0x80 ? WRITTEN[c]! : OUTSIDE_ASCII);

/** Whether a word-start key stands at `at` of `text`, read as written. */
function wordStartKeyWritten(text: string, at: number, automaton: KeyAutomaton): boolean {
  const { trie, trieAccepts } = automaton;
  let node = 0;
  for (let i = at; i < text.length; i++) {
    const s = writtenSymbol(text.charCodeAt(i));
    if (s < 0) return false;
    node = trie[node * SYMBOLS + s]!;
    if (node === NONE) return false;
    if (trieAccepts[node]) return true;
  }
  return false;
}

/**
 * Whether a key stands in `text` as written (see `keyAsWritten` in prefilter.ts): an anywhere key as a run of ASCII
 * letters and digits in any case, a word-start key so after the text's start or an ASCII character that is no
 * letter or digit. A character outside ASCII is taken for a letter: it ends a run and starts no word.
 */
export function keyWritten(text: string, automaton: KeyAutomaton): boolean {
  const { next, accepts } = automaton;
  let state = 0;
  let start = true;
  for (let i = 0; i < text.length; i++) {
    const s = writtenSymbol(text.charCodeAt(i));
    if (s < 0) {
      state = 0;
      start = s !== OUTSIDE_ASCII;
      continue;
    }
    if (start && wordStartKeyWritten(text, i, automaton)) return true;
    start = false;
    state = next[state * SYMBOLS + s]!;
    if (accepts[state]) return true;
  }
  return false;
}

/** The anywhere automaton's state after `code` (a lower-case ASCII letter or digit) in `state`. */
export function stepAnywhere(automaton: KeyAutomaton, state: number, code: number): number {
  return automaton.next[state * SYMBOLS + SYMBOL[code]!]!;
}

/** No key: what `wordStartReach` gives where none starts. */
export const NO_REACH = -1;

/**
 * The reach of the word-start keys that start at `at` of `codes` and end before `end` (the end of the run): of all
 * of them, not just the first, since a longer one may reach further. NO_REACH if none.
 */
export function wordStartReach(codes: Uint8Array, at: number, end: number, automaton: KeyAutomaton): number {
  const { trie, trieAccepts, trieReach } = automaton;
  let found = NO_REACH;
  let node = 0;
  for (let j = at; j < end; j++) {
    const symbol = SYMBOL[codes[j]!]!;
    if (symbol < 0) break;
    node = trie[node * SYMBOLS + symbol]!;
    if (node === NONE) break;
    if (trieAccepts[node]) found = found === NO_REACH ? trieReach[node]! : mergeReach(found, trieReach[node]!);
  }
  return found;
}

/** Adds the runs that `reach` from run `r` covers to `cover` (see `keyRunsInCodes`); true if it is WHOLE. */
export function coverReach(reach: Reach, r: number, cover: Int32Array, runs: number): boolean {
  if (reach === WHOLE) return true;
  cover[Math.max(0, r - runsBefore(reach))]!++;
  cover[Math.min(runs, r + runsAfter(reach) + 1)]!--;
  return false;
}
