/**
 * A cheap first pass (as eyecite does): every reference contains a run of three digits (a dossier, a year, a
 * document number) or an OB id prefix, so the detectors only need to read the text around those. In a typical
 * letter that is a fifth of the text, and the scan for them costs less than one plain regex pass.
 */

const TRIGGER = /\d{3}|kst-|h-[te]k-/g;

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

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** Text windows that may hold references, in order and disjoint, each starting and ending at whitespace. */
export function candidateWindows(text: string): Window[] {
  const windows: Window[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const last = windows.at(-1);
    const reach = Math.min(text.length, m.index + m[0].length + AFTER);
    // Extending the previous window costs nothing; edges move only when they are new, so each character is looked
    // at a bounded number of times and the pass stays linear on text that is one long run of digits.
    if (last && m.index - BEFORE <= last.end) {
      if (reach > last.end) last.end = toSpace(text, reach, 1);
      continue;
    }
    windows.push({ start: toSpace(text, Math.max(0, m.index - BEFORE), -1), end: toSpace(text, reach, 1) });
  }
  return windows;
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
