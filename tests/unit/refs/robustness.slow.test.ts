import { describe, expect, it } from 'vitest';
import { detectPapers } from '../../../lib/refs';
import { expectLinear } from '../../support/linearity';

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

// Timed, so in the unit-slow project (one file at a time, 120 s per test: a case takes 1–6 s on a quiet machine).
// The large input is 1M chars; expectLinear also fails if detectPapers throws on it.
describe('detectPapers runs in linear time', () => {
  it.each(ADVERSARIAL)('on %s', (_name, make) => {
    expectLinear(detectPapers, make);
  });
});

describe('expectLinear', () => {
  it('fails a function that does quadratic work', () => {
    const quadratic = (text: string) => {
      let sum = 0;
      for (let i = 0; i < text.length; i++) for (let j = i; j < text.length; j++) sum += text.charCodeAt(j);
      return sum;
    };
    expect(() => expectLinear(quadratic, (n) => 'x'.repeat(n), 2 * 1024)).toThrow(/expected .* to be less than 4/);
  });
});
