import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KOOP_HOST, TK_HOST } from '../../support/mock-api/faults';
import { type MockApi, startMockApi } from '../../support/mock-api/server';

/** Host dispatch, fault switches and control endpoints of the mock API server. */

let api: MockApi;

beforeAll(async () => {
  api = await startMockApi();
});

afterEach(() => {
  api.resetFaults();
  api.clearRequests();
});

afterAll(async () => {
  await api.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with a chosen Host header (fetch does not let one set it). */
function send(
  path: string,
  options: { host?: string; method?: string; body?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: api.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          ...(options.host ? { host: options.host } : {}),
          ...(options.body ? { 'content-type': 'application/json' } : {}),
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    if (options.timeoutMs) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

const TK_PATH = '/OData/v5/Document?$top=1';
const SRU_QUERY = '/sru?query=dt.identifier%3D%3Dkst-19637-2375';

describe('dispatch', () => {
  it('routes by Host header to OData and SRU', async () => {
    const tk = await send(TK_PATH, { host: TK_HOST });
    expect(tk.status).toBe(200);
    expect(JSON.parse(tk.body)['@odata.context']).toBe(`http://${TK_HOST}/OData/v5/$metadata#Document`);
    const koop = await send(SRU_QUERY, { host: KOOP_HOST });
    expect(koop.status).toBe(200);
    expect(koop.body).toContain('searchRetrieveResponse');
    expect((await send('/OData/v5/Document', { host: KOOP_HOST })).status).toBe(404);
    expect((await send('/sru', { host: TK_HOST })).status).toBe(404);
  });

  it('routes by path prefix when addressed as 127.0.0.1', async () => {
    expect((await fetch(`${api.baseUrl.tk}/Document?$top=1`)).status).toBe(200);
    const koop = await fetch(`${api.baseUrl.koop}?query=dt.identifier%3D%3Dkst-19637-2375`);
    expect(await koop.text()).toContain('searchRetrieveResponse');
    expect((await fetch(`http://127.0.0.1:${api.port}/elsewhere`)).status).toBe(404);
  });

  it('logs API requests with host, method, path and time', async () => {
    await send(TK_PATH, { host: TK_HOST });
    await fetch(`${api.baseUrl.koop}?query=x`);
    expect(api.requests.map((r) => [r.host, r.method, r.url])).toEqual([
      [TK_HOST, 'GET', TK_PATH],
      [KOOP_HOST, 'GET', '/sru?query=x'],
    ]);
    expect(api.requests[0]?.time).toEqual(expect.any(Number));
  });
});

describe('faults', () => {
  it('error500 applies `times` requests, then the host is ok again', async () => {
    api.setFault('tk', { mode: 'error500', times: 2 });
    const first = await send(TK_PATH);
    expect(first.status).toBe(500);
    expect(JSON.parse(first.body)).toEqual({ error: { code: '', message: expect.any(String) } });
    expect((await send(TK_PATH)).status).toBe(500);
    expect((await send(TK_PATH)).status).toBe(200);
  });

  it('faults one host only', async () => {
    api.setFault('koop', { mode: 'error500' });
    expect((await send(TK_PATH)).status).toBe(200);
    expect((await send(SRU_QUERY)).status).toBe(500);
    expect((await send(SRU_QUERY)).status).toBe(500);
  });

  it('rateLimit429 carries Retry-After: 1', async () => {
    api.setFault(TK_HOST, { mode: 'rateLimit429', times: 1 });
    const limited = await send(TK_PATH);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
  });

  it('slow answers normally after the delay', async () => {
    api.setFault('tk', { mode: 'slow', delayMs: 20 });
    const slow = await send(TK_PATH);
    expect(slow.status).toBe(200);
    expect(JSON.parse(slow.body).value).toHaveLength(1);
  });

  it('timeout never answers', async () => {
    api.setFault('tk', { mode: 'timeout', times: 1 });
    await expect(send(TK_PATH, { timeoutMs: 200 })).rejects.toThrow('client timeout');
    expect((await send(TK_PATH)).status).toBe(200);
  });

  it('malformed truncates the body: invalid JSON for OData, invalid XML for SRU', async () => {
    api.setFault('tk', { mode: 'malformed', times: 1 });
    const broken = await send(TK_PATH);
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.body)).toThrow();
    const whole = await send(SRU_QUERY);
    api.setFault('koop', { mode: 'malformed', times: 1 });
    const brokenXml = await send(SRU_QUERY);
    expect(brokenXml.body.length).toBeLessThan(whole.body.length);
    const root = /<\/[\w:]*searchRetrieveResponse>\s*$/;
    expect(whole.body).toMatch(root);
    expect(brokenXml.body).not.toMatch(root);
  });

  it('reset destroys the socket', async () => {
    api.setFault('tk', { mode: 'reset', times: 1 });
    await expect(send(TK_PATH)).rejects.toThrow();
    await expect(fetch(`${api.baseUrl.tk}/Document?$top=1`).then((r) => r.status)).resolves.toBe(200);
  });

  it('gone404 and gone410 answer 404 and 410', async () => {
    api.setFault('tk', { mode: 'gone404', times: 1 });
    expect((await send(TK_PATH)).status).toBe(404);
    api.setFault('tk', { mode: 'gone410', times: 1 });
    expect((await send(TK_PATH)).status).toBe(410);
    expect((await send(TK_PATH)).status).toBe(200);
  });
});

describe('control endpoints', () => {
  it('POST /__mock/fault sets a fault for the named host, or the host addressed', async () => {
    const set = await send('/__mock/fault', {
      method: 'POST',
      body: JSON.stringify({ host: 'tk', mode: 'gone410', times: 1 }),
    });
    expect(set.status).toBe(200);
    expect(JSON.parse(set.body).faults[TK_HOST]).toMatchObject({ mode: 'gone410', remaining: 1 });
    expect((await send(TK_PATH)).status).toBe(410);
    await send('/__mock/fault', {
      host: KOOP_HOST,
      method: 'POST',
      body: JSON.stringify({ mode: 'error500', times: 1 }),
    });
    expect((await send(SRU_QUERY, { host: KOOP_HOST })).status).toBe(500);
    expect((await send(SRU_QUERY, { host: KOOP_HOST })).status).toBe(200);
  });

  it('POST /__mock/fault rejects bad input', async () => {
    const post = (body: string) => send('/__mock/fault', { method: 'POST', body });
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ mode: 'error500' }))).status).toBe(400);
    expect((await post(JSON.stringify({ host: 'tk', mode: 'explode' }))).status).toBe(400);
    expect((await post(JSON.stringify({ host: 'tk', mode: 'error500', times: 0 }))).status).toBe(400);
  });

  it('GET /__mock/requests returns the log, POST /__mock/reset clears log and faults', async () => {
    await send(TK_PATH);
    await send(SRU_QUERY);
    const log = JSON.parse((await send('/__mock/requests')).body) as { host: string; url: string }[];
    expect(log.map((r) => r.host)).toEqual([TK_HOST, KOOP_HOST]);
    const onlyTk = JSON.parse((await send('/__mock/requests?host=tk')).body) as unknown[];
    expect(onlyTk).toHaveLength(1);
    api.setFault('tk', { mode: 'error500' });
    expect((await send('/__mock/reset', { method: 'POST' })).status).toBe(200);
    expect(JSON.parse((await send('/__mock/requests')).body)).toEqual([]);
    expect((await send(TK_PATH)).status).toBe(200);
  });
});
