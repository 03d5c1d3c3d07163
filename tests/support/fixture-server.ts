import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SITE_HOSTS } from '../../lib/sites';
import { obPage, tkPage } from './corpus-pages';
import { corpusNames, corpusText, HAS_SHARED, PROJECT_ROOT, sharedPath } from './shared';
import { tunnel } from './tunnel';

/**
 * Serves test pages under the real site host names: browsers reach it through host mapping (Chromium's
 * --host-resolver-rules, origin-form requests) or as an HTTP proxy (Firefox's PAC pref, absolute-form requests),
 * and in both cases it answers by the host the browser asked for.
 *
 * - `tests/fixtures/pages/<host>/<name>.html`: hand-written pages, always there;
 * - OB `/<corpus-name>.html` and TK `/kamerstukken/<soort>/detail?did=<corpus-name>`: corpus pages generated from
 *   ../shared at request time;
 * - TK `/kamerstukken/moties/detail?did=2025D31484`: the real saved page in ../shared/reference/pages.
 *
 * One port speaks both HTTPS (the real sites are https only, and Kamerlens runs on https pages only) and plain HTTP
 * (to show that an http page is left alone): the first byte of a connection tells which (22 opens a TLS handshake).
 * Chromium's host mapping sends both schemes to the same port; Firefox's PAC sends both here as to a proxy, and an
 * https page arrives as a CONNECT that is piped back into this same port. The certificate is self-signed for the
 * three site host names (tests only: the browsers are told to accept it).
 */

export const FIXTURE_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages');
export const OB_HOST = 'zoek.officielebekendmakingen.nl';
export const TK_HOST = 'www.tweedekamer.nl';

export interface FixtureServer {
  port: number;
  /** Every request seen, as `host path`, for tests that assert what the browser asked for. */
  requests: string[];
  close(): Promise<void>;
}

function hostFile(host: string, name: string): string | undefined {
  if (!/^[\w.-]+$/.test(name)) return undefined;
  const file = join(FIXTURE_DIR, host, `${name}.html`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A real saved tweedekamer.nl page from ../shared/reference/pages (`tweedekamer-motie-<did>.html`), read in place. */
function savedTkPage(did: string): string | undefined {
  if (!HAS_SHARED || !/^\d{4}D\d{5}$/.test(did)) return undefined;
  const file = sharedPath('reference', 'pages', `tweedekamer-motie-${did}.html`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The page for a host and URL, or undefined for a 404. */
export function pageFor(host: string, url: URL): string | undefined {
  if (host === OB_HOST) {
    const name = url.pathname.match(/^\/([\w.-]+)\.html$/)?.[1];
    if (!name) return undefined;
    return hostFile(host, name) ?? (corpusNames().includes(name) ? obPage(name, corpusText(name)) : undefined);
  }
  if (host === TK_HOST || host === 'tweedekamer.nl') {
    const did = url.searchParams.get('did');
    if (!/^\/kamerstukken\/[\w-]+\/detail$/.test(url.pathname) || !did) return undefined;
    return (
      hostFile(TK_HOST, did) ??
      savedTkPage(did) ??
      (corpusNames().includes(did) ? tkPage(did, corpusText(did)) : undefined)
    );
  }
  return undefined;
}

function handle(req: IncomingMessage, res: ServerResponse, requests: string[]) {
  // Absolute-form (proxy) requests carry the host in the URL; origin-form ones in the Host header.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const host = url.hostname;
  requests.push(`${host} ${url.pathname}${url.search}`);
  const page = pageFor(host, url);
  if (page === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`no fixture for ${host}${url.pathname}${url.search}`);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page);
}

/** One self-signed certificate for all site host names, made with the openssl CLI (as the mock data services do). */
function siteCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kamerlens-sites-tls-'));
  try {
    const keyFile = join(dir, 'sites.key');
    const certFile = join(dir, 'sites.crt');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${SITE_HOSTS[0]}`,
        '-addext',
        `subjectAltName=${SITE_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TLS_HANDSHAKE = 22;

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const requests: string[] = [];
  return { ...(await startSiteServer((req, res) => handle(req, res, requests), port)), requests };
}

/**
 * A server for the site host names on one port, HTTPS and plain HTTP (see the top of this file), answering with
 * `onRequest`: the fixture pages, or a bench's own page.
 */
export async function startSiteServer(
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
  port = 0,
): Promise<Omit<FixtureServer, 'requests'>> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const http = createServer(onRequest);
  const https = createHttpsServer(siteCertificate(), onRequest);
  const front = createNetServer((socket) => {
    track(socket);
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) return;
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? https : http).emit('connection', socket);
    });
  });
  let own = 0;
  // Firefox asks for an https page through its proxy with CONNECT: piped back into this port (as TLS).
  http.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) =>
    tunnel(req, client, head, SITE_HOSTS, own, track),
  );
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(port, '127.0.0.1', resolve);
  });
  own = (front.address() as AddressInfo).port;
  return {
    port: own,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        http.closeAllConnections();
        https.closeAllConnections();
        front.close(() => resolve());
      }),
  };
}
