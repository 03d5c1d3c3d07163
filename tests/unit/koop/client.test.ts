import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKoopClient } from '../../../lib/koop/client';
import { dossierQuery, identifiersQuery } from '../../../lib/koop/sru-query';
import { ServiceError } from '../../../lib/net/http';
import { createSruHandler } from '../../support/mock-api/sru';

type Route = (url: URL, req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface TestServer {
  baseUrl: string;
  /** Every request URL, in order. */
  requests: URL[];
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback HTTP server whose answers `route` decides; by default the SRU mock. */
async function serve(route: Route = sru()): Promise<TestServer> {
  const requests: URL[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    requests.push(url);
    void route(url, req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/sru`, requests };
}

/** The SRU mock, optionally seeing a rewritten URL (to cap page sizes) or answering with a changed body. */
function sru(rewrite: (url: URL) => void = () => {}, body: (text: string) => string = (text) => text): Route {
  const handler = createSruHandler();
  return async (url, req, res) => {
    rewrite(url);
    const answer = await handler(url, req);
    res.writeHead(answer.status, answer.headers);
    res.end(body(String(answer.body)));
  };
}

async function koopError(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect(error).toMatchObject({ service: 'KOOP SRU' });
  return error as ServiceError;
}

const BATCH = ['kst-19637-2375', 'kst-35000-VI-59', 'kst-34482-B', 'h-tk-20182019-27-10', 'stb-2019-143'];

describe('lookup', () => {
  it('fetches a batch of mixed ids in one request', async () => {
    const server = await serve();
    const client = createKoopClient({ baseUrl: server.baseUrl });
    const found = await client.lookup([...BATCH, 'kst-99999-1']);

    expect(server.requests).toHaveLength(1);
    const params = Object.fromEntries(server.requests[0]?.searchParams ?? []);
    expect(params).toEqual({
      operation: 'searchRetrieve',
      version: '2.0',
      query: identifiersQuery([...BATCH, 'kst-99999-1']),
      maximumRecords: '6',
      startRecord: '1',
      recordSchema: 'gzd',
      httpAccept: 'application/xml',
    });

    expect([...found.keys()].sort()).toEqual([...BATCH].sort());
    expect(found.get('kst-35000-VI-59')).toMatchObject({
      type: 'Kamerstuk',
      publicatienaam: 'Kamerstuk',
      dossiernummer: '35000-VI',
      ondernummer: '59',
      vergaderjaar: '2018-2019',
      subrubriek: 'Motie',
      indieners: ['M. Groothuizen'],
      date: '2018-11-22',
      documenttitel: 'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage over de migratieagenda',
      preferredUrl: 'https://zoek.officielebekendmakingen.nl/kst-35000-VI-59.html',
      creator: 'Tweede Kamer der Staten-Generaal',
    });
    expect(found.get('kst-34482-B')).toMatchObject({
      ondernummer: 'B',
      dossiernummer: '34482',
      creator: 'Eerste Kamer der Staten-Generaal',
      date: '2017-06-20',
    });
    expect(found.get('kst-19637-2375')).toMatchObject({ subrubriek: 'Brief', dossiertitel: 'Vreemdelingenbeleid' });
    expect(found.get('h-tk-20182019-27-10')).toMatchObject({
      publicatienaam: 'Handelingen',
      vergaderjaar: '2018-2019',
    });
    expect(found.get('stb-2019-143')).toMatchObject({
      publicatienaam: 'Staatsblad',
      title: 'Besluit tot wijziging van het Vreemdelingenbesluit 2000',
      date: '2019-04-12',
      indieners: [],
    });
  });

  it('follows nextRecordPosition when the server returns fewer records than asked', async () => {
    const server = await serve(sru((url) => url.searchParams.set('maximumRecords', '2')));
    const found = await createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH);
    expect(found.size).toBe(BATCH.length);
    expect(server.requests.map((url) => url.searchParams.get('startRecord'))).toEqual(['1', '3', '5']);
    expect(new Set(server.requests.map((url) => url.searchParams.get('query'))).size).toBe(1);
  });

  it('splits larger batches by maxPerRequest', async () => {
    const server = await serve();
    const found = await createKoopClient({ baseUrl: server.baseUrl, maxPerRequest: 2 }).lookup(BATCH);
    expect(found.size).toBe(BATCH.length);
    expect(server.requests.map((url) => url.searchParams.get('maximumRecords'))).toEqual(['2', '2', '1']);
  });

  it('keeps only the ids asked for, even from a server that returns more', async () => {
    // Token matching (`=`) returns the whole dossier for kst-35000-VI; the map must still hold only what was asked.
    const server = await serve(
      sru((url) => url.searchParams.set('query', 'dt.identifier="kst-35000-VI" OR dt.identifier=="kst-34482-B"')),
    );
    const found = await createKoopClient({ baseUrl: server.baseUrl }).lookup(['kst-35000-VI-59', 'kst-34482-B']);
    expect([...found.keys()].sort()).toEqual(['kst-34482-B', 'kst-35000-VI-59']);
  });

  it('makes no request for an empty batch', async () => {
    const server = await serve();
    expect((await createKoopClient({ baseUrl: server.baseUrl }).lookup(['', ''])).size).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});

describe('search', () => {
  it('pages through a dossier', async () => {
    const server = await serve(sru((url) => url.searchParams.set('maximumRecords', '5')));
    const records = await createKoopClient({ baseUrl: server.baseUrl }).search(
      dossierQuery({ dossiernummer: '35000-VI' }),
    );
    expect(records.length).toBeGreaterThan(1);
    expect(records.every((record) => record.dossiernummer === '35000-VI')).toBe(true);
    expect(new Set(records.map((record) => record.identifier)).size).toBe(records.length);
    expect(server.requests.length).toBe(Math.ceil(records.length / 5));
  });

  it('stops at the limit', async () => {
    const server = await serve();
    const records = await createKoopClient({ baseUrl: server.baseUrl }).search('c.product-area==officielepublicaties', {
      limit: 3,
    });
    expect(records).toHaveLength(3);
    expect(server.requests).toHaveLength(1);
  });
});

describe('failures', () => {
  it('times out a request that never answers', async () => {
    const server = await serve(() => {});
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl, timeoutMs: 50 }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('times out a body that never ends', async () => {
    const server = await serve((_url, _req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.write('<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">');
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl, timeoutMs: 50 }).lookup(BATCH));
    expect(error.kind).toBe('timeout');
  });

  it("rejects with the caller's abort reason, not a ServiceError", async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const pending = createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH, controller.signal);
    const reason = new Error('tab closed');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it.each([
    [500, 'http', true],
    [503, 'http', true],
    [403, 'http', false],
    [404, 'gone', false],
    [410, 'gone', false],
    [400, 'rejected', false],
  ])('maps HTTP %i to %s (retryable: %s), as lib/net/http does for every service', async (status, kind, retryable) => {
    const server = await serve((_url, _req, res) => {
      res.writeHead(status, { 'Content-Type': 'text/html' });
      res.end('<html><body>error</body></html>');
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind, status, retryable });
    expect(error.message).toMatch(
      new RegExp(`^KOOP SRU: http://127\\.0\\.0\\.1:\\d+/sru\\?operation=searchRetrieve.*${status}`),
    );
    expect(error.message.length).toBeLessThan(300);
  });

  it('reads Retry-After from a 429', async () => {
    const server = await serve((_url, _req, res) => {
      res.writeHead(429, { 'Retry-After': '120' });
      res.end('Too Many Requests');
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfter: 120, retryable: true });
  });

  it('reads Retry-After as a date from a 503 (KOOP answers deep paging with 503s)', async () => {
    const server = await serve((_url, _req, res) => {
      res.writeHead(503, { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() });
      res.end('Service Unavailable');
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).search('dt.type==Kamerstuk'));
    expect(error).toMatchObject({ kind: 'http', status: 503, retryable: true });
    expect(error.retryAfter).toBeGreaterThan(50);
  });

  it('maps a connection reset before the answer to a network error', async () => {
    const server = await serve((_url, req) => {
      req.socket.destroy();
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('maps a connection reset in the middle of the body to a network error', async () => {
    const server = await serve((_url, req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': '100000' });
      res.write('<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">', () =>
        req.socket.destroy(),
      );
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('maps a refused connection to a network error', async () => {
    const server = await serve();
    const closed = servers.pop() as Server;
    await new Promise((resolve) => closed.close(resolve));
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('asks for XML', async () => {
    const accept: (string | undefined)[] = [];
    const mock = sru();
    const server = await serve((url, req, res) => {
      accept.push(req.headers.accept);
      return mock(url, req, res);
    });
    await createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH);
    expect(accept).toEqual(['application/xml, text/xml;q=0.9']);
  });

  it('turns SRU diagnostics into a diagnostic error', async () => {
    const server = await serve();
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).search('foo.bar==1'));
    expect(error).toMatchObject({
      kind: 'diagnostic',
      uri: 'info:srw/diagnostic/1/16',
      details: 'foo.bar',
      retryable: false,
    });
    expect(error.message).toBe('KOOP SRU: refused the request: Unsupported index (foo.bar) [info:srw/diagnostic/1/16]');
  });

  it('treats "system temporarily unavailable" as worth retrying', async () => {
    const server = await serve((_url, _req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(`<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">
        <sru:version>2.0</sru:version><sru:numberOfRecords>0</sru:numberOfRecords>
        <sru:diagnostics><diag:diagnostic xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic">
          <diag:uri>info:srw/diagnostic/1/2</diag:uri><diag:message>System temporarily unavailable</diag:message>
        </diag:diagnostic></sru:diagnostics></sru:searchRetrieveResponse>`);
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'diagnostic', uri: 'info:srw/diagnostic/1/2', retryable: true });
  });

  it('reports a cut-off response as malformed', async () => {
    const server = await serve(sru(undefined, (text) => text.slice(0, Math.floor(text.length / 2))));
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'malformed', retryable: false });
    expect(error.message).toMatch(/^KOOP SRU: the response is cut off: unexpected end of document/);
  });

  it('reports an HTML page with status 200 as malformed, naming its DOCTYPE', async () => {
    const server = await serve((_url, _req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>Onderhoud</title></head><body></body></html>');
    });
    const error = await koopError(createKoopClient({ baseUrl: server.baseUrl }).lookup(BATCH));
    expect(error).toMatchObject({ kind: 'malformed', retryable: false });
    expect(error.message).toBe(
      'KOOP SRU: the response is not readable XML: the document declares a DOCTYPE (html), which is not accepted (line 1, column 1)',
    );
  });
});

describe('options', () => {
  it.each([{ maxPerRequest: 0 }, { maxPerRequest: 1001 }, { maxPerRequest: 1.5 }, { timeoutMs: 0 }])(
    'rejects %o',
    (options) => {
      expect(() => createKoopClient(options)).toThrow(RangeError);
    },
  );
});
