import { describe, it } from 'vitest';
import { detectPapers } from '../../../lib/refs';
import { expectLinear } from '../../support/linearity';

/**
 * The paths issue 9 added to paper detection stay linear: the number-first citations and their lists, the
 * references the page completes, and the prefilter's strong and weak triggers (a window opened by a dossier and
 * extended by every digit after it). Timed, so in the unit-slow project (see tests/support/linearity.ts).
 */
const PAGE = { id: 'kst-36333-39' };

const numbers = (n: number, sep: string) => {
  const out: string[] = [];
  for (let i = 1, length = 0; length < n; i++) {
    const s = `${i % 9999 || 1}${sep}`;
    out.push(s);
    length += s.length;
  }
  return out.join('');
};

const FAMILIES: [string, (n: number) => string][] = [
  ['a 100 000-item list after a Kamerstuk', (n) => `Kamerstuk 22 112, nrs. ${numbers(n, ', ')}`],
  ['a 100 000-item list before a dossier', (n) => `de moties op stukken nrs. ${numbers(n, ' en ')}(33 529)`],
  ['number-first citations without end', (n) => 'nr. 54 (32 012) '.repeat(n / 16)],
  ['number-first openings without a dossier', (n) => 'op stuk nr. 9 (36 410-'.repeat(n / 22)],
  ['digits that extend one window without end', (n) => `19 637 ${numbers(n, ' ')}`],
  ['years before separators', (n) => '2019/20, 2024-2025, '.repeat(n / 20)],
  ['dossiers with every separator', (n) => '12 345 12.345 12-345 12\u00a0345 '.repeat(n / 28)],
];

const PAGE_FAMILIES: [string, (n: number) => string][] = [
  ['page references without end', (n) => 'de motie op stuk nr. 44 en '.repeat(n / 27)],
  ['replaced-motion titles without a number', (n) => 'TER VERVANGING VAN DIE GEDRUKT ONDER NR. '.repeat(n / 41)],
  ['page-reference lists', (n) => `op de stukken nrs. ${numbers(n, ', ')}`],
  ['renumbering without end', (n) => 'Zij krijgt nr. 77, was nr. 52, '.repeat(n / 31)],
];

describe('paper detection stays linear on the issue-9 forms', () => {
  it.each(FAMILIES)('on %s', (_name, make) => {
    expectLinear((t) => detectPapers(t), make);
  });

  it.each(PAGE_FAMILIES)('with the page’s identity, on %s', (_name, make) => {
    expectLinear((t) => detectPapers(t, PAGE), make);
  });
});
