import { isAsciiLetter, model } from '../words';
import { plainWordTags } from './tokens';

/**
 * Whether a word that stops the names reader starts after the space at `at`; the end of the word if so, else -1.
 * Such a word is lower-case ASCII letters between single spaces, before `limit`, without a tag of our lexicon, not
 * `en` and no contraction that compromise expands into words of its own (`imo`): not a name, particle, title,
 * member word, separator or `c.s.`, so the reader stops at it as it stops at the end of the tokens (each rule that
 * reads the token there treats it as it treats none). And the tokens before it are the same with or without the
 * text after it, where what comes before is ASCII or Latin letters (`Özütok`) without parentheses or quotes (the
 * caller's part, `namesEnd`): a word of letters after white space starts a term of its own and joins none before
 * it. (A party's parentheses could hold the word, `(Partij voor de Dieren)`; compromise merges a quotation's
 * sentences.) Tokenising the whole names window took a third of the motion reader's time on motion-dense text,
 * where most windows go on past the names (`de moties X c.s. en Y c.s. verzoekt de Kamer …`): stopping there made
 * it 1.4 times as fast.
 */
export function readingStopAfter(text: string, at: number, limit: number): number {
  // After a space that follows a word or punctuation: after a line break, a word may continue the one before it
  // (`Groot-\n huizen`).
  if (wholeWindows || !isLower(text.charCodeAt(at + 1)) || isSpace(text.charCodeAt(at - 1))) return -1;
  let j = at + 1;
  while (j < limit && isLower(text.charCodeAt(j))) j++;
  if (j >= limit || text.charCodeAt(j) !== 0x20) return -1;
  return readerStopsAt(text.slice(at + 1, j)) ? j : -1;
}

/** A lower-case word the names reader stops at: no tag of our lexicon, not `en`, no contraction (`imo`). */
function readerStopsAt(word: string): boolean {
  return word !== 'en' && !model().contractionWords.has(word) && plainWordTags(word).size === 0;
}

/**
 * Whether the reader stops at a blank line whose first line break is at `at`; where the window may end if so (the
 * end of the word before it), else -1. A KOOP motion's header is a paragraph of its own (`MOTIE VAN DE LEDEN
 * JASPER VAN DIJK EN BECKER`, then a blank line and `De Kamer,`), so most header windows ran on into the next
 * paragraph, which was tokenised, split into sentences and thrown away. The reader reads on past a blank line only
 * into a name it still expects (after `van het lid`, a title, an initial or a particle: words with a tag of our
 * lexicon), and after a name only by a separator or what belongs to the name: `en`, `,`, `/`, `&`, `c.s.`, a
 * party's parenthesis. So the window ends there where the word before the blank line is ASCII letters right before
 * the white space, has no tag, is not `en` and no contraction (`readingStopAfter`), and the next paragraph starts
 * with a word of letters that is not `en` nor `c.s.`; the tokens before are the same (see `readingStopAfter` for
 * what the caller ensures of the text before).
 */
export function blankLineStopAt(text: string, at: number, from: number, limit: number): number {
  if (wholeWindows) return -1;
  let wordEnd = at;
  while (wordEnd > from && isBlank(text.charCodeAt(wordEnd - 1))) wordEnd--;
  let wordStart = wordEnd;
  while (wordStart > from && isAsciiLetter(text.charCodeAt(wordStart - 1))) wordStart--;
  // A word of its own, after white space: the window starts after `motie`, so its first word is not one (`moties`).
  if (wordStart === wordEnd || !isSpace(text.charCodeAt(wordStart - 1))) return -1;
  let next = at;
  let breaks = 0;
  while (next < limit && isSpace(text.charCodeAt(next))) if (text.charCodeAt(next++) === 0x0a) breaks++;
  if (breaks < 2 || next >= limit || !isAsciiLetter(text.charCodeAt(next))) return -1;
  const after = text.charCodeAt(next + 1);
  if ((text.charCodeAt(next) | 0x20) === 0x63 && after === 0x2e) return -1;
  const nextEnd = next + 2;
  if ((text.charCodeAt(next) | 0x20) === 0x65 && (after | 0x20) === 0x6e && !isAsciiLetter(text.charCodeAt(nextEnd)))
    return -1;
  return readerStopsAt(text.slice(wordStart, wordEnd).toLowerCase()) ? wordEnd : -1;
}

/** Where the white space of a blank line starts: any but a line break (`\r` stays with it, as in `\r\n`). */
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;
const isSpace = (c: number) => c <= 0x20;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;

let wholeWindows = false;

/** Runs `fn` with the reader tokenising every names window whole: only the test that proves both read alike uses it. */
export function withWholeWindows<T>(fn: () => T): T {
  wholeWindows = true;
  try {
    return fn();
  } finally {
    wholeWindows = false;
  }
}
