import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPapers, detectPapersWithoutPrefilter } from '../../../lib/refs/papers';
import type { DetectContext } from '../../../lib/refs/types';
import { CITATION_PIECES } from '../../support/citation-fragments';

/**
 * The fast path equals the slow path (eyecite runs every case through each tokenizer): paper detection through the
 * prefilter's windows gives exactly what the same detectors give over the whole text, as full objects (kind, id,
 * span, text, parts, confidence), with and without the page's identity. Fixed seed and bounded runs, so every run
 * tries the same inputs and a busy machine cannot change the verdict.
 */
const SEED = 20_261_201;
const CONTEXTS: (DetectContext | undefined)[] = [
  undefined,
  { id: 'kst-36333-39' },
  { dossier: '21501', toevoeging: '08' },
];

function same(text: string): void {
  for (const context of CONTEXTS) {
    expect(detectPapers(text, context)).toEqual(detectPapersWithoutPrefilter(text, context));
  }
}

/** The shared pieces of citations, and those the prefilter's windows turn on (triggers, brackets, invisibles). */
const CITATION_FRAGMENTS = [
  ...CITATION_PIECES,
  'op stuk nr. ',
  'op de stukken nrs. ',
  'nr.',
  'NR. ',
  '(',
  ')',
  '(R2064)',
  '(t.v.v. ',
  'Zij krijgt nr. ',
  ', was nr. ',
  'TER VERVANGING VAN DIE GEDRUKT ONDER NR. ',
  'Handelingen II ',
  'Aanhangsel Handelingen ',
  ', item 10',
  'Stb. ',
  'Trb. 2010, 272',
  '2019D41229',
  'kst-36537-8',
  '(CLVI, letter M)',
  '–',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\u0301',
  'x',
];

/** Text made of any of a few families, each a run of pieces. */
const families: Record<string, fc.Arbitrary<string>> = {
  'random ASCII': fc.string({ unit: 'binary-ascii', maxLength: 600 }),
  // Any UTF-16 unit, lone surrogates included: what a page's text can hold.
  'random BMP': fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    maxLength: 400,
  }),
  'Kamerstuk soup': fc
    .array(fc.constantFrom('Kamerstuk ', 'Kamerstukken ', '19 637', ', nr. ', ' en ', '2375', ' ', '\n'), {
      maxLength: 200,
    })
    .map((p) => p.join('')),
  'number lists': fc
    .tuple(
      fc.constantFrom('Kamerstuk 22 112, nrs. ', 'op de stukken nrs. ', 'nrs. ', '(19 637, nrs. '),
      fc.array(fc.integer({ min: 1, max: 9999 }), { maxLength: 150 }),
      fc.constantFrom(', ', ' en ', ',', ' , '),
      fc.constantFrom('', ' (33 529)', ')', ' (21501–08)'),
    )
    .map(([lead, nums, sep, tail]) => `${lead}${nums.join(sep)}${tail}`),
  'short numbers after a strong trigger': fc
    .tuple(
      fc.constantFrom('Handelingen II 2019/20, nrs. ', 'Kamerstuk 19 637, nrs. ', 'Trb. 2018, ', 'stb-2019-', 'nrs. '),
      fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 120 }),
      fc.constantFrom(', ', ' en ', ', items ', ', p. '),
      fc.constantFrom('', ', item 4', ' (33 529)', ', AA', ', letter M'),
    )
    .map(([lead, nums, sep, tail]) => `${lead}${nums.join(sep)}${tail}`),
  'dates, years and amounts': fc
    .array(
      fc.oneof(
        fc.constantFrom(...CITATION_FRAGMENTS),
        fc.constantFrom(
          '13 februari 2025',
          ' 2024-2025',
          '2026 à 2027',
          '€ 22.200.000,00',
          '10,4%',
          ' 1588 ',
          '(unit 1)',
        ),
      ),
      { maxLength: 100 },
    )
    .map((p) => p.join('')),
  'digit runs': fc
    .array(fc.oneof(fc.stringMatching(/^\d{1,12}$/), fc.constantFrom(' ', '-', '–', '/', ', ', '.', '\n')), {
      maxLength: 200,
    })
    .map((p) => p.join('')),
  'invisible and combining characters': fc
    .array(
      fc.oneof(
        fc.constantFrom(...CITATION_FRAGMENTS),
        fc.constantFrom('\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u0301', '\u0308', '\u20dd', '\u202e'),
      ),
      { maxLength: 120 },
    )
    .map((p) => p.join('')),
  'fragments of real citations': fc
    .array(fc.constantFrom(...CITATION_FRAGMENTS), { maxLength: 150 })
    .map((p) => p.join('')),
  // The word `Handelingen` opens no window of its own: its vergaderjaar's year does, at most 150 characters on.
  'Handelingen with their space runs at their longest': fc
    .tuple(
      fc.constantFrom('', 'Aanhangsel_', 'Aanhangsel_der_', 'Aanhangsel_van_de_', 'vergadering'),
      fc.constantFrom('Handelingen', 'handelingen'),
      fc.constantFrom('', '_der_Kamer', '_der_Staten-Generaal'),
      fc.constantFrom('', '_,_Tweede Kamer', '_Eerste Kamer', '_II', '_TK'),
      fc.constantFrom('_,_vergaderjaar_', '_', '_,_'),
      fc.constantFrom(
        '2019/20, nr. 27, item 10',
        '1995-1996, 24 692, nr. 3',
        '2024-2025, 48',
        '2006–2007, nrs. 5 en 6',
      ),
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom(' ', '\n', '\u00a0', '\u00ad'),
      fc.string({ unit: fc.constantFrom('x', ' ', ',', '\n'), maxLength: 300 }),
    )
    .map(([lead, word, der, kamer, vj, rest, n, space, before]) =>
      `${before}${lead}${word}${der}${kamer}${vj}${rest}`.replace(/_/g, space.repeat(n)),
    ),
  'long gaps between fragments': fc
    .array(fc.oneof(fc.constantFrom(...CITATION_FRAGMENTS), fc.constantFrom(' '.repeat(150), 'x'.repeat(170))), {
      maxLength: 40,
    })
    .map((p) => p.join('')),
};

describe('paper detection: the fast path (prefilter windows) equals the slow path (whole text)', () => {
  it.each(Object.entries(families))(
    'on %s',
    (_name, family) => {
      fc.assert(fc.property(family, same), { numRuns: 300, seed: SEED });
    },
    60_000,
  );

  it('on real citations embedded anywhere in random text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(...CITATION_FRAGMENTS),
        fc.string({ maxLength: 300 }),
        (before, citation, after) => same(`${before}${citation}${after}`),
      ),
      { numRuns: 300, seed: SEED },
    );
  }, 60_000);

  it('compares full objects: a difference in any field is caught', () => {
    // The check the properties rely on is deep: a reference that differs in confidence alone is not equal.
    const [ref] = detectPapers('Kamerstuk 19 637, nr. 2375');
    expect(ref).toBeDefined();
    expect([ref]).not.toEqual([{ ...ref!, confidence: ref!.confidence - 0.01 }]);
    expect([ref]).not.toEqual([{ ...ref!, parts: { ...ref!.parts, pages: '1' } }]);
  });
});
