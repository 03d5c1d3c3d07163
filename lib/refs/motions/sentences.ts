import { isJsSpace } from '../cursor';
import { isAsciiLetter } from '../words';
import { ABBREVIATIONS } from './lexicon';

const OPENERS = /[\p{Lu}"'“‘«(•–-]/u;
const CAPITAL = /\p{Lu}/u;
const WORD_BEFORE_STOP = /[\p{L}.]{1,12}$/u;

/**
 * Whether the `.`, `!` or `?` at `at` ends a sentence: it is followed (after closing quotes, brackets and a footnote
 * marker) by white space and a capital, or by a capital straight away as PDF text can run sentences together
 * (`nr. 2380).Immers`). Stops of abbreviations (`c.s.`, `n.a.v.`, `jl.`) and initials (`M.B.`) do not count.
 */
export function endsSentence(text: string, at: number): boolean {
  const stop = text[at];
  if (stop !== '.' && stop !== '!' && stop !== '?') return false;
  // What follows first: it is a few character tests, and most stops that end no sentence fail it (`c.s. en`,
  // `nr. 12`), where the abbreviation test reads the word before with regexes (endsSentence was 6% of the motion
  // reader's time on motion-dense text, in a profile). Both must pass, so their order changes nothing.
  return startFollows(text, at) && !(stop === '.' && ordinaryStop(text, at));
}

/** Whether the full stop at `at` belongs to an abbreviation, an initial or a number (`c.s.`, `M.B.`, `1.400`). */
function ordinaryStop(text: string, at: number): boolean {
  const bare = wordBeforeStop(text, at).replace(LEADING_STOPS, '');
  if (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /(?:^|\.)\p{L}$/u.test(bare)) return true;
  // `1.400`: a thousands separator; `2018.3 Het` is a year, a stop and a footnote marker.
  return isDigit(text.charCodeAt(at - 1)) && threeDigits(text, at + 1);
}

const LEADING_STOPS = /^\.+/;

/**
 * `WORD_BEFORE_STOP` on the 12 characters before `at`, lower case; by character codes where they are ASCII letters
 * and stops (every stop of the text is tested: the pattern on a slice was 3% of the motion reader's time on
 * motion-dense text, in a profile).
 */
function wordBeforeStop(text: string, at: number): string {
  const floor = Math.max(0, at - 12);
  let from = at;
  while (from > floor) {
    const c = text.charCodeAt(from - 1);
    if (isAsciiLetter(c) || c === 0x2e) from--;
    else if (c >= 0x80) return WORD_BEFORE_STOP.exec(text.slice(floor, at))?.[0].toLowerCase() ?? '';
    else break;
  }
  return text.slice(from, at).toLowerCase();
}

/** `/^\d{3}(?!\d)/` at `at`. */
function threeDigits(text: string, at: number): boolean {
  return (
    isDigit(text.charCodeAt(at)) &&
    isDigit(text.charCodeAt(at + 1)) &&
    isDigit(text.charCodeAt(at + 2)) &&
    !isDigit(text.charCodeAt(at + 3))
  );
}

/**
 * Whether what follows the stop at `at` starts a sentence: after closing quotes, brackets and a footnote marker,
 * white space and an opener, or a capital straight away, or the end of the text.
 */
function startFollows(text: string, at: number): boolean {
  let next = at + 1;
  while (next < text.length && isCloser(text.charCodeAt(next))) next++;
  const markerStart = next;
  while (next < text.length && next - markerStart < 3 && isMarker(text.charCodeAt(next))) next++;
  if (next >= text.length) return true;
  if (next === markerStart && isCapital(text, next)) return true;
  if (!isJsSpace(text.charCodeAt(next))) return false;
  while (next < text.length && isJsSpace(text.charCodeAt(next))) next++;
  return next >= text.length || isOpener(text, next);
}

/*
 * The character classes of the patterns above by code, the pattern only for a letter outside ASCII: a regex test
 * for each character after every stop was 2% of the motion reader's time on motion-dense text (in a profile).
 */
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** `)"'”’»]`: what may close a sentence after its stop. */
const isCloser = (c: number) =>
  c === 0x29 || c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x5d;
/** A footnote marker's character: a digit or a superscript one. */
const isMarker = (c: number) =>
  isDigit(c) || c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);

function isCapital(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : CAPITAL.test(text[at]!);
}

/** OPENERS: a capital or `"'“‘«(•–-`. */
function isOpener(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x2d;
  return OPENERS.test(text[at]!);
}

/**
 * The end of the sentence that runs on from `from`: the offset just after its final stop (where a footnote marker
 * for the sentence would stand), or `limit` when no sentence ends before it.
 */
export function sentenceEnd(text: string, from: number, limit: number): number {
  for (let at = from; at < limit; at++) {
    if (isStop(text.charCodeAt(at)) && endsSentence(text, at)) return at + 1;
  }
  return limit;
}

/**
 * `.`, `!` or `?`: the only characters `endsSentence` can accept. Tested first, by code: a call of `endsSentence`
 * for every character of the 240 before and the 400 after each motion was 6% of the motion reader's time on
 * motion-dense text (in a profile).
 */
const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f;

/** Where the sentence containing `at` starts, looking back no further than `limit` characters. */
export function sentenceStart(text: string, at: number, limit: number): number {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i--) {
    if (isStop(text.charCodeAt(i)) && endsSentence(text, i)) {
      let start = i + 1;
      for (; start < at; start++) {
        const c = text.charCodeAt(start);
        if (!isCloser(c) && !isMarker(c) && !isJsSpace(c)) break;
      }
      return start;
    }
  }
  return floor;
}
