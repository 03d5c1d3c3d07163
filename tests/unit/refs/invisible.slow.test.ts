import { describe, expect, it } from 'vitest';
import { detectPapers } from '../../../lib/refs';
import { expectLinear } from '../../support/linearity';

/**
 * Reading through invisible characters (lib/refs/invisible.ts) stays linear in the text, also for text that is
 * mostly such characters: one scan for runs, each character of a run looked at once, and each span mapped back by a
 * binary search.
 */
const ADVERSARIAL: [string, (n: number) => string][] = [
  ['a soft hyphen between every two digits', (n) => '1\u00ad'.repeat(n / 2)],
  [
    'citations with a zero-width space in every number',
    (n) => 'Kamerstuk 19 6\u200b37, nr. 23\u200b75; '.repeat(n / 33),
  ],
  ['one invisible run', (n) => `Kamerstuk 19 637, nr. 2${'\u2060'.repeat(n - 30)}375`],
  ['combining marks on letters and digits', (n) => 'e\u0301\u0301 2\u0301\u0308 '.repeat(n / 8)],
  ['bidi isolates around every word', (n) => '\u2066nr.\u2069 \u2066123\u2069 '.repeat(n / 14)],
];

describe('detectPapers with invisible characters runs in linear time', () => {
  it.each(ADVERSARIAL)('on %s', (_name, make) => {
    expect(() => detectPapers(make(1024 * 1024))).not.toThrow();
    expectLinear(detectPapers, make);
  });
});
