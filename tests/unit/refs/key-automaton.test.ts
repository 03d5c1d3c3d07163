import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyAutomaton, keyInCodes, keyWritten } from '../../../lib/refs/pillars/key-automaton';

/*
 * The prefilter's automata (lib/refs/pillars/key-automaton.ts) against the plain search they stand for: an anywhere
 * key as a substring, a word-start key at a word start. Keys and texts over a few letters, so that keys overlap,
 * share prefixes and suffixes, and occur often (the cases where an Aho–Corasick failure link can go wrong).
 */

const key = fc.stringMatching(/^[abc1]{1,5}$/);
const keys = fc.array(key, { maxLength: 6 });

/** Whether a key stands in `text` (lower-case letters and digits) as the automata must find it. */
function plainSearch(text: string, starts: readonly boolean[], anywhere: string[], wordStart: string[]): boolean {
  for (let i = 0; i < text.length; i++) {
    if (anywhere.some((k) => text.startsWith(k, i))) return true;
    if (starts[i] && wordStart.some((k) => text.startsWith(k, i))) return true;
  }
  return false;
}

describe('the prefilter’s key automata', () => {
  it('find a key in folded codes where a plain search does', () => {
    fc.assert(
      fc.property(
        keys,
        keys,
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '1', 'd'), fc.boolean()), { maxLength: 30 }),
        (anywhere, wordStart, chars) => {
          const text = chars.map(([c]) => c).join('');
          const starts = chars.map(([, start]) => start);
          const codes = Uint8Array.from(text, (c) => c.charCodeAt(0));
          const found = keyInCodes(
            codes,
            Uint8Array.from(starts, Number),
            codes.length,
            keyAutomaton(anywhere, wordStart),
          );
          expect(found, JSON.stringify({ anywhere, wordStart, text, starts })).toBe(
            plainSearch(text, starts, anywhere, wordStart),
          );
        },
      ),
      { numRuns: 3000, seed: 20_261_202 },
    );
  });

  it('find a key as written where a plain search of the lower-cased text does, words starting after ASCII only', () => {
    fc.assert(
      fc.property(keys, keys, fc.stringMatching(/^[abcAB1d .é-]{0,30}$/), (anywhere, wordStart, text) => {
        const lower = text.toLowerCase();
        // Outside ASCII a character is taken for a letter: it breaks a key and starts no word.
        const starts = [...lower].map((_, i) => i === 0 || /[ .-]/.test(lower[i - 1]!));
        const runs = lower.replace(/[^a-z0-9]/g, (c) => (c === 'é' ? '\u0000' : '\u0001'));
        expect(keyWritten(text, keyAutomaton(anywhere, wordStart)), JSON.stringify({ anywhere, wordStart, text })).toBe(
          plainSearch(runs, starts, anywhere, wordStart),
        );
      }),
      { numRuns: 3000, seed: 20_261_203 },
    );
  });

  it('leave out keys with characters they never read', () => {
    const automaton = keyAutomaton(['ab&', 'é'], ['c d']);
    expect(keyWritten('ab& é c d', automaton)).toBe(false);
  });
});
