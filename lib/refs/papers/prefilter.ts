import { isJsSpace } from '../cursor';

/**
 * A cheap first pass (as eyecite does): the detectors only read the text around what every reference contains. Two
 * kinds of trigger, found in one scan over the digit runs:
 *
 * - strong ones open a window: a dossier (five digits, `19 637`, `36.496`, `31-700`), a year before a comma, slash or
 *   dash (a vergaderjaar `2019/20`, a journal entry `Stb. 2019, 143`, an OB id `stb-2019-143`), an OB `kst-` id, an
 *   Eerste Kamer roman dossier `(CLVI, …`;
 * - every other digit run only extends a window it stands in: the numbers of a list (`nrs. 1154, 1181 en 1182`), a
 *   meeting and item, pages.
 *
 * Every candidate a detector can find (also one that loses to an overlapping one) holds a strong trigger at most
 * BEFORE after its start, and no stretch without digits longer than DIGIT_AFTER after that (AFTER after a word): so each lies inside one window,
 * a window's edges are never within a look-around's reach of one, and the detectors find in the windows exactly what
 * they find in the whole text (tests/unit/refs/prefilter.test.ts checks this). Dates and years in running text, the
 * bulk of a motion's digits (`Voorgesteld 13 februari 2025`), no longer open windows of their own: on the real KOOP
 * motions that was three quarters of the text.
 */

/**
 * Every strong digit trigger holds a run of three digits or more, and V8 scans for such runs as fast as for one
 * plain regex (an alternation with the separators was three times slower); each run is then classified in code.
 */
const RUN3 = /\d{3,}/g;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A dossier's thousands separator (`19 637`, `19\u00a0637`, `36.496`, `31-700`). */
function isDossierSeparator(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 46 || c === 45;
}

/** After a four-digit year: `,` `/` or a dash, after at most eight spaces (the vergaderjaar and journal patterns). */
function separatorFollows(text: string, at: number): boolean {
  for (let i = at; i < text.length && i <= at + 8; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 47 || c === 45 || (c >= 0x2010 && c <= 0x2014)) return true;
    if (!isJsSpace(text.charCodeAt(i))) return false;
  }
  return false;
}

/**
 * Where the strong trigger in the digit run [at, end) starts, or -1 when the run is weak: five digits or more, the
 * last three of a spaced or dotted dossier (`19 637`: it starts at `19`), or a year before a separator.
 */
function strongStart(text: string, at: number, end: number): number {
  if (end - at >= 5) return at;
  if (
    at >= 3 &&
    isDossierSeparator(text.charCodeAt(at - 1)) &&
    isDigit(text.charCodeAt(at - 2)) &&
    isDigit(text.charCodeAt(at - 3))
  ) {
    return at - 3;
  }
  return end - at >= 4 && separatorFollows(text, end) ? at : -1;
}

/** How far a citation reaches before its first trigger (`Aanhangsel der Handelingen, vergaderjaar 2006`). */
const BEFORE = 160;
/**
 * How far it reaches after a word trigger (an OB id `kst-cxxiv-g`, a roman dossier `(CLVI, letter M)`): about 50
 * characters with every space run at its longest. Kept at the reach it had when `Handelingen` was a word trigger
 * too (`Handelingen der Staten-Generaal, Eerste Kamer, vergaderjaar 2006`: about 100).
 */
const AFTER = 160;
/**
 * How far it reaches after a digit: the longest stretch without digits inside a citation is the toevoeging and `nr.`
 * between a dossier and its number (`19 700 hoofdstuk XV, stuk nr. 2`: about 75 characters with every space run at
 * its longest); after its last digit, `, letter M` or `, AA` (about 35).
 */
const DIGIT_AFTER = 100;

/**
 * Every maximal run of three digits or more, as flat `[start, end, start, end, …]`, ascending: exactly what a scan
 * of RUN3 finds. The digit-keyed detectors (bare dossiers, compact ids, dossiers in parentheses, TK numbers) start
 * from these instead of scanning the text with a regex of their own each.
 */
export type DigitRuns = number[];

export interface Window {
  start: number;
  end: number;
  /** The digit runs of `text.slice(start, end)`, offsets into that slice. */
  runs: DigitRuns;
  /**
   * Whether the slice holds `kst-`, and `(C`: what the prefilter's searches for them found, so that the OB ids and
   * the roman dossiers need not search each window again (those two searches were 2% of paper detection over the
   * real texts, in a profile).
   */
  kst: boolean;
  parenC: boolean;
}

/** Where the digit run that RUN3 matched up to `end` starts: read back over its digits (no match array). */
function runStart(text: string, end: number): number {
  let at = end - 3;
  while (at > 0 && isDigit(text.charCodeAt(at - 1))) at--;
  return at;
}

/** The digit runs of a whole text (see DigitRuns). */
export function digitRuns(text: string): DigitRuns {
  const runs: DigitRuns = [];
  RUN3.lastIndex = 0;
  while (RUN3.test(text)) runs.push(runStart(text, RUN3.lastIndex), RUN3.lastIndex);
  return runs;
}

/**
 * Gives each window the runs inside it, cut at its edges (an edge cut inside a run, see EDGE, leaves the part in the
 * window, which is a run of its own there if it keeps three digits): what digitRuns finds in the window's slice.
 */
function assignRuns(windows: Window[], runs: DigitRuns): void {
  let r = 0;
  for (const w of windows) {
    while (r < runs.length && runs[r + 1]! <= w.start) r += 2;
    for (let i = r; i < runs.length && runs[i]! < w.end; i += 2) {
      const start = Math.max(runs[i]!, w.start);
      const end = Math.min(runs[i + 1]!, w.end);
      if (end - start >= 3) w.runs.push(start - w.start, end - w.start);
    }
  }
}

/** Sets `field` on each window that holds one of the literals of `length` at the ascending positions `at`. */
function markLiterals(windows: Window[], at: number[], length: number, field: 'kst' | 'parenC'): void {
  let i = 0;
  for (const w of windows) {
    while (i < at.length && at[i]! < w.start) i++;
    if (i < at.length && at[i]! + length <= w.end) w[field] = true;
  }
}

/** How far a window edge may move to reach whitespace; a longer unbroken run is cut (nothing in it is a word). */
const EDGE = 64;

/** Text windows that may hold references, in order and disjoint, each starting and ending at whitespace. */
export function candidateWindows(text: string): Window[] {
  const kst: number[] = [];
  // Searched as its hyphen (then checked): a one-character search is the fastest there is (0.1x a bare regex pass,
  // `kst-` 0.4x on the letters).
  for (let at = text.indexOf('-', 3); at >= 0; at = text.indexOf('-', at + 1)) {
    // The `t` by code first: most hyphens (`Staten-Generaal`, `2024-2025`) have none before them.
    if (text.charCodeAt(at - 1) === 116 && text.startsWith('ks', at - 3)) kst.push(at - 3);
  }
  // Eerste Kamer roman dossiers, `(CLVI, letter M)`: no digits at all.
  const parens: number[] = [];
  for (let at = text.indexOf('(C'); at >= 0; at = text.indexOf('(C', at + 2)) parens.push(at);
  const ids = kst.concat(parens);
  // No search for the word `Handelingen`: every Handelingen reference and every claim (handelingen.ts) holds a
  // vergaderjaar, whose year is a strong trigger at most 150 characters after the word (`Aanhangsel van de
  // Handelingen der Staten-Generaal, Tweede Kamer, vergaderjaar 2006` with every space run at its longest), within
  // BEFORE; its meeting, item and page numbers then extend the window as digits do. The search for the word (as
  // `lingen`, then checked) cost 0.6× a bare regex pass on the letters, a third of the prefilter's time there.
  // In order unless the text has both (Array.sort with a comparator costs a few hundred ns even on a short list).
  if (kst.length && parens.length) ids.sort((a, b) => a - b);
  // The runs first, then the windows: the windows' further digits are read off the runs where there are any (see
  // open).
  const runs = digitRuns(text);
  const scan: WindowScan = { text, windows: [], last: undefined, weakFrom: 0, digitAt: -1, runs, run: 0 };
  let next = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const at = runs[r]!;
    const end = runs[r + 1]!;
    const start = strongStart(text, at, end);
    if (start < 0) continue;
    while (next < ids.length && ids[next]! <= start) open(scan, ids[next]!, ids[next++]! + 4, AFTER);
    open(scan, start, end, DIGIT_AFTER);
  }
  while (next < ids.length) open(scan, ids[next]!, ids[next++]! + 4, AFTER);
  assignRuns(scan.windows, runs);
  markLiterals(scan.windows, kst, 4, 'kst');
  markLiterals(scan.windows, parens, 2, 'parenC');
  return scan.windows;
}

/**
 * The windows being built, for open and extend: functions of their own, not closures in candidateWindows, which
 * made two per call (and under tsx named each, a property definition): 1.6 µs of the 2.4 µs that paper detection
 * of the 18 characters `(33 529, nr. 1181)` took, measured, and the real texts have 47 windows.
 */
interface WindowScan {
  text: string;
  windows: Window[];
  last: Window | undefined;
  /** How far the weak triggers have been read: each character is read for them once. */
  weakFrom: number;
  /** What firstDigit found last (-1 before its first search). */
  digitAt: number;
  /** The text's digit runs, and the first of them the weak triggers have not passed (an index into them). */
  runs: DigitRuns;
  run: number;
}

function extend(scan: WindowScan, reach: number): void {
  // Edges move only when they are new, so each character is looked at a bounded number of times and the pass
  // stays linear on text that is one long run of digits.
  const { last, text } = scan;
  if (last && reach > last.end) last.end = toSpace(text, Math.min(text.length, reach), 1);
}

/** Opens a window at a trigger [index, end) reaching `after` past it, or extends the last one to it. */
function open(scan: WindowScan, index: number, end: number, after: number): void {
  const { text } = scan;
  if (scan.last && index - BEFORE <= scan.last.end) extend(scan, end + after);
  else {
    scan.last = {
      start: toSpace(text, Math.max(0, index - BEFORE), -1),
      end: index,
      runs: [],
      kst: false,
      parenC: false,
    };
    scan.windows.push(scan.last);
    extend(scan, end + after);
  }
  const last = scan.last;
  // The digits inside the window extend it (the numbers of a list, a meeting and item, pages): the window reaches
  // DIGIT_AFTER past the last digit it holds. Read forwards: the runs of three digits or more off the text's runs,
  // the shorter ones by a regex that skips to the next digit (firstDigit), and the edge moved to whitespace only once
  // the next digit lies past what the runs so far reach. This gives the end that reading back from the window's end
  // for its last digit gave (each run reaches past those before it, and toSpace moves a nearer reach to the same
  // whitespace), and the same windows on 31 000 corpus, generated and random texts (a throwaway check). Reading back
  // by character code cost candidateWindows 55–56 µs over the real texts, the regex alone for every digit 48.5–50,
  // with the runs 41 (side by side, best of 500; letters 98 → 95).
  let from = Math.max(scan.weakFrom, end);
  if (from >= last.end) return;
  // How far the runs read since the edge last moved reach (0: none yet).
  let reach = 0;
  const { runs } = scan;
  for (;;) {
    let bound = Math.max(last.end, reach);
    // The runs of three digits or more that start inside: the digits before the last of them reach less far, so
    // they need not be found.
    for (; scan.run < runs.length && runs[scan.run]! < bound; scan.run += 2) {
      const runEnd = runs[scan.run + 1]!;
      if (runEnd <= from) continue;
      from = runEnd;
      reach = runEnd + DIGIT_AFTER;
      bound = Math.max(bound, reach);
    }
    const at = firstDigit(scan, from);
    if (at < bound && at < text.length) {
      from = at + 1;
      while (from < text.length && isDigit(text.charCodeAt(from))) from++;
      reach = from + DIGIT_AFTER;
      continue;
    }
    if (reach <= last.end) break;
    extend(scan, reach);
    reach = 0;
  }
  scan.weakFrom = last.end;
}

/** Sticky: from where it is tried to the next digit (or the text's end). */
const NON_DIGITS = /\D*/y;

/**
 * The first digit at or after `from` (the text's length when there is none). Remembered: `from` only grows, so each
 * character is read at most once however far past a window the next digit stands.
 */
function firstDigit(scan: WindowScan, from: number): number {
  if (scan.digitAt < from) {
    NON_DIGITS.lastIndex = from;
    NON_DIGITS.test(scan.text);
    scan.digitAt = NON_DIGITS.lastIndex;
  }
  return scan.digitAt;
}

/** Moves an edge (backwards for a start, forwards for an end) to whitespace, at most EDGE characters. */
function toSpace(text: string, at: number, step: 1 | -1): number {
  let pos = at;
  for (let i = 0; i < EDGE; i++) {
    // By code, not `text[pos]`: a one-character string per step showed in profiles (toSpace 1.6% of paper detection
    // over the real texts); isJsSpace is the set the string test had.
    if (
      step < 0 ? pos <= 0 || isJsSpace(text.charCodeAt(pos - 1)) : pos >= text.length || isJsSpace(text.charCodeAt(pos))
    ) {
      return pos;
    }
    pos += step;
  }
  return at;
}
