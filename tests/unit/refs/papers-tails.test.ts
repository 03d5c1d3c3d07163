import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectBareCitations } from '../../../lib/refs/papers/bare';
import type { Tail } from '../../../lib/refs/papers/citation';
import { detectAnchoredCitations } from '../../../lib/refs/papers/kamerstukken';
import { digitRuns } from '../../../lib/refs/papers/prefilter';
import { CITATION_PIECES } from '../../support/citation-fragments';

/**
 * The bare detector takes a dossier's parse from the anchored parse that read it (citation.ts, Tail) instead of
 * parsing it again: with the tails it must find exactly what it finds by parsing, as full objects. Fixed seed.
 */
const PIECES = [
  ...CITATION_PIECES,
  'T.K. ',
  'Zitting 1958-1959-5380',
  '21 50108',
  '11 100',
  ' hoofdstuk XV',
  'AA',
  ', B, ',
  'nrs. 1–3',
  ', en nr. ',
  ' t/m ',
  ' (R 2064)',
  'Vreemdelingenbeleid',
];

function same(text: string): void {
  const tails: Tail[] = [];
  detectAnchoredCitations(text, tails);
  const runs = digitRuns(text);
  expect(detectBareCitations(text, runs, tails)).toEqual(detectBareCitations(text, runs));
}

describe('bare citations from the anchored parses’ tails', () => {
  it('equal those parsed again', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(fc.constantFrom(...PIECES), fc.stringMatching(/^\d{1,6}$/)), { maxLength: 60 })
          .map((p) => p.join('')),
        same,
      ),
      { numRuns: 2000, seed: 20_261_202 },
    );
  });

  it('are taken from the tail where an anchored citation read the dossier', () => {
    const text = 'Kamerstuk 19 637, nr. 2375 en Kamerstukken\n36 410\nA\nVaststelling';
    const tails: Tail[] = [];
    detectAnchoredCitations(text, tails);
    expect(tails.map((t) => t.dossierAt)).toEqual([text.indexOf('19 637'), text.indexOf('36 410')]);
    same(text);
  });
});
