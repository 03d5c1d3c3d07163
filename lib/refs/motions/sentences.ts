import { ABBREVIATIONS } from './lexicon';

const CLOSERS = /[)"'”’»\]]/;
const MARKER = /[\d\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/;
const OPENERS = /[\p{Lu}"'“‘«(•–-]/u;
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
  const word = WORD_BEFORE_STOP.exec(text.slice(Math.max(0, at - 12), at))?.[0].toLowerCase() ?? '';
  const bare = word.replace(/^\.+/, '');
  if (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /(?:^|\.)\p{L}$/u.test(bare)) return true;
  // `1.400`: a thousands separator; `2018.3 Het` is a year, a stop and a footnote marker.
  return /\d/.test(text[at - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(at + 1, at + 5));
}

/**
 * Whether what follows the stop at `at` starts a sentence: after closing quotes, brackets and a footnote marker,
 * white space and an opener, or a capital straight away, or the end of the text.
 */
function startFollows(text: string, at: number): boolean {
  let next = at + 1;
  while (next < text.length && CLOSERS.test(text[next]!)) next++;
  const markerStart = next;
  while (next < text.length && next - markerStart < 3 && MARKER.test(text[next]!)) next++;
  if (next >= text.length) return true;
  if (next === markerStart && /\p{Lu}/u.test(text[next]!)) return true;
  if (!/\s/.test(text[next]!)) return false;
  while (next < text.length && /\s/.test(text[next]!)) next++;
  return next >= text.length || OPENERS.test(text[next]!);
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
      while (start < at && (CLOSERS.test(text[start]!) || MARKER.test(text[start]!) || /\s/.test(text[start]!)))
        start++;
      return start;
    }
  }
  return floor;
}
