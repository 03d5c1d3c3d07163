import { describe, expect, it } from 'vitest';
import { type Row, useMockApi } from '../../support/mock-api/test-helpers';

/**
 * Server-driven paging of the mock TK OData service v4/2.0: 250 per page, opaque skiptoken nextLinks, none with
 * $top. (v5 pages at 100: odata-versions.test.ts.)
 */

const mockApi = useMockApi({ tkVersions: ['v4'] });
interface Envelope {
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Row[];
}

async function getUrl(url: string): Promise<{ status: number; body: Envelope }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Envelope };
}

describe('paging', () => {
  it('pages listings at 250 with a skiptoken nextLink, followed verbatim to the end', async () => {
    let url: string | undefined = `${mockApi().baseUrl.tk}/Document?$filter=Kamer eq 2&$count=true`;
    const ids: string[] = [];
    let pages = 0;
    let total = 0;
    while (url) {
      const { status, body } = await getUrl(url);
      expect(status).toBe(200);
      pages++;
      total = body['@odata.count'] ?? total;
      expect(body.value.length).toBeLessThanOrEqual(250);
      ids.push(...body.value.map((d) => d.Id as string));
      url = body['@odata.nextLink'];
      if (url) {
        expect(url.startsWith(`${mockApi().baseUrl.tk}/Document?`)).toBe(true);
        expect(new URL(url).searchParams.get('$skiptoken')).toBeTruthy();
        expect(new URL(url).searchParams.has('$skip')).toBe(false);
      }
    }
    expect(pages).toBe(Math.ceil(total / 250));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(total).toBeGreaterThan(600);
  });

  it('lists tombstones unless the client filters Verwijderd eq false', async () => {
    const count = async (filter: string) =>
      (await getUrl(`${mockApi().baseUrl.tk}/Document?$filter=${filter}&$count=true&$top=0`)).body['@odata.count'];
    const all = await count('Verwijderd eq true or Verwijderd eq false');
    const live = await count('Verwijderd eq false');
    const dead = await count('Verwijderd eq true');
    expect(dead).toBe(3);
    expect(all).toBe((live ?? 0) + (dead ?? 0));
    const { body } = await getUrl(`${mockApi().baseUrl.tk}/Document?$filter=Verwijderd eq true`);
    for (const tomb of body.value) {
      expect(tomb.Soort).toBeNull();
      expect(tomb.DocumentNummer).toBeNull();
      expect(tomb.Kamer).toBeNull();
      expect(tomb.ApiGewijzigdOp).toEqual(expect.any(String));
    }
  });

  it('gives no nextLink with an explicit $top (issue #70), and never more than 250 rows', async () => {
    const small = await getUrl(`${mockApi().baseUrl.tk}/Document?$top=10`);
    expect(small.body.value).toHaveLength(10);
    expect(small.body['@odata.nextLink']).toBeUndefined();
    const large = await getUrl(`${mockApi().baseUrl.tk}/Document?$top=600`);
    expect(large.body.value).toHaveLength(250);
    expect(large.body['@odata.nextLink']).toBeUndefined();
  });

  it('keeps $skip and pages after it', async () => {
    const { body } = await getUrl(`${mockApi().baseUrl.tk}/Document?$skip=100&$count=true`);
    const next = body['@odata.nextLink'];
    expect(next).toBeDefined();
    const second = await getUrl(next as string);
    const seen = body.value.length + second.body.value.length;
    expect(seen).toBe(Math.min((body['@odata.count'] ?? 0) - 100, 500));
  });

  it('rejects a skiptoken taken to another query', async () => {
    const { body } = await getUrl(`${mockApi().baseUrl.tk}/Document`);
    const token = new URL(body['@odata.nextLink'] as string).searchParams.get('$skiptoken');
    const { status } = await getUrl(`${mockApi().baseUrl.tk}/Document?$filter=Kamer eq 2&$skiptoken=${token}`);
    expect(status).toBe(400);
  });

  it('pages a large expanded collection with its own nextLink to the navigation path', async () => {
    const { body } = await getUrl(
      `${mockApi().baseUrl.tk}/Kamerstukdossier?$filter=Nummer eq 21501 and Toevoeging eq '20'&$expand=Document($select=Id)`,
    );
    const [dossier] = body.value;
    const first = dossier?.Document as Row[];
    expect(first).toHaveLength(250);
    let url = dossier?.['Document@odata.nextLink'] as string | undefined;
    expect(url).toContain(`/Kamerstukdossier(${dossier?.Id})/Document?`);
    const ids = first.map((d) => d.Id);
    while (url) {
      const page = await getUrl(url);
      expect(page.status).toBe(200);
      ids.push(...page.body.value.map((d) => d.Id));
      url = page.body['@odata.nextLink'];
    }
    expect(ids.length).toBeGreaterThan(250);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dossier?.HoogsteVolgnummer).toBeGreaterThanOrEqual(1265);
  });
});
