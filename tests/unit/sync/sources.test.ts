import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPapers } from '../../../lib/refs/papers';
import { isFetchable, isKoopId, kindOf } from '../../../lib/sync/sources';
import { corpusText, HAS_SHARED, sharedPath } from '../../support/shared';

describe('which ids are ever queued', () => {
  it.each([
    'kst-19637-2375',
    'kst-35000-VI-59',
    'kst-21501-20-1265',
    'kst-36410-A-41',
    'kst-34482-B',
    'kst-35925-E',
    'kst-31700-42e',
    'kst-23908-(R1519)-131',
    'h-tk-20182019-27-10',
    'h-tk-20192020-77',
    'ah-tk-20242025-1028',
    'stb-2019-143',
    'stcrt-2020-31064',
    'trb-2018-41',
  ])('%s is a publication KOOP can look up', (id) => {
    expect(isKoopId(id)).toBe(true);
    expect(isFetchable(id)).toBe(true);
  });

  it.each([
    [`kst-12345-${'A'.repeat(10_000)}-1`, 'planted, 10 000 characters'],
    ['kst-12345-1; drop', 'not an id'],
    ['kst-12345-VI-VII-VIII-1', 'three toevoegingen'],
    ['h-tk-2018-27', 'no vergaderjaar'],
    ['stb-19-143', 'two-digit year'],
    ['kst-19637-2375 ', 'trailing space'],
    ['dossier-36333', 'a dossier, no publication'],
    ['2019Z19557', 'a zaak number'],
    ['<img src=x>', 'markup'],
  ])('%s is never queued (%s)', (id) => {
    expect(isFetchable(id)).toBe(false);
  });

  it('TK document numbers are fetched from the TK', () => {
    expect(isFetchable('2019D41229')).toBe(true);
    expect(kindOf('2019D41229')).toBe('tk-document');
  });

  it.skipIf(!HAS_SHARED)('every id the detector derives from the corpus and KOOP’s test strings passes', () => {
    const texts = ['ima-voortgangsbrief-2020', 'kst-19637-2395', 'kst-19637-2535'].map(corpusText);
    const conformance = readFileSync(sharedPath('conformance', 'koop-kamerstuk-citations.json'), 'utf8');
    texts.push(...(conformance.match(/"[^"]{5,300}"/g) ?? []).map((s) => s.slice(1, -1)));
    const ids = new Set(texts.flatMap((t) => detectPapers(t).map((r) => r.id)));
    expect(ids.size).toBeGreaterThan(100);
    const publications = [...ids].filter((id) => !id.startsWith('dossier-') && !/^\d{4}Z/.test(id));
    expect(publications.filter((id) => !isFetchable(id))).toEqual([]);
  });
});
