import { describe, expect, it } from 'vitest';
import { parseSearchRetrieveResponse } from '../../../lib/koop/sru-parse';
import { parseXml } from '../../../lib/xml/parse';
import { catalogue } from '../../support/mock-api/catalogue';
import { createSruHandler } from '../../support/mock-api/sru';

const handler = createSruHandler();

async function get(params: Record<string, string>) {
  const url = new URL('http://sru.test/sru');
  url.search = new URLSearchParams(params).toString();
  const answer = await handler(url, undefined as never);
  return { ...answer, body: String(answer.body) };
}

async function search(query: string, extra: Record<string, string> = {}) {
  const { body } = await get({ operation: 'searchRetrieve', version: '2.0', query, maximumRecords: '1000', ...extra });
  return parseSearchRetrieveResponse(body);
}

const ids = async (query: string) => (await search(query)).records.map((record) => record.identifier);

/** The diagnostic a request earns: HTTP 200 and an SRU diagnostic, as KOOP answers. */
async function diagnostic(params: Record<string, string>) {
  const { status, body } = await get(params);
  expect(status).toBe(200);
  const root = parseXml(body);
  expect(root.name).toBe('searchRetrieveResponse');
  try {
    parseSearchRetrieveResponse(body);
  } catch (error) {
    return error as { uri: string; details?: string };
  }
  throw new Error(`no diagnostic for ${JSON.stringify(params)}`);
}

describe('SRU mock: records', () => {
  it('has one well-formed gzd record per catalogue entry', async () => {
    const { total, records } = await search('c.product-area==officielepublicaties');
    expect(total).toBe(catalogue().length);
    expect(records.map((r) => r.identifier)).toEqual(catalogue().map((entry) => entry.obId));
  });

  it('uses the real namespaces and layout', async () => {
    const { body, headers } = await get({ query: 'dt.identifier=="kst-35000-VI-59"' });
    expect(headers?.['Content-Type']).toMatch(/^application\/xml/);
    for (const fragment of [
      '<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">',
      '<gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru"',
      'xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/"',
      'xmlns:dcterms="http://purl.org/dc/terms/"',
      '<overheidwetgeving:indiener>M. Groothuizen</overheidwetgeving:indiener>',
      '<gzd:itemUrl manifestation="pdf">https://repository.overheid.nl/frbr/officielepublicaties/kst/35000-VI/kst-35000-VI-59/1/pdf/kst-35000-VI-59.pdf</gzd:itemUrl>',
    ]) {
      expect(body).toContain(fragment);
    }
    const record = parseXml(body);
    const path = ['records', 'record', 'recordData', 'gzd', 'originalData', 'meta'];
    let node = record;
    for (const name of path) node = node.children.find((child) => child.name === name) ?? expect.fail(name);
    expect(node.children.map((child) => child.name)).toEqual(['owmskern', 'owmsmantel', 'tpmeta']);
  });

  it('answers SRU 1.2 in its own namespace', async () => {
    const { body } = await get({ version: '1.2', operation: 'searchRetrieve', query: 'dt.identifier==stb-2019-143' });
    expect(body).toContain('xmlns:srw="http://www.loc.gov/zing/srw/"');
    expect(parseSearchRetrieveResponse(body).records[0]?.publicatienaam).toBe('Staatsblad');
  });
});

describe('SRU mock: CQL', () => {
  it.each([
    ['exact, quoted', 'dt.identifier=="kst-35000-VI-59"', ['kst-35000-VI-59']],
    ['exact, unquoted', 'dt.identifier==kst-34482-B', ['kst-34482-B']],
    ['exact is case-sensitive', 'dt.identifier=="KST-34482-B"', []],
    ['exact does not match a prefix', 'dt.identifier=="kst-35000-VI"', []],
    ['index names ignore case', 'DT.Identifier=="kst-34482-B"', ['kst-34482-B']],
    ['dossier and ondernummer', 'w.dossiernummer==35000-VI AND w.ondernummer==59', ['kst-35000-VI-59']],
    ['EK letter', 'w.dossiernummer=="34482" AND w.ondernummer=="B"', ['kst-34482-B']],
    ['OR', 'dt.identifier=="stb-2019-143" OR dt.identifier=="trb-2018-41"', ['stb-2019-143', 'trb-2018-41']],
    ['publicatienaam', 'w.publicatienaam==Tractatenblad', ['trb-2018-41']],
    [
      'parentheses',
      '(dt.identifier=="stb-2019-143" OR dt.identifier=="kst-34482-B") AND c.product-area==officielepublicaties',
      ['kst-34482-B', 'stb-2019-143'],
    ],
    [
      'left to right without precedence',
      'dt.identifier=="stb-2019-143" OR dt.identifier=="kst-34482-B" AND w.publicatienaam==Staatsblad',
      ['stb-2019-143'],
    ],
    ['NOT', 'w.dossiernummer==34482 NOT w.ondernummer==B', []],
    ['masks in exact terms', 'dt.identifier=="stb-2019-14?"', ['stb-2019-143']],
    ['escaped masks are literal', 'dt.identifier=="stb-2019-14\\?"', []],
    ['date range', 'dt.date>=2017-06-20 AND dt.date<2017-06-21 AND w.dossiernummer==34482', ['kst-34482-B']],
  ])('%s', async (_name, query, expected) => {
    expect((await ids(query)).sort()).toEqual(expected);
  });

  it('= matches words, so an id prefix finds the whole dossier', async () => {
    const found = await ids('dt.identifier="kst-35000-VI"');
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((id) => id.startsWith('kst-35000-VI-'))).toBe(true);
    expect(await ids('w.publicatienaam="staatsblad"')).toEqual(['stb-2019-143']);
  });

  it('sorts with sortBy', async () => {
    const { records } = await search('w.dossiernummer==19637 sortBy dt.date/sort.descending');
    const dates = records.map((r) => r.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.each([
    ['unknown index', { query: 'foo.bar==1' }, 'info:srw/diagnostic/1/16', 'foo.bar'],
    ['unclosed parenthesis', { query: '(dt.identifier==x' }, 'info:srw/diagnostic/1/10', undefined],
    ['missing term', { query: 'dt.identifier==' }, 'info:srw/diagnostic/1/10', undefined],
    ['unterminated string', { query: 'dt.identifier=="x' }, 'info:srw/diagnostic/1/10', undefined],
    ['dangling boolean', { query: 'dt.identifier==x AND' }, 'info:srw/diagnostic/1/10', undefined],
    ['unsupported relation', { query: 'dt.identifier any x' }, 'info:srw/diagnostic/1/19', 'any'],
    ['order relation on text', { query: 'dt.identifier>x' }, 'info:srw/diagnostic/1/19', '>'],
    ['relation modifier', { query: 'dt.identifier==/masked x' }, 'info:srw/diagnostic/1/20', 'masked'],
    ['PROX', { query: 'a PROX b' }, 'info:srw/diagnostic/1/37', 'PROX'],
    ['unknown operation', { operation: 'scan', query: 'x' }, 'info:srw/diagnostic/1/4', 'scan'],
    ['unknown version', { version: '3.0', query: 'x' }, 'info:srw/diagnostic/1/5', '3.0'],
    ['no query', { operation: 'searchRetrieve' }, 'info:srw/diagnostic/1/7', 'query'],
    ['bad maximumRecords', { query: 'x', maximumRecords: '-1' }, 'info:srw/diagnostic/1/6', 'maximumRecords'],
    ['bad startRecord', { query: 'x', startRecord: '0' }, 'info:srw/diagnostic/1/6', 'startRecord'],
    ['unknown schema', { query: 'x', recordSchema: 'dc' }, 'info:srw/diagnostic/1/66', 'dc'],
    ['start past the end', { query: 'dt.identifier==kst-34482-B', startRecord: '5' }, 'info:srw/diagnostic/1/61', '5'],
  ])('%s → a diagnostic with HTTP 200', async (_name, params, uri, details) => {
    const error = await diagnostic(params);
    expect(error.uri).toBe(uri);
    if (details !== undefined) expect(error.details).toBe(details);
  });
});

describe('SRU mock: paging', () => {
  it('pages with startRecord and nextRecordPosition', async () => {
    const query = 'w.dossiernummer==19637';
    const all = await ids(query);
    const seen: string[] = [];
    let start = 1;
    for (let pages = 0; pages < 100; pages++) {
      const page = await search(query, { maximumRecords: '4', startRecord: String(start) });
      expect(page.total).toBe(all.length);
      seen.push(...page.records.map((r) => r.identifier));
      if (page.nextRecordPosition === undefined) break;
      expect(page.nextRecordPosition).toBe(start + 4);
      start = page.nextRecordPosition;
    }
    expect(seen).toEqual(all);
  });

  it('defaults to 10 records and caps maximumRecords at 1000', async () => {
    const { body } = await get({ query: 'c.product-area==officielepublicaties' });
    expect(parseSearchRetrieveResponse(body).records).toHaveLength(Math.min(10, catalogue().length));
    const capped = await get({ query: 'c.product-area==officielepublicaties', maximumRecords: '5000' });
    expect(capped.body).toContain('<sru:maximumRecords>1000</sru:maximumRecords>');
  });
});
