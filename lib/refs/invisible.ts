/**
 * Characters that do not show, yet cut what a reader sees as one number or word in two: the soft hyphen (a
 * hyphenation hint: `nr. 2&shy;375` reads "nr. 2375"), zero-width spaces and joiners, the word joiner, the BOM,
 * bidi marks, embeddings and isolates, variation selectors (together Unicode's Default_Ignorable_Code_Point), and
 * combining marks on anything but a letter (after a digit or a stop a mark only decorates it). Read as they are,
 * `2\u00ad375` ends the number at `2` and links the wrong paper; so the detectors read the text without them, and
 * every span is mapped back to the text as given. A mark on a letter stays: `é` is a different letter, not noise.
 */

/** Never part of what a reader sees. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** The exact test: a text without any of these (nearly every page) is read as it is. */
const ANY = /[\p{Default_Ignorable_Code_Point}\p{M}]/u;
/**
 * A cheaper test first: every ignorable code point and every mark lies in one of these UTF-16 ranges (proved for all
 * of Unicode in tests/unit/refs/invisible.test.ts), and a plain range class without the `u` flag is scanned several
 * times faster than the property classes (the exact test was a fifth of paper detection's time in a profile). Text
 * in the Latin script with its usual punctuation (`é`, `’`, `–`, `«»`, no-break spaces) has none of these units, so
 * for Dutch text this one scan decides.
 *
 * Built from a string: the class holds combining marks and lone surrogate units on purpose (it reads UTF-16 units, so
 * any astral code point passes through its surrogates), which a regex literal would flag as misleading.
 */
const MAYBE_INVISIBLE_UNITS =
  '\\u00ad\\u0300-\\u1fff\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u20d0-\\u20ff\\u2c00-\\u2dff\\u3000-\\u33ff' +
  '\\ua000-\\ufaff\\ufb1e\\ufe00-\\ufe2f\\ufeff\\uff00-\\uffff\\ud800-\\udfff';
export const MAYBE_INVISIBLE = new RegExp(`[${MAYBE_INVISIBLE_UNITS}]`);
/**
 * The same test as one sticky run over everything else from the text's start: a greedy loop over a class is
 * cheaper per character than a search for it, which tries a match at every position (11.4 µs against 16.4 µs over
 * the real texts, 56 against 82 µs over the letters, measured side by side).
 */
const NONE_MAYBE_INVISIBLE = new RegExp(`[^${MAYBE_INVISIBLE_UNITS}]*`, 'y');

function mayHoldInvisible(text: string): boolean {
  NONE_MAYBE_INVISIBLE.lastIndex = 0;
  NONE_MAYBE_INVISIBLE.test(text);
  return NONE_MAYBE_INVISIBLE.lastIndex < text.length;
}
/** Maximal runs of them: the character before a run is what its combining marks sit on. */
const RUN = /[\p{Default_Ignorable_Code_Point}\p{M}]+/gu;
const LETTER = /\p{L}/u;

/** A text with the invisible characters taken out, and the way back to offsets in the text as given. */
export interface Visible {
  text: string;
  /** The offset in the original text of the visible character at `offset` (or of the text's end). */
  start(offset: number): number;
  /** The offset in the original text just after the visible character before `offset`: for span ends. */
  end(offset: number): number;
}

/** The character (a whole code point) that ends just before `index`. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
    ? text.slice(index - 2, index)
    : text.slice(index - 1, index);
}

/** How many entries of the ascending `list` are below `value` (or equal to it too, with `inclusive`). */
function countBelow(list: readonly number[], value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value || (inclusive && list[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The text as a reader sees it, or undefined when it has no invisible characters. Linear in the text: one scan
 * for runs, and each character of a run looked at once.
 */
export function visibleText(text: string): Visible | undefined {
  if (!mayHoldInvisible(text) || !ANY.test(text)) return undefined;
  const parts: string[] = [];
  // Removed characters as (position in the visible text they stand before, removed so far including them).
  const at: number[] = [];
  const removedSoFar: number[] = [];
  let removed = 0;
  let visibleLength = 0;
  let copied = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const keepMarks = LETTER.test(charBefore(text, m.index));
    const kept = text.slice(copied, m.index);
    parts.push(kept);
    visibleLength += kept.length;
    for (const ch of m[0]) {
      if (keepMarks && !IGNORABLE.test(ch)) {
        parts.push(ch);
        visibleLength += ch.length;
        continue;
      }
      removed += ch.length;
      if (at.at(-1) === visibleLength) removedSoFar[removedSoFar.length - 1] = removed;
      else {
        at.push(visibleLength);
        removedSoFar.push(removed);
      }
    }
    copied = m.index + m[0].length;
  }
  if (!removed) return undefined;
  parts.push(text.slice(copied));
  const before = (offset: number, inclusive: boolean) => {
    const i = countBelow(at, offset, inclusive);
    return i ? removedSoFar[i - 1]! : 0;
  };
  return {
    text: parts.join(''),
    // Characters removed before or at the offset are passed over: a span never starts on an invisible character.
    start: (offset) => offset + before(offset, true),
    // Only those strictly before: a span never ends on one either.
    end: (offset) => offset + before(offset, false),
  };
}
