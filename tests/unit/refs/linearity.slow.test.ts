import { describe, it } from 'vitest';
import { analyseText } from '../../../lib/refs/analyse';
import { findFootnotes } from '../../../lib/refs/footnotes';
import { detectMotions } from '../../../lib/refs/motions';
import { detectPapers } from '../../../lib/refs/papers';
import { labelPillars } from '../../../lib/refs/pillars';
import type { PaperRef } from '../../../lib/refs/types';
import { expectLinear } from '../../support/linearity';
import {
  digitRuns,
  endlessList,
  invisibles,
  kamerstukSoup,
  motionDense,
  randomAscii,
  randomBmp,
} from '../../support/texts';

/*
 * Issue 9: the full analysis and paper detection grow linearly on every adversarial family, compared at 1× and 10×
 * the size in one run, best of three (tests/support/linearity.ts), with the bound at 30× the time for 10× the
 * input: a quadratic step takes 100×, a gate that opens past some size (the pillar labeller's, at 1.9 MB of random
 * text, took 130×) far more. The inputs are seeded (tests/support/texts.ts): every run times the same text.
 *
 * Sizes: the small input of each family; the large one is ten times it. The full analysis reads dense text at about
 * 1 MB/s (compromise), so its dense families are smaller; random text gets to 2 MB, past where the gate opened.
 */
const FAMILIES: [name: string, make: (n: number) => string, analysis: number, papers: number][] = [
  ['random ASCII', randomAscii, 200_000, 100_000],
  ['random BMP', randomBmp, 100_000, 100_000],
  ['Kamerstuk soup', kamerstukSoup, 10_000, 100_000],
  // The large input is a list of 100 000 items: `Kamerstuk 22 112, nrs. 1, 2, 3, …, 100000`.
  ['an endless list of numbers', endlessList, 68_888, 68_888],
  ['digit runs', digitRuns, 50_000, 100_000],
  ['zero-width and combining characters', invisibles, 10_000, 100_000],
  ['motion-dense text', motionDense, 10_000, 100_000],
];

const BOUND = 3;

/** The analysis with the paper pass done beforehand (as the windowed analysis does it): what lib/refs/analyse adds. */
function withPapers(make: (n: number) => string): { make: (n: number) => string; fn: (text: string) => unknown } {
  const papers = new Map<string, PaperRef[]>();
  return {
    make: (n) => {
      const text = make(n);
      papers.set(text, detectPapers(text));
      return text;
    },
    fn: (text) => {
      const footnotes = findFootnotes(text);
      return [detectMotions(text, papers.get(text) ?? detectPapers(text), footnotes), labelPillars(text)];
    },
  };
}

describe('the full analysis runs in linear time', () => {
  it.each(FAMILIES)('on %s', (_name, make, size) => {
    expectLinear((text) => analyseText(text, findFootnotes(text)), make, size, BOUND);
  });
});

describe('motions, footnotes and pillars run in linear time, papers given', () => {
  it.each(FAMILIES)('on %s', (_name, make, size) => {
    const { make: made, fn } = withPapers(make);
    expectLinear(fn, made, size, BOUND);
  });
});

describe('paper detection runs in linear time', () => {
  // The endless list was superlinear (36–62× the time for 10× the input, 2026-12-01) until the bare parser stopped
  // rereading the joint dossiers of a failed parse (lib/refs/papers/bare.ts).
  it.each(FAMILIES)('on %s', (_name, make, _analysis, size) => {
    expectLinear(detectPapers, make, size, BOUND);
  });
});
