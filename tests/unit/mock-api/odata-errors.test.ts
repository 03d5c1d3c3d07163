import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../support/mock-api/server';

/** Requests the real service (API v5, the default) refuses are refused by the mock too, with the same status and error shape. */

let api: MockApi;

beforeAll(async () => {
  api = await startMockApi();
});

afterAll(async () => {
  await api.close();
});

async function error(path: string): Promise<{ status: number; message: string }> {
  const res = await fetch(`${api.baseUrl.tk}/${path}`);
  const body = (await res.json()) as { error?: { code: string; message: string } };
  expect(body.error?.code).toBe('');
  return { status: res.status, message: body.error?.message ?? '' };
}

/** `n` clauses `Ondernummer eq i` joined by `or`: 5 nodes each (operator, property, range variable, literal, convert). */
function orChain(n: number): string {
  return Array.from({ length: n }, (_, i) => `Ondernummer eq ${i}`).join(' or ');
}

describe('errors', () => {
  it('answers 400 for an unknown property, in $filter, $select, $orderby and $expand', async () => {
    const filter = await error("Document?$filter=Bogus eq '1'");
    expect(filter.status).toBe(400);
    expect(filter.message).toContain("Could not find a property named 'Bogus' on type 'TK.DA.GGM.OData.Document'");
    expect((await error('Document?$select=Id,Bogus')).status).toBe(400);
    expect((await error('Document?$orderby=Bogus desc')).status).toBe(400);
    expect((await error('Document?$expand=Besluit')).status).toBe(400);
    expect((await error('Zaak?$expand=Besluit($select=Agendapunt_Id)')).status).toBe(400);
  });

  it('answers 400 for incompatible operand types, as the typed server does', async () => {
    const quotedNumber = await error("Document?$filter=Ondernummer eq '2375'");
    expect(quotedNumber.status).toBe(400);
    expect(quotedNumber.message).toContain('incompatible types');
    expect((await error('Zaak?$filter=Nummer eq 2018Z22093')).status).toBe(400);
  });

  it('answers 400 for syntax errors and for a collection used as a single value', async () => {
    expect((await error("Document?$filter=Soort eq 'Motie")).status).toBe(400);
    expect((await error('Document?$filter=Kamerstukdossier/Nummer eq 19637')).status).toBe(400);
    expect((await error('Document?$filter=unknownfn(Soort)')).status).toBe(400);
    expect((await error('Document?$top=-1')).status).toBe(400);
    expect((await error('Document?$bogus=1')).status).toBe(400);
  });

  it('answers 400 when a filter has more than 100 nodes', async () => {
    // 20 clauses: 20 × 5 + 19 `or` = 119 nodes; 16 clauses: 16 × 5 + 15 = 95.
    const tooMany = await error(`Document?$filter=${orChain(20)}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.message).toContain("The node count limit of '100' has been exceeded");
    const res = await fetch(`${api.baseUrl.tk}/Document?$filter=${orChain(16)}&$top=1`);
    expect(res.status).toBe(200);
  });

  it('answers 404 for an unknown entity set, key or path', async () => {
    expect((await error('Motie')).status).toBe(404);
    expect((await error('Document(00000000-0000-0000-0000-000000000000)')).status).toBe(404);
    expect((await error('Document/Zaak')).status).toBe(404);
    const outside = await fetch(api.baseUrl.tk.replace('/OData/v5', '/OData/v3/1.0/Document'));
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toMatch(
      /^No HTTP resource was found that matches the request URI '.*\/OData\/v3\/1\.0\/Document'\.$/,
    );
  });

  it('answers 400 for a key that is not a bare GUID', async () => {
    expect((await error("Document(guid'7a9b77f1-d230-4a00-9856-2f0f8e967e62')")).status).toBe(400);
  });

  it('answers 405 for methods other than GET', async () => {
    const res = await fetch(`${api.baseUrl.tk}/Document`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
  });
});
