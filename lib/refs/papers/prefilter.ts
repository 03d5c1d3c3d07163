/**
 * A cheap first pass (as eyecite does): every reference contains a run of three digits (a dossier, a year, a
 * document number) or an OB id prefix, so the detectors only need to read the text around those. In a typical
 * letter that is a fifth of the text, and the scan for them costs less than one plain regex pass.
 */

/**
 * Three digits, as a plain character-class scan: V8 runs it many times faster than an alternation with the id
 * prefixes, which made the prefilter the most expensive step. The one id form without digits (`kst-cxxiv-g`, the
 * Eerste Kamer's roman dossiers) is found with indexOf.
 */
const TRIGGER = /\d\d\d/g;

/** How far a citation reaches before its first trigger (`Aanhangsel der Handelingen, vergaderjaar 2006`). */
const BEFORE = 160;
/** How far it reaches after its last trigger (`, nr. 3, blz. 41`, `, AA`, `(bijlage IV), blz. 21)`). */
const AFTER = 160;

export interface Window {
  start: number;
  end: number;
}

/** How far a window edge may move to reach whitespace; a longer unbroken run is cut (nothing in it is a word). */
const EDGE = 64;

/** Whitespace by character code (a regex test per character showed up in profiles): ASCII and Unicode spaces. */
function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return true;
  const c = ch.charCodeAt(0);
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680 ||
    c === 0xfeff
  );
}

/** Text windows that may hold references, in order and disjoint, each starting and ending at whitespace. */
export function candidateWindows(text: string): Window[] {
  const windows: Window[] = [];
  const triggers: number[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) triggers.push(m.index);
  const ids: number[] = [];
  for (let at = text.indexOf('kst-'); at >= 0; at = text.indexOf('kst-', at + 4)) ids.push(at);
  // Eerste Kamer roman dossiers, `(CLVI, letter M)`: no digits at all.
  for (let at = text.indexOf('(C'); at >= 0; at = text.indexOf('(C', at + 2)) ids.push(at);
  const all = ids.length
    ? mergeSorted(
        triggers,
        ids.sort((a, b) => a - b),
      )
    : triggers;
  for (const index of all) {
    const last = windows.at(-1);
    const reach = Math.min(text.length, index + 3 + AFTER);
    // Extending the previous window costs nothing; edges move only when they are new, so each character is looked
    // at a bounded number of times and the pass stays linear on text that is one long run of digits.
    if (last && index - BEFORE <= last.end) {
      if (reach > last.end) last.end = toSpace(text, reach, 1);
      continue;
    }
    windows.push({ start: toSpace(text, Math.max(0, index - BEFORE), -1), end: toSpace(text, reach, 1) });
  }
  return windows;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/** Moves an edge (backwards for a start, forwards for an end) to whitespace, at most EDGE characters. */
function toSpace(text: string, at: number, step: 1 | -1): number {
  let pos = at;
  for (let i = 0; i < EDGE; i++) {
    if (step < 0 ? pos <= 0 || isSpace(text[pos - 1]) : pos >= text.length || isSpace(text[pos])) return pos;
    pos += step;
  }
  return at;
}
