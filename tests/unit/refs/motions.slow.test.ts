import { describe, it } from 'vitest';
import { findFootnotes } from '../../../lib/refs/footnotes';
import { detectMotions } from '../../../lib/refs/motions';
import type { PaperRef } from '../../../lib/refs/types';
import { expectLinear } from '../../support/linearity';

/** Paper references for the given citations, wherever they occur in the text (as in motions.test.ts). */
function papersIn(text: string, citations: Record<string, string>): PaperRef[] {
  const papers: PaperRef[] = [];
  for (const [citation, id] of Object.entries(citations)) {
    for (let at = text.indexOf(citation); at >= 0; at = text.indexOf(citation, at + 1)) {
      papers.push({
        kind: 'kamerstuk',
        id,
        text: citation,
        start: at,
        end: at + citation.length,
        parts: {},
        confidence: 1,
      });
    }
  }
  return papers.sort((a, b) => a.start - b.start);
}

const CITATIONS = { 'Kamerstuk 1, nr. 2': 'kst-1-2', 'nr. 2 (1)': 'kst-1-2' };

// Timed, so in the unit-slow project (one file at a time, 120 s per test).
describe('detectMotions', () => {
  it.each([
    ['member phrases', (n: number) => 'motie van het lid '.repeat(n / 18)],
    ['dashes', (n: number) => 'motie-'.repeat(n / 6)],
    ['capitalised dashes', (n: number) => 'Motie-'.repeat(n / 6)],
    ['an endless list of members', (n: number) => `motie van de leden ${'Kuik en '.repeat(n / 8)}`],
    ['endless particles', (n: number) => `de motie ${'Van '.repeat(n / 4)}`],
    ['footnote markers', (n: number) => 'motie c.s.²'.repeat(n / 11)],
    ['glued markers and note lines', (n: number) => 'Becker8 Kamerstuk\n8 x\n'.repeat(n / 21)],
    [
      'mentions with citations',
      (n: number) => 'de motie van het lid Groothuizen c.s. (Kamerstuk 1, nr. 2) en '.repeat(n / 62),
    ],
    // The forms of the real KOOP texts (issue 9; motions-realtexts.test.ts).
    [
      'upper-case titles',
      (n: number) =>
        'GEWIJZIGDE MOTIE VAN DE LEDEN EERDMANS EN VELTMAN TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3374\n'.repeat(
          n / 95,
        ),
    ],
    ['an endless upper-case list', (n: number) => `MOTIE VAN DE LEDEN ${'VAN DER PLAS EN '.repeat(n / 16)}`],
    ['mentions on a paper', (n: number) => 'de motie-Van den Berg op stuk nr. 2 (1) en '.repeat(n / 43)],
  ])('stays linear on %s', (_name, make) => {
    expectLinear((text) => detectMotions(text, papersIn(text, CITATIONS), findFootnotes(text)), make, 32 * 1024);
  });
});
