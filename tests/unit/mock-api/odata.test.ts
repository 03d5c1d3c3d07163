import { describe, expect, it } from 'vitest';
import { many, one, type Row, useMockApi } from '../../support/mock-api/test-helpers';

/**
 * Query features of the mock TK OData service, over real HTTP, on API v5 (`baseUrl.tk`); where v4/2.0 differs
 * (date literals in UTC), on v4/2.0 too (`baseUrl.tkV4`).
 */

const mockApi = useMockApi({ tkVersions: ['v5', 'v4'] });
interface Envelope {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Row[];
}

async function get(path: string, base = mockApi().baseUrl.tk): Promise<{ status: number; body: Envelope }> {
  const res = await fetch(`${base}/${path}`);
  return { status: res.status, body: (await res.json()) as Envelope };
}

async function rows(path: string, base?: string): Promise<Row[]> {
  const { status, body } = await get(path, base);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.value;
}

/** Every row of a listing, following nextLinks (v5 pages at 100 and refuses a larger $top). */
async function allRows(path: string): Promise<Row[]> {
  const out: Row[] = [];
  let url: string | undefined = `${mockApi().baseUrl.tk}/${path}`;
  while (url) {
    const res = await fetch(url);
    const body = (await res.json()) as Envelope;
    expect(res.status, JSON.stringify(body)).toBe(200);
    out.push(...body.value);
    url = body['@odata.nextLink'];
  }
  return out;
}

describe('envelope', () => {
  it('wraps collections like the real service', async () => {
    const { body } = await get('Document?$top=2');
    expect(Object.keys(body)).toEqual(['@odata.context', 'value']);
    expect(body['@odata.context']).toBe(`${mockApi().baseUrl.tk}/$metadata#Document`);
    expect(body.value).toHaveLength(2);
  });

  it('writes fields in the shapes of the samples', async () => {
    const [doc] = await rows("Document?$filter=Nummer eq '2018D73664'");
    expect(doc).toMatchObject({ Soort: 'Brief regering', Kamer: 2, Ondernummer: 2375, Titel: 'Vreemdelingenbeleid' });
    expect(doc?.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(doc?.Datum).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00$/);
    expect(doc?.GewijzigdOp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?\+0[12]:00$/);
    expect(doc?.ApiGewijzigdOp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/);
    expect(doc?.Verwijderd).toBe(false);
    expect(doc?.Citeertitel).toBeNull();
  });

  it('sends no CORS headers, like the real service', async () => {
    const res = await fetch(`${mockApi().baseUrl.tk}/Document?$top=1`, { headers: { origin: 'chrome-extension://x' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('serves a single entity by bare GUID key', async () => {
    const [doc] = await rows("Document?$filter=Nummer eq '2018D73664'&$select=Id");
    const res = await fetch(`${mockApi().baseUrl.tk}/Document(${doc?.Id})`);
    const body = (await res.json()) as Row;
    expect(body['@odata.context']).toBe(`${mockApi().baseUrl.tk}/$metadata#Document/$entity`);
    expect(body.Nummer).toBe('2018D73664');
  });

  it('treats entity set names case-insensitively', async () => {
    expect(await rows('document?$top=1')).toHaveLength(1);
    expect(await rows('ZAAK?$top=1')).toHaveLength(1);
  });

  it('serves $metadata and the service document', async () => {
    const xml = await (await fetch(`${mockApi().baseUrl.tk}/$metadata`)).text();
    expect(xml).toContain('<EntitySet Name="Stemming"');
    expect(xml).toContain(
      '<NavigationProperty Name="Kamerstukdossier" Type="Collection(TK.DA.GGM.OData.Kamerstukdossier)"',
    );
    const service = await rows('');
    expect(service.map((s) => s.name)).toContain('Besluit');
  });
});

describe('$filter', () => {
  it('compares with eq, ne, gt, ge, lt, le', async () => {
    const in19637 = 'Kamerstukdossier/any(d: d/Nummer eq 19637 and d/Toevoeging eq null)';
    const eq = await rows(`Document?$filter=${in19637} and Ondernummer eq 2375`);
    expect(eq.map((d) => d.Nummer)).toEqual(['2018D73664']);
    const between = await rows(
      `Document?$filter=${in19637} and Ondernummer ge 2375 and Ondernummer le 2380 and Soort ne 'Bijlage'&$orderby=Ondernummer`,
    );
    expect(between.map((d) => d.Ondernummer)).toEqual(expect.arrayContaining([2375, 2380]));
    expect(between.every((d) => (d.Ondernummer as number) >= 2375 && (d.Ondernummer as number) <= 2380)).toBe(true);
    const strict = await rows(`Document?$filter=${in19637} and Ondernummer gt 2375 and Ondernummer lt 2380`);
    expect(strict.every((d) => (d.Ondernummer as number) > 2375 && (d.Ondernummer as number) < 2380)).toBe(true);
    expect(strict.map((d) => d.Ondernummer)).not.toContain(2375);
  });

  it('supports or, not and parentheses', async () => {
    const docs = await rows(
      "Document?$filter=(Nummer eq '2018D73664' or Nummer eq '2019D27728') and not (Ondernummer eq 2535)",
    );
    expect(docs.map((d) => d.Nummer)).toEqual(['2018D73664']);
  });

  it("unescapes '' in string literals", async () => {
    expect(await rows("Document?$filter=Onderwerp eq 'it''s not there'")).toEqual([]);
    const quoted = await rows("Document?$filter=contains(Onderwerp, '''')&$top=5");
    expect(quoted.every((d) => String(d.Onderwerp).includes("'"))).toBe(true);
  });

  it('takes bare GUID literals and rejects guid-prefixed or quoted ones', async () => {
    const [doc] = await rows("Document?$filter=Nummer eq '2018D73664'&$select=Id");
    expect(await rows(`Document?$filter=Id eq ${doc?.Id}`)).toHaveLength(1);
    expect((await get(`Document?$filter=Id eq guid'${doc?.Id}'`)).status).toBe(400);
    expect((await get(`Document?$filter=Id eq '${doc?.Id}'`)).status).toBe(400);
  });

  it('compares datetime literals with an offset as instants, also against stored offsets', async () => {
    // Datum is stored as local midnight (+01:00/+02:00): 2018-03-29T00:00:00+02:00 is 2018-03-28T22:00:00Z.
    const nr = "Nummer eq '2018D73664'";
    expect(await rows(`Document?$filter=${nr} and Datum eq 2018-03-29T00:00:00%2B02:00`)).toHaveLength(1);
    expect(await rows(`Document?$filter=${nr} and Datum eq 2018-03-28T22:00:00%2B00:00`)).toHaveLength(1);
    expect(await rows(`Document?$filter=${nr} and Datum gt 2018-03-28T22:59:59%2B01:00`)).toHaveLength(1);
    expect(await rows(`Document?$filter=${nr} and Datum ge 2018-03-29T00:00:00%2B01:00`)).toHaveLength(0);
    expect(await rows(`Document?$filter=${nr} and Datum lt 2018-03-29T00:00:00%2B02:00`)).toHaveLength(0);
  });

  it('compares UTC datetime literals as instants on v4/2.0', async () => {
    const v4 = mockApi().baseUrl.tkV4;
    const nr = "DocumentNummer eq '2018D73664'";
    expect(await rows(`Document?$filter=${nr} and Datum eq 2018-03-28T22:00:00Z`, v4)).toHaveLength(1);
    expect(await rows(`Document?$filter=${nr} and Datum gt 2018-03-28T21:59:59Z`, v4)).toHaveLength(1);
    expect(await rows(`Document?$filter=${nr} and Datum ge 2018-03-29T00:00:00Z`, v4)).toHaveLength(0);
    expect(await rows(`Document?$filter=${nr} and Datum lt 2018-03-29T00:00:00%2B02:00`, v4)).toHaveLength(0);
  });

  it('compares ApiGewijzigdOp at its full 7-digit precision (v5 with +00:00, v4/2.0 with Z)', async () => {
    const [doc] = await rows("Document?$filter=Nummer eq '2018D73664'&$select=ApiGewijzigdOp");
    const stamp = doc?.ApiGewijzigdOp as string;
    // On v5 a `Z` literal is read as Dutch local time; the same instant written with +00:00 compares exactly.
    const utc = stamp.replace(/Z$/, '%2B00:00');
    const nr = "Nummer eq '2018D73664'";
    expect(await rows(`Document?$filter=ApiGewijzigdOp ge ${utc} and ${nr}`)).toHaveLength(1);
    expect(await rows(`Document?$filter=ApiGewijzigdOp gt ${utc} and ${nr}`)).toHaveLength(0);
    const v4 = mockApi().baseUrl.tkV4;
    const v4nr = "DocumentNummer eq '2018D73664'";
    expect(await rows(`Document?$filter=ApiGewijzigdOp ge ${stamp} and ${v4nr}`, v4)).toHaveLength(1);
    expect(await rows(`Document?$filter=ApiGewijzigdOp gt ${stamp} and ${v4nr}`, v4)).toHaveLength(0);
  });

  it('follows single navigations in property paths', async () => {
    const stemmingen = await rows(
      "Stemming?$filter=Besluit/BesluitSoort eq 'Stemmen - verworpen' and FractieNaam eq 'VVD'",
    );
    expect(stemmingen.length).toBeGreaterThan(0);
    const punten = await rows("Agendapunt?$filter=Activiteit/Soort eq 'Stemmingen'&$expand=Activiteit($select=Soort)");
    expect(punten.every((p) => (p.Activiteit as Row).Soort === 'Stemmingen')).toBe(true);
  });

  it('evaluates any() and all() on collection navigations', async () => {
    const withToevoeging = await rows(
      "Document?$filter=Ondernummer eq 59 and Kamerstukdossier/any(d: d/Nummer eq 35000 and d/Toevoeging eq 'VI')",
    );
    expect(withToevoeging.map((d) => d.Nummer)).toEqual(['2018D32216']);
    // The same volgnummer in another dossier (35000 without toevoeging has nr. 8) must not match.
    expect(await rows("Document?$filter=Ondernummer eq 8 and Kamerstukdossier/any(d: d/Toevoeging eq 'VI')")).toEqual(
      [],
    );
    const withBesluit = await rows("Zaak?$filter=Soort eq 'Motie' and Besluit/any()");
    expect(withBesluit.length).toBeGreaterThan(0);
    const allIngediend = await rows(
      "Zaak?$filter=Soort eq 'Motie' and Besluit/all(b: b/BesluitSoort eq 'Ingediend')&$select=Nummer",
    );
    expect(allIngediend.map((z) => z.Nummer)).toEqual(['2019Z23601']);
  });

  it('supports contains, startswith, tolower and year', async () => {
    const lower = await rows("Zaak?$filter=contains(tolower(Onderwerp), 'migratieagenda') and Soort eq 'Motie'");
    expect(lower.length).toBeGreaterThanOrEqual(2);
    // String comparison is case-sensitive: clients that want case-insensitive matching must use tolower.
    expect(await rows("Zaak?$filter=contains(Onderwerp, 'MIGRATIEAGENDA')")).toEqual([]);
    const starts = await rows("Zaak?$filter=startswith(Nummer, '2018Z')&$select=Nummer");
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((z) => String(z.Nummer).startsWith('2018Z'))).toBe(true);
    const in2019 = await rows("Zaak?$filter=year(GestartOp) eq 2019 and Soort eq 'Motie'&$select=GestartOp");
    expect(in2019.length).toBeGreaterThan(0);
    expect(in2019.every((z) => String(z.GestartOp).startsWith('2019-'))).toBe(true);
  });
});

describe('$expand, $select, $orderby, $top, $skip, $count', () => {
  it('expands nested navigations with their own $select, $expand, $filter and $orderby', async () => {
    const [doc] = await rows(
      "Document?$filter=Nummer eq '2018D32216'&$select=Nummer" +
        '&$expand=Zaak($expand=Besluit($expand=Stemming($select=Soort,FractieNaam;$orderby=FractieNaam desc);' +
        "$select=Id,BesluitSoort;$filter=Verwijderd eq false and Status ne 'Voorstel');$select=Nummer)",
    );
    expect(Object.keys(doc ?? {})).toEqual(['Nummer', 'Zaak']);
    const [zaak] = many(doc, 'Zaak');
    expect(Object.keys(zaak ?? {})).toEqual(['Nummer', 'Besluit']);
    const besluiten = many(zaak, 'Besluit');
    expect(besluiten.map((b) => b.BesluitSoort).sort()).toEqual(['Ingediend', 'Stemmen - aangenomen']);
    const vote = besluiten.find((b) => b.BesluitSoort === 'Stemmen - aangenomen');
    const stemming = many(vote, 'Stemming');
    expect(Object.keys(stemming[0] ?? {})).toEqual(['Soort', 'FractieNaam']);
    const fracties = stemming.map((s) => s.FractieNaam as string);
    expect(fracties).toEqual([...fracties].sort().reverse());
  });

  it('expands single navigations as an object', async () => {
    const [besluit] = await rows(
      "Besluit?$filter=BesluitSoort eq 'Stemmen - verworpen' and Verwijderd eq false&$expand=Agendapunt($expand=Activiteit)",
    );
    const activiteit = one(one(besluit, 'Agendapunt'), 'Activiteit');
    expect(activiteit).toMatchObject({ Soort: 'Stemmingen', Datum: '2017-10-17T00:00:00+02:00' });
    expect(activiteit.Nummer).toMatch(/^2017A\d{5}$/);
  });

  it('orders by several keys, ascending and descending', async () => {
    const docs = await rows(
      'Document?$filter=Verwijderd eq false and Kamer eq 2&$orderby=Vergaderjaar desc,Ondernummer asc&$top=100',
    );
    for (let i = 1; i < docs.length; i++) {
      const [a, b] = [docs[i - 1] as Row, docs[i] as Row];
      const year = String(a.Vergaderjaar).localeCompare(String(b.Vergaderjaar));
      expect(year >= 0).toBe(true);
      if (year === 0) expect(a.Ondernummer as number).toBeLessThanOrEqual(b.Ondernummer as number);
    }
  });

  it('applies $skip and $top, and $count gives the total', async () => {
    const all = await rows('Zaak?$orderby=Nummer&$top=20');
    const { body } = await get('Zaak?$orderby=Nummer&$skip=5&$top=3&$count=true');
    expect(body.value.map((z) => z.Nummer)).toEqual(all.slice(5, 8).map((z) => z.Nummer));
    // The total over all pages, not the page: every Zaak the mock has (more with ../shared than without).
    const everything = await allRows('Zaak?$select=Id');
    expect(everything.length).toBeGreaterThan(8);
    expect(body['@odata.count']).toBe(everything.length);
    expect(Object.keys(body)).toEqual(['@odata.context', '@odata.count', 'value']);
  });

  it('counts expanded collections with $count inside the expand', async () => {
    const [zaak] = await rows("Zaak?$filter=Nummer eq '2018Z22093'&$expand=Besluit($count=true;$top=1)");
    // Ingediend, Voorstel, a superseded (Verwijderd) decision and the decision itself.
    expect(zaak?.['Besluit@odata.count']).toBe(4);
    expect(zaak?.Besluit).toHaveLength(1);
  });

  it('serves navigation paths and /$count', async () => {
    const [zaak] = await rows("Zaak?$filter=Nummer eq '2018Z22093'&$select=Id");
    const besluiten = await rows(`Zaak(${zaak?.Id})/Besluit?$filter=Verwijderd eq false`);
    expect(besluiten).toHaveLength(3);
    const count = await (await fetch(`${mockApi().baseUrl.tk}/Zaak/$count?$filter=Soort eq 'Motie'`)).text();
    expect(Number(count)).toBe(11);
  });
});
