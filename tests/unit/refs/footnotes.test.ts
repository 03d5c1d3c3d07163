import { describe, expect, it } from 'vitest';
import { findFootnotes, noteLocator } from '../../../lib/refs/footnotes';

/** Each row: a text, and the footnotes found: the marker as it stands, its label, the note's text. */
const FORMS: [string, string, [string, string, string][]][] = [
  [
    'superscript after c.s.',
    'de motie van het lid Groothuizen c.s.²\n\n² Kamerstuk 35 000 VI, nr. 59.\n',
    [['²', '2', 'Kamerstuk 35 000 VI, nr. 59.']],
  ],
  [
    'superscript after a stop',
    'de motie van het lid Van Laar.⁷ Om de\n\n⁷ Kamerstuk 34 300 XVII, nr. 34.',
    [['⁷', '7', 'Kamerstuk 34 300 XVII, nr. 34.']],
  ],
  ['two-digit superscript', 'de Sahel,¹⁰ waar\n\n¹⁰ EUCAP Sahel Mali.', [['¹⁰', '10', 'EUCAP Sahel Mali.']]],
  [
    'glued to a word',
    'de brief n.a.v. de motie van het lid Becker8 heeft het kabinet\n\n8 Kamerstuk 35 300 VI, nr. 37.\n',
    [['8', '8', 'Kamerstuk 35 300 VI, nr. 37.']],
  ],
  [
    'two digits glued, before a comma',
    'motie van het lid Bisschop11, waarin\n\n11 Kamerstuk 19 637, nr. 2623.',
    [['11', '11', 'Kamerstuk 19 637, nr. 2623.']],
  ],
  [
    'glued to a stop',
    'op te stellen.1\n\nDe ontwikkelingen\n\n1 Kamerstuk 35 000 VI, nr. 78.',
    [['1', '1', 'Kamerstuk 35 000 VI, nr. 78.']],
  ],
  [
    'glued before a stop',
    'per voortgangsbrief geïnformeerd17.\n\n17 Kamerstuk 29 544, nr. 1029.',
    [['17', '17', 'Kamerstuk 29 544, nr. 1029.']],
  ],
  [
    'after a year and a stop',
    'vragen in 2018.3 Het aantal\n\n3 Kamerstuk 1, nr. 2.',
    [['3', '3', 'Kamerstuk 1, nr. 2.']],
  ],
  [
    'note over several lines, up to the next note',
    'met dat land.9 Nederland\n\n9 Verordening (EU) 2019/1155 tot \nwijziging van Verordening (EG) nr. 810/2009; Kamerstuk 19 637, nr.\n2675. \n10 https://ec.europa.eu\n',
    [
      [
        '9',
        '9',
        'Verordening (EU) 2019/1155 tot \nwijziging van Verordening (EG) nr. 810/2009; Kamerstuk 19 637, nr.\n2675.',
      ],
    ],
  ],
  [
    'note up to the running text that resumes after it',
    'jl.4 Vanuit de EU\n\n4 Kamerstukken 19 637 en 30 573, nr. 2386\n In reactie op de vraag',
    [['4', '4', 'Kamerstukken 19 637 en 30 573, nr. 2386']],
  ],
  [
    'nearest marker wins the note',
    'niveau A2 en in 1.2 Vragen het punt.2 Verder\n\n2 Kamerstuk 1, nr. 2.',
    [['2', '2', 'Kamerstuk 1, nr. 2.']],
  ],
];

/** Digits that are no marker, each with a note line that would match its label. */
const NOT_MARKERS: [string, string][] = [
  ['COVID-19', 'de gevolgen van COVID-19 zijn\n\n19 Kamerstuk 1, nr. 2.'],
  ['a year', 'in 2019 is\n\n19 Kamerstuk 1, nr. 2.'],
  ['a wrapped dossier number', 'Kamerstuk \n19 637, nr. 2321) en\n\n637 Kamerstuk 1, nr. 2.'],
  ['a number after nr.', '(Kamerstuk 35 663, nr.19)\n\n19 Kamerstuk 1, nr. 2.'],
  ['a decimal', '€ 3,1 miljard\n\n1 Kamerstuk 1, nr. 2.'],
  ['a thousands separator', 'bijna 1.400 vluchtelingen\n\n400 Kamerstuk 1, nr. 2.'],
  ['a party', 'de fractie van D66 stelt\n\n66 Kamerstuk 1, nr. 2.'],
  ['a marker without its note', 'de motie van het lid Becker8 heeft'],
  ['a note before the marker', '8 Kamerstuk 1, nr. 2.\n\nde motie van het lid Becker8 heeft'],
  ['a wrapped date is no note', 'de Kamer geïnformeerd op\n9 november 2020 per brief.9 Dat'],
  ['a hyphenated number', 'Kamerstuk 21 501-20, nr. 1265\n\n20 Kamerstuk 1, nr. 2.'],
];

describe('findFootnotes', () => {
  it.each(FORMS)('%s', (_, text, expected) => {
    const found = findFootnotes(text);
    expect(found.map((f) => [text.slice(f.at, f.at + f.label.length), f.label, f.body])).toEqual(expected);
  });

  it.each(NOT_MARKERS)('finds no marker in %s', (_, text) => {
    expect(findFootnotes(text)).toEqual([]);
  });

  it('returns markers in text order with their offsets', () => {
    const text = 'eerst.1 Dan Becker2 en\n\n1 Noot een.\n2 Noot twee.\n';
    expect(findFootnotes(text)).toEqual([
      { at: 6, label: '1', body: 'Noot een.' },
      { at: 18, label: '2', body: 'Noot twee.' },
    ]);
  });
});

describe('noteLocator', () => {
  it('finds a note on its own line after the marker', () => {
    const text = 'de motie.1 Dan\n\n1 Kamerstuk 35 000 VI, nr. 78.\n';
    const [footnote] = findFootnotes(text);
    expect(noteLocator(text)(footnote!)).toBe(text.indexOf('Kamerstuk'));
  });

  it('finds a page note by its text, and nothing for a note outside the text', () => {
    const text = 'de motie van het lid X [1] en verder.\nNoten\nKamerstuk 35 000, nr. 8.';
    const locate = noteLocator(text);
    expect(locate({ at: 22, label: '1', body: 'Kamerstuk 35 000, nr. 8.' })).toBe(text.indexOf('Kamerstuk'));
    expect(locate({ at: 22, label: '1', body: 'Kamerstuk 36 000, nr. 9.' })).toBeUndefined();
  });
});
