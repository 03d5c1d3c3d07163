import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMA, labelPillars } from '../../../lib/refs/pillars';
import { fold, stem } from '../../../lib/refs/pillars/lemma';
import { hasKey, keyAsWritten, keyFolded, keySearched, keySet, searchable } from '../../../lib/refs/pillars/prefilter';
import { hasOverlong, pieces, tokenizePiece, unwrap } from '../../../lib/refs/pillars/tokens';
import { compileTerms, findTerms, pillarTerms } from '../../../lib/refs/pillars/vocabulary';
import { corpusNames, corpusParagraphs, corpusText, HAS_SHARED } from '../../support/shared';
import { randomAscii, randomBmp } from '../../support/texts';

/*
 * The prefilter skips pieces of text that hold no term key (lib/refs/pillars/prefilter.ts). Skipping must change
 * nothing: the labels with and without it are equal, as whole objects (the eyecite check: the fast path equals the
 * slow path).
 */

const matchers = [
  compileTerms(pillarTerms(IMA, 'vocabulary')),
  compileTerms(pillarTerms(IMA, 'headings')),
  compileTerms(IMA.context.map((t) => [0, t] as const)),
];
const keys = keySet(matchers, [stem(fold('pijler'))]);

/** `check` on `seeds` random ASCII and random BMP texts of `length` characters, and on every corpus piece. */
function onRandomAndCorpusPieces(check: (piece: string) => void, seeds: number, length: number): void {
  for (let seed = 1; seed <= seeds; seed++) {
    check(randomAscii(length, seed));
    check(randomBmp(length, seed));
  }
  for (const paragraph of corpusParagraphs()) for (const piece of pieces(unwrap(paragraph))) check(piece);
}

/** Words that are, or nearly are, terms, in the spellings that stress the folding: case, accents, hyphens, scripts. */
const FRAGMENTS = [
  'pijler ',
  'pijlers ',
  'zespijleragenda ',
  '4 ',
  'vierde ',
  'terugkeer',
  'terugkeren ',
  'Terugkeerbeleid ',
  'asiel',
  'IMA ',
  'I.M.A. ',
  'ima',
  'IND ',
  "IND's ",
  'I.N.D. ',
  'COA',
  'azc’s ',
  'LVV-',
  'taal ',
  'talen ',
  'B1 ',
  'DT&V ',
  'migratie',
  'MIGRATIE ',
  'mi\u00adgratie ',
  'migra-\ntie ',
  'migr\u0430tie ',
  'Libië ',
  'Libie\u0308 ',
  'grenzen ',
  'mogelijkheden ',
  'arbeidsmigratie ',
  'statushouders ',
  're-integratie ',
  'in de regio ',
  'in de ',
  'regio',
  'opvang ',
  'imo ',
  "don't ",
  'd’r ',
  '5km ',
  '2019-2020 ',
  '\n\n',
  '. ',
  ', ',
  'Zoals onder ',
  'genoemd ',
  '1. Minder illegaliteit\n',
  'legale migratie',
  'per pijler ',
  'zes pijlers ',
  ' en ',
  'x',
  'Ø',
];

describe('the pillar prefilter', () => {
  it('never skips a piece that has a term, a unit or an overview cue', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }), (parts) => {
        const piece = parts.join('');
        if (hasKey(piece, keys)) return;
        const sentences = tokenizePiece(piece);
        for (const matcher of matchers) expect(findTerms(sentences, matcher), piece).toEqual([]);
        for (const token of sentences.flat()) expect(token.form, piece).not.toContain('pijler');
      }),
      { numRuns: 2000, seed: 20_261_201 },
    );
  });

  it('finds a key as written only where the search of the folded text finds one', () => {
    const check = (piece: string) => {
      if (keyAsWritten(piece, keys)) expect(keySearched(piece, keys), piece).toBe(true);
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }), (parts) => check(parts.join(''))),
      { numRuns: 2000, seed: 20_261_202 },
    );
    // A key that needs a word start, inside a word, after a letter outside ASCII, after a stop.
    for (const piece of [
      'xteruggaan',
      'éteruggaan',
      'ØTERUGGAAN',
      '1teruggaan',
      'i.teruggaan',
      'l’teruggaan',
      'opvang-teruggaan',
    ]) {
      check(piece);
    }
    expect(keyAsWritten('xteruggaan éteruggaan', keys)).toBe(false);
    expect(keyAsWritten('de teruggaan', keys)).toBe(true);
    onRandomAndCorpusPieces(check, 200, 300);
  });

  it('finds a key in the text folded on codes where the search of the folded text finds one', () => {
    const check = (piece: string) => {
      expect(keyFolded(piece, keys), piece).toBe(keySearched(piece, keys));
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS, 'é', 'Ë', '\u0301', '\u00a0', '’', '–', 'ß', 'æ', 'Σ'), {
          maxLength: 12,
        }),
        (parts) => check(parts.join('')),
      ),
      { numRuns: 3000, seed: 20_261_203 },
    );
    // Every character of the folded ranges, alone and between words.
    for (let c = 0x80; c < 0x2100; c++) {
      const ch = String.fromCharCode(c);
      for (const piece of [ch, `asiel${ch}aanvraag`, `${ch}taal`, `ta${ch}al`, `IND${ch}`, `${ch}pijler`, `dt${ch}v`])
        check(piece);
    }
    onRandomAndCorpusPieces(check, 300, 200);
  });

  it('skips pieces about something else', () => {
    expect(hasKey('De Kamer stemt in met het wetsvoorstel over de pensioenen.', keys)).toBe(false);
    expect(hasKey('In het verslag staat informatie over taken.', keys)).toBe(false);
  });

  it('reads a text folded as compromise does, and knows where words start', () => {
    const { text, starts } = searchable('Libie\u0308, I.N.D.');
    expect(text).toBe('libieind');
    expect([...starts].slice(0, 8)).toEqual([1, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('gives the labels of the unfiltered labeller on random texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(labelPillars(text)).toEqual(labelPillars(text, { prefilter: false }));
      }),
      { numRuns: 300, seed: 20_261_201 },
    );
  });

  it.skipIf(!HAS_SHARED)('gives the labels of the unfiltered labeller on the corpus letters', () => {
    for (const name of corpusNames()) {
      const text = corpusText(name);
      expect(labelPillars(text), name).toEqual(labelPillars(text, { prefilter: false }));
    }
  });
});

describe('the test for words too long for compromise', () => {
  it('finds a run of more than 64 characters without white space exactly where a regex does (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(80), fc.constantFrom(' ', '\n', '\u00a0', '\u2003', '\ufeff')), { maxLength: 8 }),
        (runs) => {
          const text = runs.map(([length, space]) => 'x'.repeat(length) + space).join('');
          expect(hasOverlong(text), JSON.stringify(runs)).toBe(/\S{65}/.test(text));
        },
      ),
      { numRuns: 3000, seed: 20_261_207 },
    );
    expect(hasOverlong('x'.repeat(64))).toBe(false);
    expect(hasOverlong('x'.repeat(65))).toBe(true);
    expect(hasOverlong(`${'x'.repeat(64)} ${'x'.repeat(64)}`)).toBe(false);
  });
});
