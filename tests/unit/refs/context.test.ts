import { describe, expect, it } from 'vitest';
import { detect, detectPapers } from '../../../lib/refs';
import type { DetectContext } from '../../../lib/refs/types';

/**
 * References whose dossier only the page gives (lib/refs/papers/context.ts): found with the page's identity, at a
 * lower confidence than any citation the text writes out, and never without it.
 */
const PAGE: DetectContext = { id: 'kst-36333-39' };

const CASES: [string, string, DetectContext, [string, string][]][] = [
  [
    'a gewijzigde motie names the one it replaces (kst-32824-405, page-structure.md §1.7)',
    'GEWIJZIGDE MOTIE VAN HET LID X TER VERVANGING VAN DIE GEDRUKT ONDER NR. 404',
    { id: 'kst-32824-405' },
    [['kst-32824-404', 'TER VERVANGING VAN DIE GEDRUKT ONDER NR. 404']],
  ],
  [
    'a motion by its number in a Handelingen item on one dossier',
    'In stemming komt de motie op stuk nr. 44.',
    PAGE,
    [['kst-36333-44', 'nr. 44']],
  ],
  [
    'amendments by their numbers',
    'de amendementen op de stukken nrs. 8 en 13',
    PAGE,
    [
      ['kst-36333-8', 'nrs. 8'],
      ['kst-36333-13', '13'],
    ],
  ],
  [
    'a renumbered motion: the new number',
    'Zij krijgt nr. 77, was nr. 52.',
    PAGE,
    [['kst-36333-77', 'krijgt nr. 77, was nr. 52']],
  ],
  [
    'the toevoeging of the page’s dossier',
    'TER VERVANGING VAN DIE GEDRUKT ONDER NR. 64',
    { id: 'kst-36410-X-75' },
    [['kst-36410-X-64', 'TER VERVANGING VAN DIE GEDRUKT ONDER NR. 64']],
  ],
  [
    'a dossier given as such, spaced',
    'de motie op stuk nr. 44',
    { dossier: '36 333', toevoeging: 'vi' },
    [['kst-36333-VI-44', 'nr. 44']],
  ],
];

describe('detectPapers with the page’s identity', () => {
  it.each(CASES)('%s', (_name, text, context, expected) => {
    const found = detectPapers(text, context);
    expect(found.map((r) => [r.id, r.text])).toEqual(expected);
    for (const ref of found) {
      expect(ref.confidence).toBeLessThan(0.8);
      expect(ref.parts.fromPage).toBe(true);
      expect(text.slice(ref.start, ref.end)).toBe(ref.text);
    }
    // Without the page, none of these is a reference.
    expect(detectPapers(text)).toEqual([]);
  });

  it('keeps an explicit citation as it is, whatever the page says', () => {
    for (const text of [
      'Zij krijgt nr. 77, was nr. 52 (36333).',
      'het amendement op stuk nr. 37 (36 410 VI)',
      'de motie op stuk nr. 1181 (33 529) en Kamerstuk 36 333, nr. 5',
    ]) {
      expect(detectPapers(text, { dossier: '11111' })).toEqual(detectPapers(text));
    }
  });

  it('gives a page reference less confidence than every explicit Kamerstuk citation', () => {
    const text = 'de motie op stuk nr. 44; (36333-44); 36333-VI-44; nr. 44 (36333); Kamerstuk 36333, nr. 44';
    const found = detectPapers(text, PAGE);
    const page = found.filter((r) => r.parts.fromPage);
    const explicit = found.filter((r) => !r.parts.fromPage);
    expect(page).toHaveLength(1);
    expect(explicit).toHaveLength(4);
    expect(Math.max(...page.map((r) => r.confidence))).toBeLessThan(Math.min(...explicit.map((r) => r.confidence)));
  });

  it('changes nothing for text without these phrases, or with a context that names no dossier', () => {
    const text = 'Zie Kamerstuk 19 637, nr. 2375, nr. 5 op de lijst en nr. 19 van de bijlage.';
    expect(detectPapers(text, PAGE)).toEqual(detectPapers(text));
    expect(detectPapers('de motie op stuk nr. 44', { id: 'h-tk-20232024-10-8' })).toEqual([]);
    expect(detectPapers('de motie op stuk nr. 44', {})).toEqual([]);
  });

  it('reaches detect() through its options', () => {
    const ids = detect('In stemming komt de motie op stuk nr. 44.', { context: PAGE }).map((r) =>
      'id' in r ? r.id : '',
    );
    expect(ids).toContain('kst-36333-44');
  });
});
