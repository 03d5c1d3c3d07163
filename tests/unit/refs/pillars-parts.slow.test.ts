import { describe, it } from 'vitest';
import { labelPillars } from '../../../lib/refs/pillars';
import { expectLinear } from '../../support/linearity';

// Timed, so in the unit-slow project (one file at a time, 120 s per test).
describe('cost stays linear', () => {
  // Inputs that made compromise (or a careless regex) quadratic before the guards in tokens.ts.
  it.each([
    ['abbreviations without sentence ends', (n: number) => 'nr. '.repeat(n / 4)],
    ['one long punctuation word', (n: number) => '.)'.repeat(n / 2)],
    ['one long word', (n: number) => 'terugkeer'.repeat(n / 9)],
    ['numbered lines', (n: number) => '1.1 Terugkeer\n'.repeat(n / 14)],
    ['mentions', (n: number) => 'pijler 4 en '.repeat(n / 12)],
    ['hyphenated line ends', (n: number) => 'ab-\n'.repeat(n / 4)],
  ])('%s', (_, make) => {
    expectLinear((text) => labelPillars(text), make, 24 * 1024);
  });
});
