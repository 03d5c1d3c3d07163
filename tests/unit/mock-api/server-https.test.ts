import { readdirSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOOP_HOST, TK_HOST } from '../../support/mock-api/faults';
import { type MockApi, startMockApi } from '../../support/mock-api/server';

/** The HTTPS side of the mock API: self-signed certificates per real host name, chosen by SNI. */

let api: MockApi;

beforeAll(async () => {
  api = await startMockApi({ https: true });
});

afterAll(async () => {
  await api.close();
});

function get(servername: string, path: string): Promise<{ status: number; body: string; subject: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: api.httpsPort,
        path,
        servername,
        headers: { host: servername },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const cert = (res.socket as TLSSocket).getPeerCertificate();
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            subject: String(cert.subject?.CN),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('https', () => {
  it('answers OData over TLS with the certificate of the SNI name', async () => {
    const answer = await get(TK_HOST, '/OData/v5/Zaak?$top=1');
    expect(answer.subject).toBe(TK_HOST);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)['@odata.context']).toBe(`https://${TK_HOST}/OData/v5/$metadata#Zaak`);
  });

  it('answers SRU over TLS with the certificate of the SNI name', async () => {
    const answer = await get(KOOP_HOST, '/sru?query=dt.identifier%3D%3Dkst-19637-2375');
    expect(answer.subject).toBe(KOOP_HOST);
    expect(answer.body).toContain('searchRetrieveResponse');
  });

  it('exposes the certificates and removes them on close', async () => {
    expect(api.certificates?.[TK_HOST]).toContain('BEGIN CERTIFICATE');
    const tlsDirs = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('kamerlens-mock-tls-')));
    const before = tlsDirs();
    const other = await startMockApi({ https: true });
    expect(Object.keys(other.certificates ?? {})).toEqual([TK_HOST, KOOP_HOST]);
    const created = [...tlsDirs()].filter((name) => !before.has(name));
    expect(created).toHaveLength(1);
    await other.close();
    expect(tlsDirs().has(created[0] as string)).toBe(false);
  });
});
