import { model } from '../words';
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
  const word = text.slice(at + 1, j);
  return word !== 'en' && !model().contractionWords.has(word) && plainWordTags(word).size === 0 ? j : -1;
}

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
