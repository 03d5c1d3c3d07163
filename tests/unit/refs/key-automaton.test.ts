import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK,
  coverReach,
  keyAutomaton,
  keyInCodes,
  keyWritten,
  mergeReach,
  NO_REACH,
  reachOf,
  runsAfter,
  runsBefore,
  stepAnywhere,
  WHOLE,
  wordStartReach,
} from '../../../lib/refs/pillars/key-automaton';

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

  it('end a word-start key’s walk at a character outside ASCII that the search keeps (BLOCK)', () => {
    // `a9` is node 3 of the trie and `a` node 2, whose `9` goes on to it: read as a symbol, BLOCK (no symbol, -1)
    // would take the walk from node 3 along node 2's `9`, and find `a99` in `a9²9`.
    const automaton = keyAutomaton([], ['b', 'a99'], () => 0);
    const codes = (s: string) => Uint8Array.from([...s], (c) => (c === '²' ? BLOCK : c.charCodeAt(0)));
    expect(wordStartReach(codes('a99'), 0, 3, automaton)).toBe(0);
    expect(wordStartReach(codes('a9²9'), 0, 4, automaton)).toBe(NO_REACH);
  });

  it('leave out keys with characters they never read', () => {
    const automaton = keyAutomaton(['ab&', 'é'], ['c d']);
    expect(keyWritten('ab& é c d', automaton)).toBe(false);
  });

  it('give the runs of every key’s reach, where a plain search finds the key within one run', () => {
    const reach = fc.oneof(
      fc.constant(WHOLE),
      fc.tuple(fc.nat(3), fc.nat(3)).map(([b, a]) => reachOf(b, a)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, reach), { maxLength: 5 }),
        fc.array(fc.tuple(key, reach), { maxLength: 5 }),
        // Characters, each with whether a word starts there and whether a new run does.
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '1', 'd'), fc.boolean(), fc.boolean()), { maxLength: 30 }),
        (anywhere, wordStart, chars) => {
          const reaches = new Map<string, number>();
          for (const [k, r] of [...anywhere, ...wordStart]) reaches.set(k, mergeReach(reaches.get(k) ?? 0, r));
          const automaton = keyAutomaton(
            anywhere.map(([k]) => k),
            wordStart.map(([k]) => k),
            (k) => reaches.get(k)!,
          );
          const text = chars.map(([c]) => c).join('');
          const runOf: number[] = [];
          const starts: number[] = [];
          chars.forEach(([, start, newRun], i) => {
            const run = i === 0 ? 0 : runOf[i - 1]! + (newRun ? 1 : 0);
            runOf.push(run);
            starts.push(start || i === 0 || run !== runOf[i - 1] ? 1 : 0);
          });
          const runs = text.length ? runOf.at(-1)! + 1 : 0;
          // The plain search: each key at each position, within its run.
          const expected = new Array<number>(runs).fill(0);
          let whole = false;
          const add = (k: string, i: number) => {
            const r = reaches.get(k)!;
            if (r === WHOLE) whole = true;
            else
              for (
                let x = Math.max(0, runOf[i]! - runsBefore(r));
                x <= Math.min(runs - 1, runOf[i]! + runsAfter(r));
                x++
              )
                expected[x]!++;
          };
          for (let i = 0; i < text.length; i++) {
            const sameRun = (k: string) => runOf[i + k.length - 1] === runOf[i];
            for (const [k] of anywhere) if (text.startsWith(k, i) && sameRun(k)) add(k, i);
            for (const [k] of wordStart) if (starts[i] && text.startsWith(k, i) && sameRun(k)) add(k, i);
          }
          // The automata as keyWindows (lib/refs/pillars/key-windows.ts) runs them: the anywhere keys from each
          // run's start, the word-start keys from each word start to its run's end.
          const cover = new Int32Array(runs + 1);
          const codes = Uint8Array.from(text, (c) => c.charCodeAt(0));
          const runEnd = (r: number) => runOf.lastIndexOf(r) + 1;
          let found = false;
          let state = 0;
          for (let i = 0; i < codes.length && !found; i++) {
            if (i === 0 || runOf[i] !== runOf[i - 1]) state = 0;
            if (starts[i]) {
              const r = wordStartReach(codes, i, runEnd(runOf[i]!), automaton);
              if (r !== NO_REACH) found = coverReach(r, runOf[i]!, cover, runs);
            }
            state = stepAnywhere(automaton, state, codes[i]!);
            if (automaton.accepts[state]) found ||= coverReach(automaton.reach[state]!, runOf[i]!, cover, runs);
          }
          const context = JSON.stringify({ anywhere, wordStart, text, runOf, starts });
          expect(found, context).toBe(whole);
          if (whole) return;
          // Each key once per position; keys of one list ending together merge their reach, so count covered runs.
          let depth = 0;
          const covered = [...expected.keys()].map((r) => {
            depth += cover[r]!;
            return depth > 0;
          });
          expect(covered, context).toEqual(expected.map((x) => x > 0));
        },
      ),
      { numRuns: 3000, seed: 20_261_204 },
    );
  });
});
