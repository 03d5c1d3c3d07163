import fc from 'fast-check';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { detectPapers } from '../../../lib/refs';
import { PATTERNS } from '../../../lib/refs/cursor';
import type { Reference } from '../../../lib/refs/types';
import { expectLinear } from '../../support/linearity';

/** Every reference must point into the input, with its own text, in order and without overlap. */
function checkSpans(text: string, refs: readonly Reference[]) {
  let reach = 0;
  for (const ref of refs) {
    expect(ref.start).toBeGreaterThanOrEqual(0);
    expect(ref.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(ref.start, ref.end)).toBe(ref.text);
    // Empty spans (numbers inside a range) sit at the next reference's start; real spans never overlap.
    if (ref.end > ref.start) {
      expect(ref.start).toBeGreaterThanOrEqual(reach);
      reach = ref.end;
    }
  }
}

/** Fragments that make detectors work hard: the starts of every form, digits, separators and brackets. */
const FRAGMENTS = [
  'Kamerstuk ',
  'Kamerstukken II ',
  '2019/20, ',
  '19 637',
  '19637',
  '-20',
  ' VI',
  ', nr. ',
  'nrs. ',
  'nr.',
  '2375',
  ' en ',
  ', ',
  '(',
  ')',
  '(R2064)',
  'Handelingen II ',
  'item 10',
  'Stb. ',
  '2019D',
  '12345',
  'kst-',
  '–',
  ' ',
  '\n',
  '\u00a0',
  '1',
  'A',
];

describe('detectPapers on random and adversarial input', () => {
  it('never throws and returns well-formed spans for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkSpans(text, detectPapers(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and returns well-formed spans for strings made of reference fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        checkSpans(text, detectPapers(text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the reference again wherever it is embedded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (before, after) => {
        const text = `${before} (Kamerstuk 19 637, nr. 2375) ${after}`;
        expect(detectPapers(text).map((r) => r.id)).toContain('kst-19637-2375');
      }),
      { numRuns: 300 },
    );
  });
});

/** Adversarial input families, made at a given size (see expectLinear for how linearity is judged). */
const ADVERSARIAL: [string, (n: number) => string][] = [
  ['one digit repeated', (n) => '1'.repeat(n)],
  ['one space repeated', (n) => ' '.repeat(n)],
  ['one opening parenthesis repeated', (n) => '('.repeat(n)],
  ['nested parentheses', (n) => `${'('.repeat(n / 2)}${')'.repeat(n / 2)}`],
  ['long digit runs with spaces', (n) => '12 345 '.repeat(n / 7)],
  ['repeated nr.', (n) => 'nr. '.repeat(n / 4)],
  ['repeated Kamerstuk without a number', (n) => 'Kamerstuk 19 637 en '.repeat(n / 20)],
  ['repeated vergaderjaren', (n) => 'Kamerstukken II 2019/20, '.repeat(n / 25)],
  ['a list that never ends', (n) => `Kamerstuk 22 112, nrs. ${'2955, '.repeat(n / 6)}`],
  ['dashes and digits', (n) => '21501-08-'.repeat(n / 9)],
  ['dossiers joined without end', (n) => '19 637 en '.repeat(n / 10)],
  ['five-digit numbers in a list', (n) => '12345, '.repeat(n / 7)],
  ['bare citations without a number', (n) => '(19 637, nr. '.repeat(n / 13)],
  ['Handelingen without a number', (n) => 'Handelingen II 2018/19, '.repeat(n / 24)],
];

describe('detectPapers runs in linear time', () => {
  it.each(ADVERSARIAL)('on %s', (_name, make) => {
    expect(() => detectPapers(make(1024 * 1024))).not.toThrow();
    expectLinear(detectPapers, make);
  });
});

describe('the detector patterns', () => {
  it('are all free of catastrophic backtracking (checked with recheck)', () => {
    expect(PATTERNS.length).toBeGreaterThan(20);
    // The `d` flag (match indices) does not change what matches; recheck does not know it.
    const unsafe = PATTERNS.map((re) => ({
      re: re.source,
      result: checkSync(re.source, re.flags.replace('d', '')),
    })).filter(({ result }) => result.status !== 'safe');
    expect(unsafe.map(({ re, result }) => `${result.status}: ${re}`)).toEqual([]);
  }, 120_000);
});
