import { deepStrictEqual } from 'node:assert';
import { parseXml } from '../../lib/xml/parse';
import { createSruHandler } from '../support/mock-api/sru';
import { report, throughput } from './measure';
import { parseXml as parseXmlBaseline } from './xml-baseline';

/**
 * The XML reader (lib/xml/parse.ts, on saxes) against the hand-written one it replaced (xml-baseline.ts), both in
 * this run, on SRU answers from the mock (one large page, one record, a diagnostic) and on an EDMX `$metadata`
 * document the size of the Tweede Kamer's. The figures are quoted in lib/xml/parse.ts.
 */

async function sruAnswer(params: Record<string, string>): Promise<string> {
  const url = new URL('http://localhost/sru');
  url.search = new URLSearchParams({
    operation: 'searchRetrieve',
    version: '2.0',
    recordSchema: 'gzd',
    ...params,
  }).toString();
  return String((await createSruHandler()(url, undefined as never)).body);
}

/** A page of `count` gzd records: the mock's records, repeated when its catalogue has fewer. */
async function largeSruPage(count: number): Promise<string> {
  const all = await sruAnswer({ query: 'c.product-area==officielepublicaties', maximumRecords: '1000' });
  const start = all.indexOf('<sru:records>') + '<sru:records>'.length;
  const end = all.indexOf('</sru:records>');
  const records = all
    .slice(start, end)
    .split(/(?=<sru:record>)/)
    .filter((part) => part.startsWith('<sru:record>'));
  const page = Array.from({ length: count }, (_, i) => records[i % records.length]).join('');
  return `${all.slice(0, start)}${page}${all.slice(end)}`;
}

/** EDMX in the Tweede Kamer's layout: `types` entity types of `properties` properties and a few navigations. */
function edmx(types: number, properties: number): string {
  const ns = 'TK.DA.GGM.OData';
  const names = Array.from({ length: types }, (_, i) => `Entiteit${i}`);
  const entityTypes = names.map((name, i) => {
    const props = Array.from({ length: properties }, (_, k) =>
      k === 0
        ? '<Property Name="Id" Type="Edm.Guid" Nullable="false" />'
        : `<Property Name="Veld${k}" Type="${k % 3 ? 'Edm.String' : 'Edm.DateTimeOffset'}" />`,
    );
    const navs = [1, 2, 3].map(
      (d) =>
        `<NavigationProperty Name="${names[(i + d) % types]}" Type="Collection(${ns}.${names[(i + d) % types]})" />`,
    );
    return `<EntityType Name="${name}"><Key><PropertyRef Name="Id" /></Key>\n${[...props, ...navs].join('\n')}\n</EntityType>`;
  });
  const sets = names.map((name) => `<EntitySet Name="${name}" EntityType="${ns}.${name}" />`);
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm">
${entityTypes.join('\n')}
<EntityContainer Name="Container">${sets.join('\n')}</EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
}

export async function benchXml(): Promise<void> {
  const documents: [string, string][] = [
    ['SRU page of 250 records', await largeSruPage(250)],
    ['SRU answer with 1 record', await sruAnswer({ query: 'dt.identifier=="kst-35000-VI-59"', maximumRecords: '1' })],
    ['SRU diagnostic', await sruAnswer({ query: 'foo.bar==1' })],
    ['EDMX $metadata', edmx(40, 25)],
  ];
  for (const [name, xml] of documents) {
    // Both must do the same work for the comparison to mean anything.
    deepStrictEqual(parseXml(xml), parseXmlBaseline(xml));
    const bytes = Buffer.byteLength(xml, 'utf8');
    // Alternated, best of three: neither reader gets the quieter moment of a busy machine.
    let handWritten = 0;
    let saxes = 0;
    for (let round = 0; round < 3; round++) {
      handWritten = Math.max(handWritten, throughput(xml, parseXmlBaseline, 600));
      saxes = Math.max(saxes, throughput(xml, parseXml, 600));
    }
    report(`${name}: size`, bytes / 1e3, 'kB');
    report(`${name}: hand-written reader`, handWritten, 'MB/s');
    report(`${name}: saxes reader`, saxes, 'MB/s');
    report(`${name}: saxes time per document`, (bytes / 1e6 / saxes) * 1e3, 'ms', 2);
    report(`${name}: saxes time vs hand-written`, handWritten / saxes, 'x', 2);
  }
}
