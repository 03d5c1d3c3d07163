import { describe, expect, it } from 'vitest';
import { detectPapers } from '../../../lib/refs';
import { scorePapers } from '../../support/scoring';
import { corpusNames, corpusText, gold, HAS_SHARED } from '../../support/shared';

/**
 * The detector against the hand-checked references of ../shared/corpus/gold.json. Precision counts every found
 * reference (optional self-references and prefix mentions are allowed); recall counts the required ones.
 */
describe.skipIf(!HAS_SHARED)('reference detection against the corpus gold', () => {
  it('reaches precision ≥ 0.99 and recall ≥ 0.98 over the corpus', () => {
    let found = 0;
    let matched = 0;
    let required = 0;
    let matchedRequired = 0;
    const problems: Record<string, { extra: string[]; missed: string[] }> = {};
    for (const name of corpusNames()) {
      const score = scorePapers(
        detectPapers(corpusText(name)).map((r) => r.id),
        gold()[name]!,
      );
      found += score.found;
      matched += score.matched;
      required += score.required;
      matchedRequired += score.matchedRequired;
      console.log(
        `gold ${name}: found ${score.found}, precision ${(score.matched / score.found).toFixed(3)}, ` +
          `recall ${(score.matchedRequired / score.required).toFixed(3)}`,
      );
      if (score.extra.length || score.missed.length) problems[name] = { extra: score.extra, missed: score.missed };
    }
    const precision = matched / found;
    const recall = matchedRequired / required;
    console.log(
      `gold overall: precision ${precision.toFixed(3)} (${matched}/${found}), recall ${recall.toFixed(3)} (${matchedRequired}/${required})`,
    );
    expect(problems).toEqual({});
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });
});
