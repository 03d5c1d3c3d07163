import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/cli/diff';
import { findFootnotes } from '../../../lib/refs/footnotes';
import { detectMotions } from '../../../lib/refs/motions';
import { namesEnd } from '../../../lib/refs/motions/names';
import { withWholeWindows } from '../../../lib/refs/motions/reach';
import { tokenizeWindow } from '../../../lib/refs/motions/tokens';
import { detectPapers } from '../../../lib/refs/papers';
import { HAS_SHARED, sharedPath } from '../../support/shared';
import { motionDense } from '../../support/texts';

/** The same motions whether the reader stops tokenising at `readingEnd` or reads each names window whole. */
function sameAsWhole(text: string): void {
  const papers = detectPapers(text);
  const footnotes = findFootnotes(text);
  expect(detectMotions(text, papers, footnotes), text).toEqual(
    withWholeWindows(() => detectMotions(text, papers, footnotes)),
  );
}

/**
 * The tokens of a names window are the whole window's first tokens, and the next one starts where it ends, or after
 * only white space (a window cut at a blank line ends with the word before it).
 */
function samePrefix(text: string): void {
  for (const m of text.matchAll(/motie/gi)) {
    const end = withWholeWindows(() => namesEnd(text, m.index));
    const cut = namesEnd(text, m.index);
    expect(cut === undefined, text.slice(m.index, m.index + 160)).toBe(end === undefined);
    if (cut === undefined || end === undefined || cut === end) continue;
    const own = tokenizeWindow(text, m.index, cut).tokens;
    const whole = tokenizeWindow(text, m.index, end).tokens;
    expect(own, text.slice(m.index, end)).toEqual(whole.slice(0, own.length));
    const next = whole[own.length]?.start;
    expect(next).toBeGreaterThanOrEqual(cut);
    expect(text.slice(cut, next).trim()).toBe('');
  }
}

const FRAGMENTS = [
  'motie ',
  'MOTIE ',
  'moties ',
  '-',
  'van ',
  'Van ',
  'het ',
  'de ',
  'lid ',
  'leden ',
  'LEDEN ',
  'mr. ',
  'Groothuizen',
  'Van der Molen',
  'in ’t Veld',
  "'t ",
  'in ',
  'den ',
  ' t ',
  'Özütok',
  'Versnel-Schmitz',
  'Groot-\n',
  '-\n ',
  ' c.s.',
  'c.s. ',
  ' (PVV)',
  ' (Partij voor de Dieren) ',
  '/',
  ' / ',
  ' en ',
  'EN ',
  ' & ',
  ', ',
  '. ',
  ' ',
  '\n',
  '\n\n',
  ' \n \n',
  '\r\n\r\n',
  '\n\n\n',
  'BECKER',
  'Becker',
  'LID ',
  'Hiermee ',
  'De Kamer, ',
  'En ',
  'C.S. ',
  'ct ',
  'ent ',
  '\u00a0',
  'M.B. ',
  'A. ',
  'A ',
  'Tweede ',
  'groep ',
  'imo ',
  'gonna ',
  'over ',
  ' over ',
  'verzoekt ',
  'ter ',
  'op ',
  'x ',
  '"',
  '“',
  '(',
  ')',
];

describe('the end of a names window at a word the reader stops at', () => {
  it('ends a header window at the blank line after its names, and reads the same motions', () => {
    const text = 'MOTIE VAN DE LEDEN JASPER VAN DIJK EN BECKER\n\nDe Kamer, gehoord de beraadslaging,';
    expect(namesEnd(text, 0)).toBe(text.indexOf('\n'));
    expect(withWholeWindows(() => namesEnd(text, 0))).toBeGreaterThan(text.indexOf('\n'));
    sameAsWhole(text);
    // Not where the reader reads on: into a name it still expects, or by a separator after one.
    for (const open of [
      'MOTIE VAN HET LID\n\nBECKER',
      'moties Becker c.s. en\n\nPodt c.s.',
      'moties Becker\n\nen Podt',
      'moties Becker\n\nc.s. over',
      'motie van de leden Becker,\n\nPodt',
    ]) {
      expect(namesEnd(open, 0), open).toBe(withWholeWindows(() => namesEnd(open, 0)));
      sameAsWhole(open);
    }
  });

  it('reads the same motions as the whole window on random sequences of name fragments (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) => {
        const text = `motie ${parts.join('')}`;
        samePrefix(text);
        sameAsWhole(text);
      }),
      { seed: 11, numRuns: 3_000 },
    );
  });

  it('reads the same motions as the whole window on motion-dense text', () => {
    const text = motionDense(100_000);
    samePrefix(text);
    sameAsWhole(text);
  });

  it.skipIf(!HAS_SHARED)('reads the same motions as the whole window on the corpus letters and real texts', () => {
    for (const { text } of readCorpus(sharedPath('corpus'))) {
      samePrefix(text);
      sameAsWhole(text);
    }
  });
});
