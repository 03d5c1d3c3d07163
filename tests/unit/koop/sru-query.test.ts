import { describe, expect, it } from 'vitest';
import { cqlString, dossierQuery, identifiersQuery } from '../../../lib/koop/sru-query';
import { createSruHandler } from '../../support/mock-api/sru';

const cases: [string, string[], string][] = [
  ['one id', ['kst-19637-2375'], '(dt.identifier=="kst-19637-2375") AND c.product-area==officielepublicaties'],
  [
    'a batch of several kinds',
    ['kst-19637-2375', 'stb-2019-143', 'h-tk-20182019-27-10'],
    '(dt.identifier=="kst-19637-2375" OR dt.identifier=="stb-2019-143" OR dt.identifier=="h-tk-20182019-27-10") ' +
      'AND c.product-area==officielepublicaties',
  ],
  [
    'duplicates asked once',
    ['kst-34482-B', 'kst-34482-B'],
    '(dt.identifier=="kst-34482-B") AND c.product-area==officielepublicaties',
  ],
  [
    'rijkswet parentheses stay inside the quotes',
    ['kst-23908-(R1519)-131'],
    '(dt.identifier=="kst-23908-(R1519)-131") AND c.product-area==officielepublicaties',
  ],
  [
    'a quote cannot end the string',
    ['kst-1" OR dt.identifier=="kst-2'],
    '(dt.identifier=="kst-1\\" OR dt.identifier==\\"kst-2") AND c.product-area==officielepublicaties',
  ],
  [
    'a trailing backslash cannot escape the closing quote',
    ['kst-1\\'],
    '(dt.identifier=="kst-1\\\\") AND c.product-area==officielepublicaties',
  ],
  [
    'masks are literal',
    ['kst-*', 'kst-?', '^kst'],
    '(dt.identifier=="kst-\\*" OR dt.identifier=="kst-\\?" OR dt.identifier=="\\^kst") ' +
      'AND c.product-area==officielepublicaties',
  ],
];

describe('identifiersQuery', () => {
  it.each(cases)('%s', (_name, ids, expected) => {
    expect(identifiersQuery(ids)).toBe(expected);
  });

  it('refuses an empty batch, which would be invalid CQL', () => {
    expect(() => identifiersQuery([])).toThrow(RangeError);
  });
});

describe('dossierQuery', () => {
  it.each([
    [{ dossiernummer: '19637' }, 'w.dossiernummer=="19637" AND c.product-area==officielepublicaties'],
    [
      { dossiernummer: '35000-VI', ondernummer: '59' },
      'w.dossiernummer=="35000-VI" AND w.ondernummer=="59" AND c.product-area==officielepublicaties',
    ],
    [
      { dossiernummer: '34482', ondernummer: 'B', publicatienaam: 'Kamerstuk' },
      'w.dossiernummer=="34482" AND w.ondernummer=="B" AND w.publicatienaam=="Kamerstuk" ' +
        'AND c.product-area==officielepublicaties',
    ],
    [{ dossiernummer: '23908-(R1519)' }, 'w.dossiernummer=="23908-(R1519)" AND c.product-area==officielepublicaties'],
  ])('%o', (query, expected) => {
    expect(dossierQuery(query)).toBe(expected);
  });
});

describe('escaping against a CQL parser', () => {
  const handler = createSruHandler();
  const ask = async (query: string) => {
    const url = new URL('http://sru.test/sru');
    url.search = new URLSearchParams({ operation: 'searchRetrieve', query, maximumRecords: '100' }).toString();
    const { body } = await handler(url, undefined as never);
    return String(body);
  };

  const hostile = [
    'kst-1" OR dt.identifier="kst',
    'kst-1) OR (c.product-area==officielepublicaties',
    'kst-1\\',
    'kst-*',
    'kst-? sortBy dt.date',
    '" AND foo.bar==1 AND "',
    'kst\n19637',
    '',
  ];
  it.each(hostile)('%j stays one term: valid CQL, no match', async (id) => {
    const body = await ask(identifiersQuery([id, 'kst-19637-2375']));
    expect(body).not.toContain('diagnostic');
    expect(body).toContain('<sru:numberOfRecords>1</sru:numberOfRecords>');
  });

  it('a quoted string round-trips through the parser', async () => {
    const body = await ask(`dt.identifier==${cqlString('kst-35000-VI-59')}`);
    expect(body).toContain('<dcterms:identifier>kst-35000-VI-59</dcterms:identifier>');
  });
});
