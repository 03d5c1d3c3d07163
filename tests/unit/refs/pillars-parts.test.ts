import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMA } from '../../../lib/refs/pillars';
import { fold, stem } from '../../../lib/refs/pillars/lemma';
import { segment } from '../../../lib/refs/pillars/segment';
import { tokenize, unwrap } from '../../../lib/refs/pillars/tokens';
import { compileTerms, findTerms, pillarTerms } from '../../../lib/refs/pillars/vocabulary';
import { referenceFold, referenceStem } from '../../support/lemma-reference';
import { corpusNames, corpusText, HAS_SHARED } from '../../support/shared';

const stemOf = (word: string) => stem(fold(word));

describe('Dutch stems', () => {
  it.each([
    ['terugkeer', 'terugkeren'],
    ['asielaanvraag', 'asielaanvragen'],
    ['statushouder', 'statushouders'],
    ['grens', 'grenzen'],
    ['vertrek', 'vertrekken'],
    ['illegaal', 'illegalen'],
    ['illegaal', 'illegale'],
    ['irregulier', 'irreguliere'],
    ['LVV', "LVV's"],
    ['LVV', 'LVV’s'],
    ['migratie', 'migraties'],
    ['mogelijkheid', 'mogelijkheden'],
    ['ontheemde', 'ontheemden'],
    ['procedure', 'procedures'],
    ['vluchteling', 'vluchtelingen'],
    ['risico', "risico's"],
    ['kamer', 'kamertjes'],
    ['reïntegratie', 'reintegratie'],
  ])('%s ~ %s', (a, b) => {
    expect(stemOf(a)).toBe(stemOf(b));
  });

  it.each([
    ['illegaal', 'legaal'],
    ['irregulier', 'regulier'],
    ['solide', 'solidair'],
  ])('%s ≁ %s', (a, b) => {
    expect(stemOf(a)).not.toBe(stemOf(b));
  });
});

describe('fold and stem on character codes', () => {
  // Letters around the endings the rules read (-en, -s, -e, -tje(s), -heden, doubled consonants, z/v) and beyond.
  const letters = fc.constantFrom(..."aeiouyrlnstjdhzvkmgbpfcxwq0919AEZ'’\u00ad\u0301éëïĳß-. ".split(''));
  const words = fc.array(letters, { maxLength: 14 }).map((cs) => cs.join(''));

  it('gives the words of the rules as first written, on generated words', () => {
    fc.assert(
      fc.property(
        fc.oneof(words, fc.string({ maxLength: 14 }), fc.string({ unit: 'grapheme', maxLength: 10 })),
        (word) => {
          expect(fold(word)).toBe(referenceFold(word));
          expect(stem(word)).toBe(referenceStem(word));
          expect(stem(fold(word))).toBe(referenceStem(referenceFold(word)));
        },
      ),
      { numRuns: 20_000, seed: 20_261_202 },
    );
  });

  it.skipIf(!HAS_SHARED)('gives the words of the rules as first written, on every word of the corpus', () => {
    for (const name of corpusNames()) {
      for (const word of new Set(corpusText(name).split(/[\s,.;:()]+/))) {
        expect(stem(fold(word)), word).toBe(referenceStem(referenceFold(word)));
      }
    }
  });
});

describe('vocabulary matching on stems and compounds', () => {
  const matcher = compileTerms(pillarTerms(IMA, 'vocabulary'));
  const pillarsIn = (text: string) => [...new Set(findTerms(tokenize(text), matcher).map((h) => h.term.pillar))];

  it.each([
    ['modifier of a compound', 'terugkeerbeleid', [4]],
    ['head of a compound', 'arbeidsparticipatie', [6]],
    ['plural compound', 'asielaanvragen', [3]],
    ['inflected modifier', 'illegalenschatting', [4]],
    ['compound with linking s', 'inburgeringsplichtigen', [6]],
    ['phrase with a compound at the end', 'irreguliere migratiebewegingen', [1]],
    ['the phrase wins over its words', 'legale migratieroutes', [5]],
    ['a negative prefix is no compound', 'illegale arbeid', [4]],
    ['irregular is not regular', 'irreguliere migratie', [1]],
    ['after a hyphenated prefix', 'EU-buitengrenzen', [1]],
    ['a bound prefix joins its word', 're-integratie', [4]],
    ['an exact-only term', 'taalcursus', []],
    ['an exact-only term as a word', 'de Nederlandse taal', [6]],
  ])('%s: %s', (_, text, expected) => {
    expect(pillarsIn(text)).toEqual(expected);
  });
});

describe('tokens from compromise', () => {
  it('does not end a sentence at Dutch abbreviations', () => {
    const sentences = tokenize('Zie Kamerstuk 19 637, nr. 2375 van 29 maart jl. over de agenda. Het kabinet reageert.');
    expect(sentences.map((s) => s.map((t) => t.form).join(' '))).toEqual([
      'zie kamerstuk 19 637 nr 2375 van 29 maart jl over de agenda',
      'het kabinet reageert',
    ]);
  });

  it('carries folded forms and Dutch stems', () => {
    const [sentence] = tokenize('Geïnformeerd over asielaanvragen.');
    expect(sentence?.map((t) => [t.form, t.stem])).toEqual([
      ['geinformeerd', 'geinformeerd'],
      ['over', 'over'],
      ['asielaanvragen', 'asielaanvrag'],
    ]);
  });

  it.each([
    ['word broken at a line end', 'kennisge-\nnomen', 'kennisgenomen'],
    ['hyphen after a capital stays', 'EU-\nTurkije', 'EU-Turkije'],
    ['hyphen after a digit stays', 'COVID-19-\nmaatregelen', 'COVID-19-maatregelen'],
    ['suspended compound', 'herkomst- \nen transitlanden', 'herkomst-  en transitlanden'],
    ['CRLF', 'een\r\ntwee', 'een twee'],
  ])('unwrap: %s', (_, text, expected) => {
    expect(unwrap(text)).toBe(expected);
  });
});

describe('layout', () => {
  const text = [
    'Aanleiding',
    'Op 29 maart 2018 presenteerde het kabinet de Integrale Migratieagenda, waarin de voornemens zijn verbonden.',
    '',
    '1 Kamerstuk 35 000 VI, nr. 78.',
    '',
    'Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7',
    '',
    '1.2 Versterken opvang en bescherming voor vluchtelingen en ',
    'ontheemden in de regio  ',
    '',
    'Het kabinet steunt de regio. Dat is van belang.',
    ' 1.3 Solidair en solide asielstelsel',
    'De volgende punten:',
    '1. Het eerste punt.',
    '',
    'II. Reactie van de Staatssecretaris',
  ].join('\n');
  const { headings, sections } = segment(text);

  it('finds glued, wrapped, in-block and Roman headings, but no footnotes, page footers or list items', () => {
    expect(headings.map((h) => [h.numbers.join('.'), h.title])).toEqual([
      ['', 'Aanleiding'],
      ['1.2', 'Versterken opvang en bescherming voor vluchtelingen en ontheemden in de regio'],
      ['1.3', 'Solidair en solide asielstelsel'],
      ['', 'Reactie van de Staatssecretaris'],
    ]);
  });

  it('ends each section where the next heading of its level or higher begins', () => {
    expect(sections.map((s) => text.slice(s.start, s.end).split('\n').at(-1))).toEqual([
      'Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7',
      'Het kabinet steunt de regio. Dat is van belang.',
      '1. Het eerste punt.',
      'II. Reactie van de Staatssecretaris',
    ]);
  });
});
