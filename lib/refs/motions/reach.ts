import { model } from '../words';
import { plainWordTags } from './tokens';

/**
 * Where the names reader's tokens can stop: before the first word, after the motion word, that no rule of the
 * reader can take past. Such a word is lower-case ASCII letters between single spaces, without a tag of our
 * lexicon, not `en` and no contraction that compromise expands into words of its own (`imo`): not a name, particle,
 * title, member word, separator or `c.s.`, so the reader stops at it as it stops at the end of the tokens (each rule
 * that reads the token there treats it as it treats none). And the tokens before it are the same with or without
 * the text after it: a word of letters after white space starts a term of its own and joins none before it. Only
 * where what comes before is ASCII or Latin letters (`Özütok`), without parentheses (a party's could hold the word,
 * `(Partij voor de Dieren)`) or quotes (compromise merges a quotation's sentences); otherwise `end`. Tokenising the
 * whole names window took a third of the motion reader's time on motion-dense text, where most windows go on past
 * the names (`de moties X c.s. en Y c.s. verzoekt de Kamer …`): stopping there made it 1.4 times as fast.
 */
export function readingEnd(text: string, from: number, end: number): number {
  if (wholeWindows) return end;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x80 && !isLatinLetter(c)) || c === 0x28 || c === 0x22) return end;
    // After a space that follows a word or punctuation: after a line break, a word may continue the one before it
    // (`Groot-\n huizen`).
    if (c !== 0x20 || !isLower(text.charCodeAt(i + 1)) || isSpace(text.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (j < end && isLower(text.charCodeAt(j))) j++;
    if (j < end && text.charCodeAt(j) === 0x20) {
      const word = text.slice(i + 1, j);
      if (word !== 'en' && !model().contractionWords.has(word) && plainWordTags(word).size === 0) return i + 1;
    }
    i = j - 1;
  }
  return end;
}

/** Letters of Latin-1 and Latin Extended (`Özütok`): letters as any other for where words start and end. */
const isLatinLetter = (c: number) => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
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
