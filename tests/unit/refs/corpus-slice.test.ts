import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/refs';
import { corpusNames, corpusText, gold, HAS_SHARED, NO_SHARED } from '../../support/shared';

/** Counts of each id, so that a reference cited twice must be found twice. */
function multiset(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function excess(found: readonly string[], allowed: readonly string[]): string[] {
  const left = multiset(allowed);
  return found.filter((id) => {
    const n = left.get(id) ?? 0;
    left.set(id, n - 1);
    return n <= 0;
  });
}

describe.skipIf(!HAS_SHARED)('Kamerstuk detection on the corpus', () => {
  it.each(corpusNames())('finds nothing that is not in the gold for %s', (name) => {
    const entry = gold()[name]!;
    const found = detect(corpusText(name)).map((r) => r.id);
    expect(excess(found, [...entry.refs, ...entry.optional])).toEqual([]);
  });

  it('finds every Kamerstuk reference of the 2019 progress letter', () => {
    const entry = gold()['kst-19637-2535']!;
    const found = detect(corpusText('kst-19637-2535')).map((r) => r.id);
    expect(found).toEqual(entry.refs.filter((id) => id.startsWith('kst-')));
  });
});

describe.skipIf(HAS_SHARED)('corpus', () => {
  it.skip(NO_SHARED, () => {});
});
