import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shadow, shadowByPatterns } from '../../../lib/refs/motions/tokens';

/*
 * The names window's shadow (lib/refs/motions/tokens.ts) is made in one scan of character codes; the five patterns
 * it replaced are the reference. Both must give the same string, of the same length, for every window: the
 * characters each rule looks at, and their neighbours, drawn densely.
 */
const PARTS = [
  'a',
  'Z',
  'ö',
  'É',
  '.',
  '/',
  ' ',
  '\n',
  '0',
  '7',
  '12',
  '\u00a0',
  '\u2002',
  '\u202f',
  '\u205f',
  '\u3000',
  '\u00b2',
  '\u00b9',
  '\u2075',
  '\u2070',
  '\u2010',
  '\u2013',
  '\u2014',
  '\u2015',
  '-',
  '\u0301',
  '\u0308',
  '\u20d0',
  'c.s.',
  'Becker',
  'Özütok',
  '(',
  ')',
  '\ud835\udc4e',
  '\ud834\udd65',
  '\u00ad',
  '\u200b',
];

describe('the names window shadow', () => {
  it('equals the pattern-by-pattern shadow on windows of every character its rules read', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const expected = shadowByPatterns(text);
        expect(shadow(text)).toBe(expected);
      }),
      { numRuns: 5000, seed: 9 },
    );
  });

  it('blanks footnote markers and joins names at slashes, keeping every offset', () => {
    const text = 'motie-Becker²/Özütok c.s.3 en Kuik8 (2019)';
    const shadowed = shadow(text);
    expect(shadowed).toBe('motie-Becker  Özütok c.s.  en Kuik  (2019)');
    expect(shadowed.length).toBe(text.length);
  });
});
