import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPapers } from '../../../lib/refs';
import { HAS_SHARED, sharedPath } from '../../support/shared';

interface Case {
  text: string;
  expect: string[];
  from: string;
}

/** KOOP's reference-extractor test strings (as ported by nllegalcit): an external suite, read in place. */
describe.skipIf(!HAS_SHARED)('KOOP Kamerstuk citation conformance', () => {
  const cases = HAS_SHARED
    ? (JSON.parse(readFileSync(sharedPath('conformance', 'koop-kamerstuk-citations.json'), 'utf8')).cases as Case[])
    : [];

  it('finds ≥ 95 % of the expected ids, and no kst- id where none is expected', () => {
    let expected = 0;
    let hit = 0;
    const missing: string[] = [];
    const spurious: string[] = [];
    for (const c of cases) {
      const ids = detectPapers(c.text).map((r) => r.id);
      for (const id of c.expect) {
        expected++;
        if (ids.includes(id)) hit++;
        else missing.push(`${id} in ${JSON.stringify(c.text.trim().slice(0, 90))} → [${ids.join(', ')}]`);
      }
      if (!c.expect.length && ids.some((id) => id.startsWith('kst-'))) {
        spurious.push(`${JSON.stringify(c.text)} → [${ids.join(', ')}]`);
      }
    }
    const rate = hit / expected;
    console.log(
      `conformance: ${hit}/${expected} expected ids found (${(rate * 100).toFixed(1)} %), ${spurious.length} cases with a kst- id where none is expected`,
    );
    if (missing.length) console.log(`missing:\n  ${missing.join('\n  ')}`);
    expect(spurious).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});
