import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/refs';

/** Each row: a text, and the ids (in order) with the exact text each link covers. */
const FORMS: [string, string, [string, string][]][] = [
  ['plain', 'zie Kamerstuk 19 637, nr. 2375.', [['kst-19637-2375', 'Kamerstuk 19 637, nr. 2375']]],
  ['no space in dossier', '(Kamerstuk 36100, nr. 3)', [['kst-36100-3', 'Kamerstuk 36100, nr. 3']]],
  ['no space after nr.', '(Kamerstuk 35 663, nr.19)', [['kst-35663-19', 'Kamerstuk 35 663, nr.19']]],
  ['lower case', '(kamerstuk 26488, nr. 68)', [['kst-26488-68', 'kamerstuk 26488, nr. 68']]],
  ['roman toevoeging with space', 'Kamerstuk 35 000 VI, nr. 59', [['kst-35000-VI-59', 'Kamerstuk 35 000 VI, nr. 59']]],
  ['toevoeging with hyphen', 'Kamerstuk 21 501-20, nr. 1265', [['kst-21501-20-1265', 'Kamerstuk 21 501-20, nr. 1265']]],
  [
    'toevoeging with en dash',
    'Kamerstuk 21 501–20, nr. 1281',
    [['kst-21501-20-1281', 'Kamerstuk 21 501–20, nr. 1281']],
  ],
  [
    'EU subdossier keeps its zero',
    'Kamerstuk 21 501-08, nr. 765',
    [['kst-21501-08-765', 'Kamerstuk 21 501-08, nr. 765']],
  ],
  ['letter toevoeging', 'Kamerstuk 35300-A, nr. 15', [['kst-35300-A-15', 'Kamerstuk 35300-A, nr. 15']]],
  [
    'hoofdstuk',
    'kamerstukken II 1986/87, 19 700 hoofdstuk XV, nr. 2',
    [['kst-19700-XV-2', 'kamerstukken II 1986/87, 19 700 hoofdstuk XV, nr. 2']],
  ],
  [
    'joint dossiers: number of the first',
    'Kamerstukken 19 637 en 30 573, nr. 2375',
    [['kst-19637-2375', 'Kamerstukken 19 637 en 30 573, nr. 2375']],
  ],
  [
    'joint with R-number',
    '(Kamerstukken 35 687 en 35 688 (R2151), nr. 14)',
    [['kst-35687-14', 'Kamerstukken 35 687 en 35 688 (R2151), nr. 14']],
  ],
  [
    'rijkswet',
    'Kamerstukken II 2015/16, 34 356 (R2064), nr. 3',
    [['kst-34356-3', 'Kamerstukken II 2015/16, 34 356 (R2064), nr. 3']],
  ],
  ['academic', 'Kamerstukken II 2022/23, 36 229, nr. 1', [['kst-36229-1', 'Kamerstukken II 2022/23, 36 229, nr. 1']]],
  [
    'Eerste Kamer letter',
    'Kamerstukken I 2021/22, 35 925, nr. E',
    [['kst-35925-E', 'Kamerstukken I 2021/22, 35 925, nr. E']],
  ],
  [
    'old letter suffix',
    'Kamerstukken I 1979/80, 15 516, nr. 42e, blz. 7',
    [['kst-15516-42e', 'Kamerstukken I 1979/80, 15 516, nr. 42e']],
  ],
  [
    'no-break and thin spaces',
    'Kamerstuk 30\u00a0573, nr.\u00a0174 en Kamerstuk 29\u2009544, nr. 846',
    [
      ['kst-30573-174', 'Kamerstuk 30\u00a0573, nr.\u00a0174'],
      ['kst-29544-846', 'Kamerstuk 29\u2009544, nr. 846'],
    ],
  ],
  ['broken over a line', '(Kamerstuk\n21 501-20, nr. 1265)', [['kst-21501-20-1265', 'Kamerstuk\n21 501-20, nr. 1265']]],
  [
    'number list: one link per number',
    'Kamerstuk 22 112, nrs. 2955, 2956 en 2964.',
    [
      ['kst-22112-2955', 'Kamerstuk 22 112, nrs. 2955'],
      ['kst-22112-2956', '2956'],
      ['kst-22112-2964', '2964'],
    ],
  ],
  [
    'glued footnote marker before',
    '1Kamerstukken II 2001/02, 28 295, nr. 1',
    [['kst-28295-1', 'Kamerstukken II 2001/02, 28 295, nr. 1']],
  ],
];

const NOT_REFS: [string, string][] = [
  ['EU regulation', 'Verordening (EG) nr. 810/2009'],
  ['article and lid', 'artikel 3, lid 2 van de wet'],
  ['amount', 'Kamerstuk met 19 637 euro'],
  ['a number without the paper type', '19 637 inwoners, nr. 5 op de lijst'],
  ['a page number is not a list item', 'Kamerstuk 35 625, nr. 4, p. 12 en 13'],
  ['word containing kamerstuk', 'Tweedekamerstuk 19 637, nr. 1'],
];

describe('detect: Kamerstuk citations', () => {
  it.each(FORMS)('finds %s', (_name, text, expected) => {
    const found = detect(text);
    expect(found.map((r) => [r.id, r.text])).toEqual(expected);
    for (const ref of found) {
      expect(text.slice(ref.start, ref.end)).toBe(ref.text);
      expect(ref.kind).toBe('kamerstuk');
    }
  });

  it.each(NOT_REFS.slice(0, -2))('finds nothing in %s', (_name, text) => {
    expect(detect(text)).toEqual([]);
  });

  it('does not read page numbers as further ondernummers', () => {
    expect(detect(NOT_REFS.at(-2)![1]).map((r) => r.id)).toEqual(['kst-35625-4']);
  });

  it('needs the word Kamerstuk to stand on its own', () => {
    expect(detect(NOT_REFS.at(-1)![1])).toEqual([]);
  });

  it('reports the parsed parts', () => {
    const [ref] = detect('Kamerstukken II 2019/20, 19 637 en 30 573, nr. 2375');
    expect(ref?.parts).toEqual({ dossier: '19637', alsoDossiers: ['30573'], vergaderjaar: '2019/20', number: '2375' });
  });
});
