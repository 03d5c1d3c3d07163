import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import { promisify } from 'node:util';
import {
  DEFAULT_SLOW_MS,
  type Fault,
  FaultBoard,
  KOOP_HOST,
  type MockHost,
  type MockHostName,
  parseFault,
  resolveHost,
  TK_HOST,
  truncateBody,
} from './faults';
import { createSruHandler } from './sru';
import { TkService } from './tk-service';
import {
  DEFAULT_TK_VERSIONS,
  parseTkSchemaChange,
  parseTkVersions,
  TK_ROOTS,
  type TkSchema,
  type TkSchemaChange,
  type TkVersion,
} from './tk-versions';
import type { MockHandler, MockResponse } from './types';

export {
  DEFAULT_TK_VERSIONS,
  TK_ROOTS,
  TK_V5_RENAMES,
  type TkSchema,
  type TkSchemaChange,
  type TkVersion,
} from './tk-versions';

/**
 * Local stand-ins for the Tweede Kamer OData API and KOOP's SRU service, so API clients are tested against
 * servers that answer like the real ones, including their failures (see faults.ts).
 *
 * One HTTP server (and optionally one HTTPS server with self-signed certificates for the real host names)
 * dispatches by Host header — `gegevensmagazijn.tweedekamer.nl` → OData API v5 at `/OData/v5/…` (and v4/2.0 at
 * `/OData/v4/2.0/…` when asked for, see tk-versions.ts), `repository.overheid.nl` → SRU at `/sru` — and, when
 * addressed as 127.0.0.1 (clients with a configurable base URL), by path prefix. Every mock host also answers the
 * control endpoints under `/__mock/`.
 */

/** Root of the default TK API version (v5). */
export const TK_SERVICE_ROOT = TK_ROOTS.v5;
export const SRU_PATH = '/sru';

export interface MockRequest {
  /** The mock host the request went to (or the Host header when it matched none). */
  host: string;
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Epoch milliseconds. */
  time: number;
}

export interface StartMockApiOptions {
  /** Also serve HTTPS (self-signed certificates for both host names, made with the openssl CLI). */
  https?: boolean;
  /** HTTP port; 0 or unset picks a free one. */
  port?: number;
  /** HTTPS port; 0 or unset picks a free one. */
  httpsPort?: number;
  /**
   * TK OData API versions to serve (default `['v5']`); a version not listed answers 404 at its root, as the
   * retired v4/2.0 does in production. The first one is `baseUrl.tk`.
   */
  tkVersions?: TkVersion[];
}

export interface MockApi {
  port: number;
  httpsPort?: number;
  /**
   * Base URLs over HTTP on 127.0.0.1: `tk` is the root of the first TK version running (follows `setTkSchema`),
   * `tkV5` is `…/OData/v5` and `tkV4` `…/OData/v4/2.0` (whether or not they run), `koop` is `…/sru`.
   */
  baseUrl: { readonly tk: string; tkV5: string; tkV4: string; koop: string };
  /** PEM certificate per host name when HTTPS is on, for clients that want to trust it instead of ignoring it. */
  certificates?: Record<MockHostName, string>;
  /** Every API request seen (control requests excluded), oldest first; a live array. */
  requests: MockRequest[];
  setFault(host: MockHost, fault: Fault): void;
  resetFaults(): void;
  /**
   * Changes the TK schema without a restart: which versions run, and properties to drop (entity type → names as
   * the version calls them; dropped from `$metadata` and the data in every running version that has them, so a
   * query naming one gets a 400). Fields given replace the current ones. Same as `POST /__mock/tk`.
   */
  setTkSchema(change: TkSchemaChange): TkSchema;
  /** The TK schema in force, as `GET /__mock/tk` gives it. */
  tkSchema(): TkSchema;
  /** Back to the TK schema the server started with (also done by `POST /__mock/reset`). */
  resetTkSchema(): void;
  clearRequests(): void;
  close(): Promise<void>;
}

const execFileAsync = promisify(execFile);

/** The mock host a request is for: by Host name, else (127.0.0.1, localhost, a proxy) by path prefix. */
function serviceFor(hostname: string, pathname: string): MockHostName | undefined {
  const byName = resolveHost(hostname);
  if (byName) return byName;
  const path = pathname.toLowerCase();
  if (path === '/odata' || path.startsWith('/odata/')) return TK_HOST;
  if (path === SRU_PATH || path.startsWith(`${SRU_PATH}/`)) return KOOP_HOST;
  return undefined;
}

function send(res: ServerResponse, response: MockResponse): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) });
}

/** What each host answers for a given failure status: an OData error body for TK, an HTML page for KOOP. */
function failure(host: MockHostName, status: number, text: string, headers: Record<string, string> = {}): MockResponse {
  if (host === TK_HOST) {
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify({ error: { code: '', message: text } }),
    };
  }
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
    body: `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status}</h1><p>${text}</p></body></html>`,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 65536) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function makeCertificates(dir: string): Promise<Record<MockHostName, { key: string; cert: string }>> {
  const out = {} as Record<MockHostName, { key: string; cert: string }>;
  for (const host of [TK_HOST, KOOP_HOST] as const) {
    const keyFile = join(dir, `${host}.key`);
    const certFile = join(dir, `${host}.crt`);
    try {
      await execFileAsync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${host}`,
        '-addext',
        `subjectAltName=DNS:${host}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ]);
    } catch (error) {
      throw new Error(`mock API: could not create a TLS certificate with the openssl CLI: ${(error as Error).message}`);
    }
    out[host] = { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  }
  return out;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startMockApi(options: StartMockApiOptions = {}): Promise<MockApi> {
  const versions = parseTkVersions(options.tkVersions ?? DEFAULT_TK_VERSIONS);
  if (typeof versions === 'string') throw new Error(`mock API: tkVersions: ${versions}`);
  const board = new FaultBoard();
  const requests: MockRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const tk = new TkService({ versions, drop: {} });
  const handlers: Record<MockHostName, MockHandler> = {
    [TK_HOST]: tk.handle,
    [KOOP_HOST]: createSruHandler(),
  };

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const action = `${req.method} ${url.pathname}`;
    if (action === 'GET /__mock/requests') {
      const host = url.searchParams.get('host');
      const wanted = host ? (resolveHost(host) ?? host) : undefined;
      sendJson(
        res,
        200,
        requests.filter((r) => !wanted || r.host === wanted),
      );
    } else if (action === 'POST /__mock/reset') {
      board.reset();
      tk.reset();
      requests.length = 0;
      sendJson(res, 200, { ok: true });
    } else if (action === 'GET /__mock/tk') {
      sendJson(res, 200, tk.snapshot());
    } else if (action === 'POST /__mock/tk') {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        sendJson(res, 400, {
          error: 'body must be JSON: {"versions"?: ["v5"|"v4", …], "drop"?: {"<type>": ["<property>", …]}}',
        });
        return;
      }
      const change = parseTkSchemaChange(body);
      if (typeof change === 'string') {
        sendJson(res, 400, { error: change });
        return;
      }
      sendJson(res, 200, tk.set(change));
    } else if (action === 'GET /__mock/fault') {
      sendJson(res, 200, { faults: board.snapshot() });
    } else if (action === 'POST /__mock/fault') {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        sendJson(res, 400, { error: 'body must be JSON: {"host"?, "mode", "times"?, "delayMs"?}' });
        return;
      }
      const named = (body as { host?: unknown } | null)?.host;
      const host = typeof named === 'string' ? resolveHost(named) : resolveHost(url.hostname);
      if (!host) {
        sendJson(res, 400, { error: `"host" must be one of tk, koop, ${TK_HOST}, ${KOOP_HOST}` });
        return;
      }
      const fault = parseFault(body);
      if (typeof fault === 'string') {
        sendJson(res, 400, { error: fault });
        return;
      }
      board.set(host, fault);
      sendJson(res, 200, { faults: board.snapshot() });
    } else {
      sendJson(res, 404, { error: `unknown control endpoint ${action}` });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): Promise<void> {
    // Absolute-form requests (the server used as a proxy) carry the host in the URL; others in the Host header.
    const raw = req.url ?? '/';
    const url = /^https?:\/\//i.test(raw)
      ? new URL(raw)
      : new URL(raw, `${scheme}://${req.headers.host ?? '127.0.0.1'}`);
    if (url.pathname.startsWith('/__mock/')) {
      await control(req, res, url);
      return;
    }
    const service = serviceFor(url.hostname, url.pathname);
    requests.push({
      host: service ?? url.hostname,
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      time: Date.now(),
    });
    if (!service) {
      send(res, {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `no mock for ${url.host}${url.pathname}`,
      });
      return;
    }
    const fault = board.take(service);
    switch (fault.mode) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'timeout':
        // Never answered; the socket is destroyed when the server closes.
        return;
      case 'error500':
        send(res, failure(service, 500, 'An error has occurred.'));
        return;
      case 'rateLimit429':
        send(res, failure(service, 429, 'Too Many Requests', { 'retry-after': '1' }));
        return;
      case 'gone404':
        send(res, failure(service, 404, 'Not Found'));
        return;
      case 'gone410':
        send(res, failure(service, 410, 'Gone'));
        return;
      case 'slow':
        await delay(fault.delayMs ?? DEFAULT_SLOW_MS);
        if (res.destroyed) return;
        break;
      default:
        break;
    }
    // The TK service answers every path itself: its versions' roots, and OData's 404 elsewhere.
    const isServicePath = service === TK_HOST || url.pathname === SRU_PATH || url.pathname === `${SRU_PATH}/`;
    const response = isServicePath ? await handlers[service](url, req) : failure(service, 404, 'Not Found');
    send(res, fault.mode === 'malformed' ? { ...response, body: truncateBody(response.body) } : response);
  }

  function onRequest(scheme: 'http' | 'https') {
    return (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res, scheme).catch((error: Error) => {
        if (!res.headersSent) sendJson(res, 500, { error: `mock API failure: ${error.message}` });
        else res.destroy();
      });
    };
  }

  const http = createHttpServer(onRequest('http'));
  const port = await listen(http, options.port ?? 0);
  const servers: Server[] = [http];

  let httpsPort: number | undefined;
  let certificates: Record<MockHostName, string> | undefined;
  let certDir: string | undefined;
  if (options.https) {
    certDir = await mkdtemp(join(tmpdir(), 'kamerlens-mock-tls-'));
    const certs = await makeCertificates(certDir);
    const contexts = new Map<string, SecureContext>(
      Object.entries(certs).map(([host, pair]) => [host, createSecureContext(pair)]),
    );
    const https = createHttpsServer(
      {
        ...certs[TK_HOST],
        // Each host name gets its own certificate, as the real services have.
        SNICallback: (servername, callback) =>
          callback(null, contexts.get(servername.toLowerCase()) ?? contexts.get(TK_HOST)),
      },
      onRequest('https'),
    );
    httpsPort = await listen(https, options.httpsPort ?? 0);
    servers.push(https);
    certificates = { [TK_HOST]: certs[TK_HOST].cert, [KOOP_HOST]: certs[KOOP_HOST].cert };
  }

  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    ...(httpsPort !== undefined ? { httpsPort } : {}),
    baseUrl: {
      get tk() {
        return `${origin}${TK_ROOTS[tk.snapshot().versions[0] ?? 'v5']}`;
      },
      tkV5: `${origin}${TK_ROOTS.v5}`,
      tkV4: `${origin}${TK_ROOTS.v4}`,
      koop: `${origin}${SRU_PATH}`,
    },
    ...(certificates ? { certificates } : {}),
    requests,
    setFault: (host, fault) => board.set(host, fault),
    resetFaults: () => board.reset(),
    setTkSchema: (change) => tk.set(change),
    tkSchema: () => tk.snapshot(),
    resetTkSchema: () => tk.reset(),
    clearRequests: () => {
      requests.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
      if (certDir) await rm(certDir, { recursive: true, force: true });
    },
  };
}
