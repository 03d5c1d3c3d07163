import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TK_HOST } from '../../support/mock-api/faults';
import { type MockApi, startMockApi } from '../../support/mock-api/server';
import { many, type Row } from '../../support/mock-api/test-helpers';
import { TK_TYPES } from '../../support/mock-api/tk-data';
import { TK_ROOTS, TK_V5_RENAMES, tkTypes } from '../../support/mock-api/tk-versions';

/**
 * The TK mock's two API versions (data-sources.md §1.1a): v5 at /OData/v5, the default, with renamed and dropped
 * properties, `$top` ≤ 100, pages of 100, deleted rows first and the UTC-literal trap; v4/2.0 at /OData/v4/2.0
 * only when asked for; and the run-time schema switch (`setTkSchema`, `/__mock/tk`).
 */

interface Envelope {
  '@odata.context'?: string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Row[];
  error?: { code: string; message: string };
}

async function getUrl(url: string): Promise<{ status: number; body: Envelope }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Envelope };
}

async function rowsAt(base: string, path: string): Promise<Row[]> {
  const { status, body } = await getUrl(`${base}/${path}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.value;
}

/** Property names per entity type as a `$metadata` document declares them. */
async function declared(base: string): Promise<Map<string, string[]>> {
  const res = await fetch(`${base}/$metadata`);
  expect(res.status).toBe(200);
  const xml = await res.text();
  expect(xml).toContain('<Schema Namespace="TK.DA.GGM.OData"');
  const out = new Map<string, string[]>();
  for (const m of xml.matchAll(/<EntityType Name="(\w+)">([\s\S]*?)<\/EntityType>/g)) {
    out.set(
      m[1] as string,
      [...(m[2] as string).matchAll(/<Property Name="(\w+)"/g)].map((p) => p[1] as string),
    );
  }
  return out;
}

function unknownProperty(name: string, type: string): string {
  return `The query specified in the URI is not valid. Could not find a property named '${name}' on type 'TK.DA.GGM.OData.${type}'.`;
}

function topLimit(value: number): string {
  return `The query specified in the URI is not valid. The limit of '100' for Top query has been exceeded. The value from the incoming request is '${value}'.`;
}

/** A request with a chosen Host header (fetch does not let one set it). */
function byHost(api: MockApi, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: api.port, path, headers: { host: TK_HOST }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function control(api: MockApi, method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${api.port}${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the rename table', () => {
  it('renames or drops existing v4/2.0 properties, onto names the type does not have yet', () => {
    expect(TK_V5_RENAMES.length).toBe(6);
    for (const rename of TK_V5_RENAMES) {
      const type = TK_TYPES.find((t) => t.name === rename.type);
      const names = type?.properties.map((p) => p.name) ?? [];
      expect(names, `${rename.type}.${rename.v4}`).toContain(rename.v4);
      if (rename.v5) expect(names, `${rename.type}.${rename.v5}`).not.toContain(rename.v5);
      expect(rename.source).not.toBe('');
    }
  });
});

describe('only v5 (the default)', () => {
  let api: MockApi;
  beforeAll(async () => {
    api = await startMockApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('serves v5 at /OData/v5 and makes it baseUrl.tk', async () => {
    expect(api.tkSchema()).toEqual({ versions: ['v5'], drop: {} });
    expect(api.baseUrl.tk).toBe(`http://127.0.0.1:${api.port}/OData/v5`);
    expect(api.baseUrl.tkV5).toBe(api.baseUrl.tk);
    expect(api.baseUrl.tkV4).toBe(`http://127.0.0.1:${api.port}/OData/v4/2.0`);
    const count = await fetch(`${api.baseUrl.tk}/Document/$count`);
    expect(Number(await count.text())).toBeGreaterThan(600);
    const listing = await getUrl(`${api.baseUrl.tk}/Document?$top=1`);
    expect(listing.body['@odata.context']).toBe(`${api.baseUrl.tkV5}/$metadata#Document`);
  });

  it('answers the retired /OData/v4/2.0 with the OData 404 of an unknown path, by address and by host', async () => {
    const url = `${api.baseUrl.tkV4}/Document?$top=1`;
    const { status, body } = await getUrl(url);
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: '', message: `No HTTP resource was found that matches the request URI '${url}'.` },
    });
    expect((await getUrl(`${api.baseUrl.tkV4}/$metadata`)).status).toBe(404);
    const viaHost = await byHost(api, '/OData/v4/2.0/Zaak?$top=1');
    expect(viaHost.status).toBe(404);
    expect(JSON.parse(viaHost.body).error.message).toBe(
      `No HTTP resource was found that matches the request URI 'http://${TK_HOST}/OData/v4/2.0/Zaak?$top=1'.`,
    );
    expect((await byHost(api, '/OData/v5/Zaak?$top=1')).status).toBe(200);
    expect((await getUrl(`http://127.0.0.1:${api.port}/OData/v5x/Document`)).status).toBe(404);
  });

  it('declares the v5 schema in $metadata: renamed, dropped and unchanged properties', async () => {
    const v5 = await declared(api.baseUrl.tk);
    for (const { type, v4, v5: renamed } of TK_V5_RENAMES) {
      expect(v5.get(type), type).not.toContain(v4);
      if (renamed) expect(v5.get(type), type).toContain(renamed);
    }
    expect(v5.get('Document')?.slice(0, 9)).toEqual([
      'Id',
      'Soort',
      'Nummer',
      'Titel',
      'Onderwerp',
      'Datum',
      'Vergaderjaar',
      'Kamer',
      'Ondernummer',
    ]);
    expect(v5.get('Document')).not.toContain('DatumRegistratie');
    // No public evidence of other renames: Zaak, Besluit, the actors keep their v4/2.0 names.
    for (const type of ['Zaak', 'Besluit', 'ZaakActor', 'DocumentActor', 'Agendapunt']) {
      expect(v5.get(type), type).toEqual(TK_TYPES.find((t) => t.name === type)?.properties.map((p) => p.name));
    }
    expect(v5.get('Zaak')).toContain('Volgnummer');
    expect(v5.get('ZaakActor')).toContain('ActorFractie');
    expect([...v5.keys()]).toEqual(tkTypes('v5').map((t) => t.name));
  });

  it('writes rows under the v5 names, in $metadata order', async () => {
    const [doc] = await rowsAt(api.baseUrl.tk, "Document?$filter=Nummer eq '2018D73664'&$expand=Kamerstukdossier");
    expect(doc).toMatchObject({ Nummer: '2018D73664', Ondernummer: 2375, Soort: 'Brief regering' });
    const names = tkTypes('v5')
      .find((t) => t.name === 'Document')
      ?.properties.map((p) => p.name);
    expect(Object.keys(doc ?? {})).toEqual([...(names ?? []), 'Kamerstukdossier']);
    const [dossier] = many(doc, 'Kamerstukdossier');
    expect(dossier?.AantalDocumenten).toEqual(expect.any(Number));
    expect(dossier).not.toHaveProperty('HoogsteVolgnummer');
    const [stemming] = await rowsAt(api.baseUrl.tk, "Stemming?$filter=FractieNaam eq 'VVD'&$top=1");
    expect(stemming).toMatchObject({ FractieNaam: 'VVD' });
    expect(stemming).not.toHaveProperty('ActorFractie');
    const [activiteit] = await rowsAt(api.baseUrl.tk, "Activiteit?$filter=Soort eq 'Stemmingen'&$top=1");
    expect(activiteit).toMatchObject({ VoortouwCommissieNaam: 'Tweede Kamer' });
    expect(activiteit).not.toHaveProperty('Voortouwnaam');
  });

  it.each(TK_V5_RENAMES.map((r) => [`${r.type}.${r.v4}`, r] as const))(
    'answers 400 to the old name %s in $filter, $select and $orderby',
    async (_, { type, v4 }) => {
      for (const query of [`$filter=${v4} eq null`, `$select=Id,${v4}`, `$orderby=${v4} desc`]) {
        const { status, body } = await getUrl(`${api.baseUrl.tk}/${type}?${query}`);
        expect(status, query).toBe(400);
        expect(body.error, query).toEqual({ code: '', message: unknownProperty(v4, type) });
      }
    },
  );

  it('answers 400 to an old name in a nested $expand $select, $filter and lambda', async () => {
    const cases: [string, string, string][] = [
      ['Zaak?$expand=Document($select=Id,DocumentNummer)', 'DocumentNummer', 'Document'],
      ['Besluit?$expand=Stemming($select=Soort,ActorFractie)', 'ActorFractie', 'Stemming'],
      ['Zaak?$expand=Document($filter=Volgnummer eq 1)', 'Volgnummer', 'Document'],
      ['Document?$expand=Kamerstukdossier($orderby=HoogsteVolgnummer)', 'HoogsteVolgnummer', 'Kamerstukdossier'],
      ["Zaak?$filter=Document/any(d: d/DocumentNummer eq '2018D73664')", 'DocumentNummer', 'Document'],
      ["Agendapunt?$filter=Activiteit/Voortouwnaam eq 'x'", 'Voortouwnaam', 'Activiteit'],
    ];
    for (const [path, name, type] of cases) {
      const { status, body } = await getUrl(`${api.baseUrl.tk}/${path}`);
      expect(status, path).toBe(400);
      expect(body.error?.message, path).toBe(unknownProperty(name, type));
    }
  });

  it('answers 400 to $top above 100, also inside $expand, and takes 100', async () => {
    for (const top of [101, 250]) {
      const { status, body } = await getUrl(`${api.baseUrl.tk}/Document?$top=${top}`);
      expect(status).toBe(400);
      expect(body.error).toEqual({ code: '', message: topLimit(top) });
    }
    const nested = await getUrl(`${api.baseUrl.tk}/Kamerstukdossier?$top=1&$expand=Document($select=Id;$top=250)`);
    expect(nested.status).toBe(400);
    expect(nested.body.error?.message).toBe(topLimit(250));
    const deeper = await getUrl(`${api.baseUrl.tk}/Zaak?$top=1&$expand=Besluit($expand=Stemming($top=101))`);
    expect(deeper.status).toBe(400);
    expect(deeper.body.error?.message).toBe(topLimit(101));
    expect((await getUrl(`${api.baseUrl.tk}/Document/$count?$top=101`)).status).toBe(400);
    const hundred = await getUrl(`${api.baseUrl.tk}/Document?$top=100`);
    expect(hundred.status).toBe(200);
    expect(hundred.body.value).toHaveLength(100);
    // An explicit $top still gets no nextLink (issue #70), as on v4/2.0.
    expect(hundred.body['@odata.nextLink']).toBeUndefined();
  });

  it('pages at 100 rows with skiptoken nextLinks, followed verbatim to the end', async () => {
    let url: string | undefined = `${api.baseUrl.tk}/Document?$filter=Kamer eq 2&$count=true`;
    const ids: string[] = [];
    const sizes: number[] = [];
    let total = 0;
    while (url) {
      const { status, body } = await getUrl(url);
      expect(status).toBe(200);
      total = body['@odata.count'] ?? total;
      sizes.push(body.value.length);
      ids.push(...body.value.map((d) => d.Id as string));
      url = body['@odata.nextLink'];
      if (url) {
        expect(url.startsWith(`${api.baseUrl.tkV5}/Document?`)).toBe(true);
        expect(new URL(url).searchParams.get('$skiptoken')).toBeTruthy();
      }
    }
    expect(total).toBeGreaterThan(600);
    expect(sizes.length).toBe(Math.ceil(total / 100));
    expect(sizes.slice(0, -1).every((n) => n === 100)).toBe(true);
    expect(new Set(ids).size).toBe(total);
  });

  it('pages an expanded collection at 100 with a nextLink to its navigation path', async () => {
    const [dossier] = await rowsAt(
      api.baseUrl.tk,
      "Kamerstukdossier?$filter=Nummer eq 21501 and Toevoeging eq '20'&$expand=Document($select=Id)",
    );
    expect(dossier?.Document).toHaveLength(100);
    const next = dossier?.['Document@odata.nextLink'] as string;
    expect(next).toContain(`/OData/v5/Kamerstukdossier(${dossier?.Id})/Document?`);
    const page = await getUrl(next);
    expect(page.status).toBe(200);
    expect(page.body.value).toHaveLength(100);
  });

  it('lists deleted rows first when no $orderby is given, in key order otherwise', async () => {
    const first = await rowsAt(api.baseUrl.tk, 'Document?$select=Id,Verwijderd,Nummer');
    expect(first.slice(0, 3).map((d) => d.Verwijderd)).toEqual([true, true, true]);
    expect(first.slice(3).every((d) => d.Verwijderd === false)).toBe(true);
    expect(first[0]?.Nummer).toBeNull();
    const ids = first.slice(3).map((d) => d.Id as string);
    expect(ids).toEqual([...ids].sort());
    // With an $orderby the client's order holds, tombstones included.
    const ordered = await rowsAt(api.baseUrl.tk, 'Document?$select=Id,Verwijderd&$orderby=Id');
    expect(ordered.slice(0, 3).map((d) => d.Verwijderd)).not.toEqual([true, true, true]);
    // Also in an expanded collection: the superseded (Verwijderd) decision comes first.
    const [zaak] = await rowsAt(
      api.baseUrl.tk,
      "Zaak?$filter=Nummer eq '2018Z22093'&$expand=Besluit($select=Verwijderd)",
    );
    expect(many(zaak, 'Besluit').map((b) => b.Verwijderd)).toEqual([true, false, false, false]);
  });

  it('reads a UTC date literal as Dutch local time, and an explicit offset exactly (#185)', async () => {
    // Datum of 2018D73664 is 2018-03-29T00:00:00+02:00, i.e. 2018-03-28T22:00:00Z.
    const doc = "Document?$filter=Nummer eq '2018D73664' and ";
    const count = async (filter: string) => (await rowsAt(api.baseUrl.tk, `${doc}${filter}`)).length;
    // The true instant in UTC misses; the local date written as UTC hits.
    expect(await count('Datum eq 2018-03-28T22:00:00Z')).toBe(0);
    expect(await count('Datum eq 2018-03-29T00:00:00Z')).toBe(1);
    expect(await count('Datum ge 2018-03-29T00:00:00Z and Datum lt 2018-03-30T00:00:00Z')).toBe(1);
    expect(await count('Datum ge 2018-03-28T00:00:00Z and Datum lt 2018-03-29T00:00:00Z')).toBe(0);
    // Offsets compare as instants, +00:00 included.
    expect(await count('Datum eq 2018-03-28T22:00:00%2B00:00')).toBe(1);
    expect(await count('Datum eq 2018-03-29T00:00:00%2B02:00')).toBe(1);
    expect(await count('Datum ge 2018-03-28T00:00:00%2B02:00 and Datum lt 2018-03-29T00:00:00%2B02:00')).toBe(0);
    // A winter date reads `Z` as +01:00: ApiGewijzigdOp (stored in UTC) written back as `Z` no longer matches.
    const [stamped] = await rowsAt(api.baseUrl.tk, "Document?$filter=Nummer eq '2018D73664'&$select=ApiGewijzigdOp");
    const stamp = stamped?.ApiGewijzigdOp as string;
    expect(await count(`ApiGewijzigdOp eq ${stamp}`)).toBe(0);
    expect(await count(`ApiGewijzigdOp eq ${stamp.replace(/Z$/, '%2B00:00')}`)).toBe(1);
  });

  it('keeps the 100-node $filter limit', async () => {
    const clauses = (n: number) => Array.from({ length: n }, (_, i) => `Ondernummer eq ${i}`).join(' or ');
    const { status, body } = await getUrl(`${api.baseUrl.tk}/Document?$filter=${clauses(20)}`);
    expect(status).toBe(400);
    expect(body.error?.message).toContain("The node count limit of '100' has been exceeded");
    expect((await getUrl(`${api.baseUrl.tk}/Document?$filter=${clauses(16)}&$top=1`)).status).toBe(200);
  });
});

describe('both versions', () => {
  let api: MockApi;
  beforeAll(async () => {
    api = await startMockApi({ tkVersions: ['v4', 'v5'] });
  });
  afterAll(async () => {
    await api.close();
  });

  it('serves each at its own root, the first listed as baseUrl.tk', async () => {
    expect(api.baseUrl.tk).toBe(api.baseUrl.tkV4);
    const v4 = await getUrl(`${api.baseUrl.tkV4}/Zaak?$top=1`);
    const v5 = await getUrl(`${api.baseUrl.tkV5}/Zaak?$top=1`);
    expect(v4.body['@odata.context']).toBe(`${api.baseUrl.tkV4}/$metadata#Zaak`);
    expect(v5.body['@odata.context']).toBe(`${api.baseUrl.tkV5}/$metadata#Zaak`);
    expect(v4.body.value).toEqual(v5.body.value);
    const v4Types = await declared(api.baseUrl.tkV4);
    expect(v4Types.get('Document')).toEqual(TK_TYPES.find((t) => t.name === 'Document')?.properties.map((p) => p.name));
    expect(v4Types.get('Document')).not.toContain('Ondernummer');
  });

  it('serves the same rows under each version’s names', async () => {
    for (const { type, v4, v5 } of TK_V5_RENAMES) {
      const old = await rowsAt(api.baseUrl.tkV4, `${type}?$filter=Verwijderd eq false&$orderby=Id&$top=5`);
      const now = await rowsAt(api.baseUrl.tkV5, `${type}?$filter=Verwijderd eq false&$orderby=Id&$top=5`);
      expect(now.map((r) => r.Id)).toEqual(old.map((r) => r.Id));
      for (const [i, row] of now.entries()) {
        if (v5) expect(row[v5], `${type}.${v5}`).toEqual(old[i]?.[v4]);
        else expect(row).not.toHaveProperty(v4);
      }
    }
  });

  it('keeps v4/2.0 as it was: $top 250, pages of 250, key order, UTC literals exact', async () => {
    const big = await getUrl(`${api.baseUrl.tkV4}/Document?$top=250`);
    expect(big.status).toBe(200);
    expect(big.body.value).toHaveLength(250);
    const page = await getUrl(`${api.baseUrl.tkV4}/Document?$select=Id,Verwijderd`);
    expect(page.body.value).toHaveLength(250);
    const ids = page.body.value.map((d) => d.Id as string);
    expect(ids).toEqual([...ids].sort());
    const utc = await rowsAt(
      api.baseUrl.tkV4,
      "Document?$filter=DocumentNummer eq '2018D73664' and Datum eq 2018-03-28T22:00:00Z",
    );
    expect(utc).toHaveLength(1);
    const oldNameOnV5 = await getUrl(`${api.baseUrl.tkV5}/Document?$select=DocumentNummer`);
    expect(oldNameOnV5.body.error?.message).toBe(unknownProperty('DocumentNummer', 'Document'));
  });
});

describe('changing the schema at run time', () => {
  let api: MockApi;
  beforeAll(async () => {
    api = await startMockApi();
  });
  afterEach(() => {
    api.resetTkSchema();
  });
  afterAll(async () => {
    await api.close();
  });

  it('drops a property through setTkSchema: gone from $metadata and rows, a 400 when named', async () => {
    const schema = api.setTkSchema({ drop: { Document: ['Onderwerp'], Zaak: ['Kabinetsappreciatie'] } });
    expect(schema).toEqual({ versions: ['v5'], drop: { Document: ['Onderwerp'], Zaak: ['Kabinetsappreciatie'] } });
    const types = await declared(api.baseUrl.tk);
    expect(types.get('Document')).not.toContain('Onderwerp');
    expect(types.get('Zaak')).not.toContain('Kabinetsappreciatie');
    expect(types.get('Document')).toContain('Titel');
    const [doc] = await rowsAt(api.baseUrl.tk, "Document?$filter=Nummer eq '2018D73664'");
    expect(doc).not.toHaveProperty('Onderwerp');
    expect(doc?.Titel).toBe('Vreemdelingenbeleid');
    for (const query of ["$filter=contains(Onderwerp, 'x')", '$select=Onderwerp', '$orderby=Onderwerp']) {
      const { status, body } = await getUrl(`${api.baseUrl.tk}/Document?${query}`);
      expect(status, query).toBe(400);
      expect(body.error?.message).toBe(unknownProperty('Onderwerp', 'Document'));
    }
    const nested = await getUrl(`${api.baseUrl.tk}/Document?$expand=Zaak($select=Kabinetsappreciatie)`);
    expect(nested.body.error?.message).toBe(unknownProperty('Kabinetsappreciatie', 'Zaak'));
    api.setTkSchema({ drop: {} });
    expect((await declared(api.baseUrl.tk)).get('Document')).toContain('Onderwerp');
  });

  it('switches versions through setTkSchema, and baseUrl.tk follows', async () => {
    api.setTkSchema({ versions: ['v4'] });
    expect(api.baseUrl.tk).toBe(api.baseUrl.tkV4);
    expect((await getUrl(`${api.baseUrl.tkV5}/Document?$top=1`)).status).toBe(404);
    expect((await getUrl(`${api.baseUrl.tkV4}/Document?$top=1`)).status).toBe(200);
    api.resetTkSchema();
    expect(api.baseUrl.tk).toBe(api.baseUrl.tkV5);
    expect((await getUrl(`${api.baseUrl.tkV4}/Document?$top=1`)).status).toBe(404);
  });

  it('does the same through POST /__mock/tk, shows it at GET /__mock/tk, and POST /__mock/reset restores it', async () => {
    const set = await control(api, 'POST', '/__mock/tk', {
      versions: ['v5', 'v4'],
      drop: { Document: ['Nummer', 'DocumentNummer'], Stemming: ['FractieGrootte'] },
    });
    expect(set.status).toBe(200);
    const expected = {
      versions: ['v5', 'v4'],
      drop: { Document: ['Nummer', 'DocumentNummer'], Stemming: ['FractieGrootte'] },
    };
    expect(set.body).toEqual(expected);
    expect((await control(api, 'GET', '/__mock/tk')).body).toEqual(expected);
    expect(api.tkSchema()).toEqual(expected);
    // Names are those of each version: Nummer leaves v5, DocumentNummer leaves v4; FractieGrootte leaves both.
    const v5 = await declared(api.baseUrl.tkV5);
    const v4 = await declared(api.baseUrl.tkV4);
    expect(v5.get('Document')).not.toContain('Nummer');
    expect(v4.get('Document')).not.toContain('DocumentNummer');
    expect(v5.get('Stemming')).not.toContain('FractieGrootte');
    expect(v4.get('Stemming')).not.toContain('FractieGrootte');
    expect(v5.get('Kamerstukdossier')).toContain('Nummer');
    const gone = await getUrl(`${api.baseUrl.tkV5}/Document?$filter=Nummer eq '2018D73664'`);
    expect(gone.status).toBe(400);
    expect(gone.body.error?.message).toBe(unknownProperty('Nummer', 'Document'));
    expect((await control(api, 'POST', '/__mock/reset')).status).toBe(200);
    expect((await control(api, 'GET', '/__mock/tk')).body).toEqual({ versions: ['v5'], drop: {} });
    expect((await declared(api.baseUrl.tkV5)).get('Document')).toContain('Nummer');
    expect((await getUrl(`${api.baseUrl.tkV4}/Document`)).status).toBe(404);
  });

  it('rejects an invalid schema change with a 400 and keeps the schema', async () => {
    const bad: unknown[] = [
      'not json',
      [],
      { versions: [] },
      { versions: ['v6'] },
      { versions: ['v5', 'v5'] },
      { drop: { Motie: ['Id'] } },
      { drop: { Document: ['Bogus'] } },
      { drop: { Document: ['Id'] } },
      { drop: { Document: 'Onderwerp' } },
      { versions: ['v5'], extra: true },
    ];
    for (const body of bad) {
      const answer = await control(api, 'POST', '/__mock/tk', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toEqual(expect.any(String));
    }
    expect(() => api.setTkSchema({ versions: [] })).toThrow('versions must be a non-empty list');
    expect(api.tkSchema()).toEqual({ versions: ['v5'], drop: {} });
  });

  it('serves the roots the constants name', () => {
    expect(TK_ROOTS).toEqual({ v5: '/OData/v5', v4: '/OData/v4/2.0' });
  });
});

describe('startMockApi options', () => {
  it('rejects an unknown or empty tkVersions list', async () => {
    await expect(startMockApi({ tkVersions: [] })).rejects.toThrow('tkVersions');
    await expect(startMockApi({ tkVersions: ['v3' as 'v4'] })).rejects.toThrow('unknown TK API version');
  });
});
