import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type FetchErrorKind,
  getJson,
  getText,
  isRetryable,
  parseRetryAfter,
  ServiceError,
  safeMessage,
} from '../../../lib/net/http';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface TestServer {
  url: string;
  /** The request headers, one entry per request. */
  requests: IncomingMessage['headers'][];
}

/** A loopback server on 127.0.0.1 whose answers `route` decides. */
async function serve(route: Route): Promise<TestServer> {
  const requests: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    route(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/Document?$filter=Id eq 1`, requests };
}

const answer =
  (status: number, body = '', headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
    res.end(body);
  };

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('getText', () => {
  it('returns the body of a 2xx answer and sends the Accept header asked for', async () => {
    const server = await serve(answer(200, 'hello'));
    expect(await getText('Test', server.url)).toBe('hello');
    expect(await getText('Test', new URL(server.url), { accept: 'application/xml' })).toBe('hello');
    expect(server.requests.map((headers) => headers.accept)).toEqual([
      'application/json, application/xml;q=0.9',
      'application/xml',
    ]);
  });

  it('uses an injected fetch, called bare (a fetch bound to the wrong object would throw)', async () => {
    const calls: string[] = [];
    const fetchImpl = function (this: unknown, input: RequestInfo | URL) {
      expect(this).toBeUndefined();
      calls.push(String(input));
      return Promise.resolve(new Response('ok'));
    } as typeof fetch;
    expect(await getText('Test', 'https://example.org/x', { fetch: fetchImpl })).toBe('ok');
    expect(calls).toEqual(['https://example.org/x']);
  });

  it('times out a request that never answers', async () => {
    const server = await serve(() => {});
    const error = await failure(getText('Test', server.url, { timeoutMs: 50 }));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, service: 'Test' });
    expect(error.message).toMatch(/^Test: no answer within 50 ms from http:\/\/127\.0\.0\.1:\d+\/api\/Document/);
  });

  it('times out a body that never ends', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"value": [');
    });
    const error = await failure(getText('Test', server.url, { timeoutMs: 80 }));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).toMatch(/did not complete within 80 ms/);
  });

  it('maps a connection reset before the answer to a network error', async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await failure(getText('Test', server.url));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toMatch(/^Test: cannot reach http:\/\/127\.0\.0\.1/);
  });

  it('maps a connection reset in the middle of the body to a network error', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': '100000' });
      res.write('<feed>', () => req.socket.destroy());
    });
    const error = await failure(getText('Test', server.url));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toMatch(/broke off/);
  });

  it('maps a refused connection to a network error that names the cause', async () => {
    const server = await serve(answer(200));
    const closed = servers.pop() as Server;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(getText('Test', server.url));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it.each([404, 410])('maps %i to gone', async (status) => {
    const server = await serve(answer(status, 'Not here'));
    const error = await failure(getText('Test', server.url));
    expect(error).toMatchObject({ kind: 'gone', status, retryable: false });
    expect(error.message).toMatch(new RegExp(`answered ${status}$`));
  });

  it('maps 400 to rejected, quoting the start of the body on one line', async () => {
    const detail = `The query specified in the URI is not valid.\n   The node count limit of '100' has been exceeded. ${'x'.repeat(500)}`;
    const server = await serve(answer(400, detail));
    const error = await failure(getText('Test', server.url));
    expect(error).toMatchObject({ kind: 'rejected', status: 400, retryable: false });
    expect(error.message).toMatch(
      /was rejected \(400\): The query specified in the URI is not valid\. The node count limit of '100' has been exceeded\. x+…$/,
    );
    expect(error.message.length).toBeLessThan(400);
  });

  it('reads Retry-After in seconds from a 429', async () => {
    const server = await serve(answer(429, 'Too Many Requests', { 'Retry-After': '120' }));
    const error = await failure(getText('Test', server.url));
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfter: 120, retryable: true });
    expect(error.message).toMatch(/answered 429 Too Many Requests; retry after 120 s$/);
  });

  it('reads Retry-After as an HTTP date from a 503', async () => {
    const at = new Date(Date.now() + 90_000).toUTCString();
    const server = await serve(answer(503, 'Busy', { 'Retry-After': at }));
    const error = await failure(getText('Test', server.url));
    expect(error).toMatchObject({ kind: 'http', status: 503, retryable: true });
    expect(error.retryAfter).toBeGreaterThanOrEqual(85);
    expect(error.retryAfter).toBeLessThanOrEqual(90);
  });

  it('reads Retry-After as an HTTP date from a 429 too', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const server = await serve(answer(429, '', { 'Retry-After': at }));
    const error = await failure(getText('Test', server.url));
    expect(error.retryAfter).toBeGreaterThanOrEqual(25);
    expect(error.retryAfter).toBeLessThanOrEqual(30);
  });

  it.each([
    [500, true],
    [502, true],
    [403, false],
    [451, false],
    [401, false],
  ])(
    'maps %i to http (retryable: %s), ignoring a Retry-After that is not on a 429 or 503',
    async (status, retryable) => {
      const server = await serve(answer(status, '<html>error</html>', { 'Retry-After': '60' }));
      const error = await failure(getText('Test', server.url));
      expect(error).toMatchObject({ kind: 'http', status, retryable });
      expect(error.retryAfter).toBeUndefined();
    },
  );

  it("rejects with the caller's abort reason, not a ServiceError", async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const pending = getText('Test', server.url, { signal: controller.signal });
    const reason = new Error('tab closed');
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });

  it("rejects with the caller's abort reason in the middle of the body", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.write('{"value": [');
    });
    const controller = new AbortController();
    const pending = getText('Test', server.url, { signal: controller.signal });
    const reason = new Error('worker stopping');
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });

  it('makes no request when the signal has already aborted', async () => {
    const server = await serve(answer(200, 'ok'));
    const reason = new Error('too late');
    await expect(getText('Test', server.url, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a timeout that is not positive', async () => {
    await expect(getText('Test', 'http://127.0.0.1:9/', { timeoutMs: 0 })).rejects.toThrow(RangeError);
  });

  it('never puts the userinfo of a URL in its message', async () => {
    const server = await serve(answer(200, 'ok'));
    const withCredentials = server.url.replace('http://', 'http://anne:s3cr%20t pass@');
    const error = await failure(getText('Test', withCredentials));
    expect(error.message).not.toMatch(/anne|s3cr|pass@/);
    expect(error.message).toContain('http://127.0.0.1:');
  });

  it('cuts long URLs in its message', async () => {
    const server = await serve(answer(404));
    const long = `${server.url}${' or Id eq 2'.repeat(100)}`;
    const error = await failure(getText('Test', long));
    expect(error.message.length).toBeLessThan(260);
    expect(error.message).toMatch(/… answered 404$/);
  });
});

describe('getJson', () => {
  it('parses JSON', async () => {
    const server = await serve(answer(200, '{"value":[1,2]}'));
    expect(await getJson('Test', server.url)).toEqual({ value: [1, 2] });
  });

  it('maps an answer that is not JSON to malformed', async () => {
    const server = await serve(answer(200, '<!DOCTYPE html><html><body>Onderhoud</body></html>'));
    const error = await failure(getJson('Test', server.url));
    expect(error).toMatchObject({ kind: 'malformed', retryable: false });
    expect(error.message).toMatch(/is not valid JSON: "<!DOCTYPE html><html>/);
  });
});

describe('ServiceError', () => {
  it('keeps the positional signature and adds uri and details only when given', () => {
    const error = new ServiceError('KOOP SRU', 'http', 'answered 429', 429, 120);
    expect(error).toMatchObject({ name: 'ServiceError', kind: 'http', status: 429, retryAfter: 120, retryable: true });
    expect(error.message).toBe('KOOP SRU: answered 429');
    expect(error).not.toHaveProperty('uri');
    const diagnostic = new ServiceError('KOOP SRU', 'diagnostic', 'refused', undefined, undefined, {
      uri: 'info:srw/diagnostic/1/16',
      details: 'foo.bar',
    });
    expect(diagnostic).toMatchObject({ uri: 'info:srw/diagnostic/1/16', details: 'foo.bar', retryable: false });
    expect(structuredClone({ retryable: diagnostic.retryable })).toEqual({ retryable: false });
  });

  it('cleans whatever message it is given', () => {
    const error = new ServiceError('Test', 'malformed', 'the answer from https://u:p@example.org/x is not JSON');
    expect(error.message).toBe('Test: the answer from https://example.org/x is not JSON');
  });
});

describe('isRetryable', () => {
  const cases: [FetchErrorKind, number | undefined, string | undefined, boolean][] = [
    ['network', undefined, undefined, true],
    ['timeout', undefined, undefined, true],
    ['http', 429, undefined, true],
    ['http', 500, undefined, true],
    ['http', 503, undefined, true],
    ['http', 599, undefined, true],
    ['http', 408, undefined, false],
    ['http', 431, undefined, false],
    ['http', 403, undefined, false],
    ['http', undefined, undefined, false],
    ['gone', 404, undefined, false],
    ['gone', 410, undefined, false],
    ['rejected', 400, undefined, false],
    ['malformed', undefined, undefined, false],
    ['diagnostic', undefined, 'info:srw/diagnostic/1/1', true],
    ['diagnostic', undefined, 'info:srw/diagnostic/1/2', true],
    ['diagnostic', undefined, 'info:srw/diagnostic/1/52', true],
    ['diagnostic', undefined, 'info:srw/diagnostic/1/10', false],
    ['diagnostic', undefined, 'info:srw/diagnostic/1/16', false],
    ['diagnostic', undefined, 'info:srw/diagnostic/1/61', false],
    ['diagnostic', undefined, undefined, false],
  ];
  it.each(cases)('%s %s %s → %s', (kind, status, uri, retryable) => {
    expect(isRetryable({ kind, status, uri })).toBe(retryable);
    expect(new ServiceError('Test', kind, 'x', status, undefined, uri ? { uri } : {}).retryable).toBe(retryable);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Wed, 01 May 2024 12:01:30 GMT', 90],
    ['Wed, 01 May 2024 11:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %s', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});

describe('safeMessage', () => {
  it.each([
    ['https://anne:secret@example.org/sru?x=1', 'https://example.org/sru?x=1'],
    ['from https://anne@example.org/ and http://b:c@d.nl', 'from https://example.org/ and http://d.nl'],
    ['https://a%40b:c@example.org/', 'https://example.org/'],
    ['mail me at anne@example.org', 'mail me at anne@example.org'],
    ['https://example.org/path@v2', 'https://example.org/path@v2'],
  ])('%j → %j', (message, safe) => {
    expect(safeMessage(message)).toBe(safe);
  });

  it('cuts a URL over 200 characters with an ellipsis, and leaves other text alone', () => {
    const url = `https://example.org/?q=${'a'.repeat(400)}`;
    const text = 'b'.repeat(300);
    const safe = safeMessage(`x ${url} y ${text}`);
    expect(safe).toBe(`x ${url.slice(0, 199)}… y ${text}`);
  });
});
