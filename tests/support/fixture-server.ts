import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { obPage, tkPage } from './corpus-pages';
import { corpusNames, corpusText, HAS_SHARED, PROJECT_ROOT, sharedPath } from './shared';

/**
 * Serves test pages under the real site host names: browsers reach it through host mapping (Chromium's
 * --host-resolver-rules, origin-form requests) or as an HTTP proxy (Firefox's PAC pref, absolute-form requests),
 * and in both cases it answers by the host the browser asked for.
 *
 * - `tests/fixtures/pages/<host>/<name>.html`: hand-written pages, always there;
 * - OB `/<corpus-name>.html` and TK `/kamerstukken/<soort>/detail?did=<corpus-name>`: corpus pages generated from
 *   ../shared at request time;
 * - TK `/kamerstukken/moties/detail?did=2025D31484`: the real saved page in ../shared/reference/pages.
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

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => handle(req, res, requests));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
