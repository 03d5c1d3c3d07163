import { randomUUID } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DATA_HOSTS, SITE_HOSTS } from '../../lib/sites';
import { type BrowserKind, browserPath } from '../support/browsers';
import { tunnel } from '../support/tunnel';
import { buildExtension, OUTPUT_DIR, type Target } from './build';

/**
 * Launches a real browser with the built extension loaded and the site host names routed to a local server:
 * Chromium headless over CDP with --host-resolver-rules; Firefox ESR over WebDriver BiDi with a PAC proxy pref and
 * the extension installed as a temporary add-on. Every session's profile lives in its own temp dir, removed on
 * close, and any session still open when the process exits is killed, so no browser or profile is left behind.
 *
 * With `dataPort` the real data hosts reach the mock data services' HTTPS port: Chromium maps them there and
 * ignores certificate errors; Firefox's PAC sends them to a CONNECT tunnel started here (the mock answers no
 * CONNECT) that pipes each tunnel to that port, and the session accepts insecure certificates (WebDriver's
 * acceptInsecureCerts, which in Firefox covers every request of the profile, the extension's background too).
 */

export interface Session {
  kind: BrowserKind;
  browser: Browser;
  /** The profile directory, removed by close() unless the caller gave it (LaunchOptions.profile). */
  profile: string;
  keepProfile: boolean;
  /** Opens a URL in a fresh tab and waits until Kamerlens has finished its first pass over the page. */
  open(url: string): Promise<Page>;
  /**
   * The extension's origin (`chrome-extension://<id>`, `moz-extension://<uuid>`): Chromium's id from the service
   * worker's URL; Firefox's internal UUID is set by the session (pref `extensions.webextensions.uuids`).
   */
  extensionOrigin(): Promise<string>;
  /** Opens the extension's options page in a fresh tab and waits until it has rendered. */
  openOptions(): Promise<Page>;
  /** Opens an extension page (`/popup.html?tab=3`) in a fresh tab and waits until `ready` is in it. */
  openExtensionPage(path: string, ready: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Port of the fixture server the site hosts are routed to. */
  port: number;
  /**
   * HTTPS port of the mock data services (tests/support/mock-api): when set, both browsers send the real data hosts
   * (gegevensmagazijn.tweedekamer.nl, repository.overheid.nl) there and accept its self-signed certificates —
   * Chromium by host mapping, Firefox through a CONNECT tunnel (see above).
   */
  dataPort?: number;
  headless?: boolean;
  /**
   * A profile directory to use and keep (close() leaves it): a second launch on it is the same browser restarted,
   * with the extension's data where it was (the notes tests). The caller removes it. Default: a fresh temp profile.
   */
  profile?: string;
  /**
   * Changes the session's copy of the build before the browser loads it (the bench: the same extension with a
   * content script that is parsed but never run). Chromium only.
   */
  alterBuild?: (extensionDir: string) => void;
  /** Extra Firefox prefs (Firefox has no media emulation over WebDriver BiDi: dark mode is a pref there). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

/** One answer of the mock data services' HTTPS server, as it went out. */
export interface Answer {
  host: string;
  /** Path and query as asked. */
  url: string;
  status: number;
}

/**
 * What the mock data services answered the browser, seen from the test side: Node publishes every finished server
 * response on the `http.server.response.finish` diagnostics channel, and the mock runs in the test's process, so
 * the status of each request is known without changing the mock. Keeps the answers on `httpsPort` (the port the
 * sessions' data hosts are routed to) for the data hosts, oldest first.
 */
export function watchAnswers(httpsPort: number): { answers: Answer[]; stop(): void } {
  const answers: Answer[] = [];
  const onFinish = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    if (request.socket?.localPort !== httpsPort) return;
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!(DATA_HOSTS as readonly string[]).includes(host)) return;
    answers.push({ host, url: request.url ?? '', status: response.statusCode });
  };
  subscribe('http.server.response.finish', onFinish);
  return { answers, stop: () => unsubscribe('http.server.response.finish', onFinish) };
}

const open = new Set<Session>();
process.once('exit', () => {
  for (const session of open) {
    session.browser.process()?.kill('SIGKILL');
    if (!session.keepProfile) rmSync(session.profile, { recursive: true, force: true });
  }
});

/** Chromium flags for a closed network: no background services that would hammer unreachable Google hosts. */
const QUIET_CHROMIUM = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-quic',
  '--disable-gpu',
];

function hostRules(port: number, dataPort?: number): string {
  // Data hosts first: `*.tweedekamer.nl` below would otherwise catch gegevensmagazijn.tweedekamer.nl.
  const data = dataPort === undefined ? [] : DATA_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${dataPort}`);
  // Both schemes of a site go to the fixture server's one port, which tells TLS from plain HTTP.
  const sites = SITE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`);
  return [...data, ...sites, `MAP *.tweedekamer.nl 127.0.0.1:${port}`].join(',');
}

function pacScript(port: number, tunnelPort?: number): string {
  const hosts = JSON.stringify(SITE_HOSTS);
  // Data hosts first: `.tweedekamer.nl` below would otherwise catch gegevensmagazijn.tweedekamer.nl.
  const data =
    tunnelPort === undefined
      ? ''
      : `if (${JSON.stringify(DATA_HOSTS)}.indexOf(host) >= 0) return 'PROXY 127.0.0.1:${tunnelPort}';\n    `;
  return `function FindProxyForURL(url, host) {
    ${data}if (${hosts}.indexOf(host) >= 0 || dnsDomainIs(host, '.tweedekamer.nl')) return 'PROXY 127.0.0.1:${port}';
    return 'DIRECT';
  }`;
}

interface Tunnel {
  port: number;
  close(): Promise<void>;
}

/**
 * A minimal HTTP CONNECT proxy for Firefox: a tunnel to one of the data hosts on port 443 is piped to `targetPort`
 * on 127.0.0.1 (the mock's HTTPS server, which then sees the TLS handshake with the real host name as SNI and the
 * real Host header); any other target or method is refused, so nothing leaves the machine.
 */
async function startTunnel(targetPort: number, hosts: readonly string[]): Promise<Tunnel> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end('this proxy only tunnels (CONNECT) to the Kamerlens data hosts');
  });
  server.on('connect', (req, client: Socket, head: Buffer) => tunnel(req, client, head, hosts, targetPort, track));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every file under `dir` with its size (and modification time), one a line, sorted. */
function listing(dir: string, times = true): string {
  const lines: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(join(dir, path));
        lines.push(times ? `${path} ${stat.size} ${stat.mtimeMs}` : `${path} ${stat.size}`);
      }
    }
  };
  walk('');
  return lines.sort().join('\n');
}

/**
 * The built extension, copied into the session's profile: the browser reads extension files while it runs, and
 * `.output/` is shared — another run's build (global-setup, `npm run build`) empties and rewrites it, which would
 * pull options.html or a content script from under a running session. The copy is taken whole: WXT writes
 * manifest.json last, and the listing must be the same before and after copying (else a build was under way, and
 * the copy is taken again once it is done).
 */
async function snapshotBuild(target: Target, profile: string): Promise<string> {
  // With a build made for this run (global-setup), a missing manifest means another build is rewriting the output:
  // wait for it rather than start a second build in the same directory.
  const source = process.env.KAMERLENS_REUSE_BUILD === '1' ? OUTPUT_DIR[target] : buildExtension(target);
  const into = join(profile, `kamerlens-${target}`);
  const deadline = Date.now() + 60_000;
  let last: unknown;
  for (;;) {
    try {
      const before = listing(source);
      if (existsSync(join(source, 'manifest.json'))) {
        rmSync(into, { recursive: true, force: true });
        cpSync(source, into, { recursive: true });
        // The source unchanged while it was copied, and the copy holding every file of it, each of the same size.
        if (listing(source) === before && listing(into, false) === listing(source, false)) return into;
      }
    } catch (error) {
      last = error; // a build removed files while they were listed or copied
    }
    if (Date.now() > deadline)
      throw new Error(`no complete build in ${source} for 60 s${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Waits until `selector` is in a page that puppeteer cannot follow through its navigation (Firefox's extension pages,
 * see openOptions): asks the document itself, and asks again when the question fails because the document is being
 * replaced, until `timeout` ms have passed.
 */
async function untilPresent(page: Page, selector: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (
        await page.evaluate((s) => document.readyState === 'complete' && document.querySelector(s) !== null, selector)
      )
        return;
    } catch (error) {
      last = error; // the old document went away mid-question
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${selector} did not appear within ${timeout} ms${last ? ` (last error: ${String(last)})` : ''}`);
}

/** The Firefox build's add-on id, from the manifest WXT wrote (browser_specific_settings.gecko.id). */
function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

interface Launched {
  browser: Browser;
  /** Firefox: the moz-extension origin fixed at launch. */
  origin?: string;
  tunnel?: Tunnel;
}

async function launchBrowser(kind: BrowserKind, options: LaunchOptions, profile: string): Promise<Launched> {
  const headless = options.headless ?? true;
  if (kind === 'chromium') {
    const extension = await snapshotBuild('chrome', profile);
    options.alterBuild?.(extension);
    const browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: browserPath('chromium'),
      headless,
      pipe: true,
      userDataDir: profile,
      enableExtensions: [extension],
      args: [
        // Root on CI: Chromium's sandbox needs user namespaces that containers rarely allow.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ...QUIET_CHROMIUM,
        `--host-resolver-rules=${hostRules(options.port, options.dataPort)}`,
        // The fixture sites and the mock data services use self-signed certificates for the real host names.
        '--ignore-certificate-errors',
        // One test page is plain http on purpose (Kamerlens must leave it alone): no automatic upgrade to https.
        '--disable-features=HttpsUpgrades',
      ],
    });
    // A fresh profile installs the extension as the browser starts: its worker runs once that is done, and with it
    // the content script is registered. On a busy machine a page opened before that got no content script (the
    // first page of a session waited 15 s for Kamerlens in vain once).
    if (options.profile === undefined)
      await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
        timeout: 30_000,
      });
    return { browser };
  }
  const extension = await snapshotBuild('firefox', profile);
  // The internal UUID Firefox gives the add-on is taken from this pref when it is there: the options page's URL is
  // then known before the add-on is installed.
  // On a kept profile the add-on keeps its UUID, hence its origin and its IndexedDB, from one launch to the next.
  const uuidFile = join(profile, 'kamerlens-uuid');
  const uuid = existsSync(uuidFile) ? readFileSync(uuidFile, 'utf8').trim() : randomUUID();
  writeFileSync(uuidFile, uuid);
  const tunnel = options.dataPort === undefined ? undefined : await startTunnel(options.dataPort, DATA_HOSTS);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserPath('firefox'),
      headless,
      userDataDir: profile,
      // The fixture sites' and the mock data services' self-signed certificates (tests only).
      acceptInsecureCerts: true,
      // WebDriver BiDi navigates only to http(s), file and blob URLs unless system access is allowed: needed to open
      // the moz-extension:// options page.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': `data:text/plain,${encodeURIComponent(pacScript(options.port, tunnel?.port))}`,
        // One test page is plain http on purpose (Kamerlens must leave it alone): keep Firefox from upgrading it.
        'dom.security.https_only_mode': false,
        'dom.security.https_first': false,
        'network.stricttransportsecurity.preloadlist': false,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extension)]: uuid }),
        // A temporary add-on is uninstalled when Firefox closes, and its data with it; an installed one keeps both.
        // Kept here, so that a restart on the same profile is what a user's restart is.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        ...options.firefoxPrefs,
      },
    });
  } catch (error) {
    await tunnel?.close();
    throw error;
  }
  try {
    await browser.installExtension(extension);
  } catch (error) {
    await browser.close();
    await tunnel?.close();
    throw error;
  }
  return { browser, origin: `moz-extension://${uuid}`, ...(tunnel ? { tunnel } : {}) };
}

export async function launch(kind: BrowserKind, options: LaunchOptions): Promise<Session> {
  const keep = options.profile !== undefined;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), `kamerlens-${kind}-`));
  const removeProfile = () => {
    if (!keep) rmSync(profile, { recursive: true, force: true });
  };
  let launched: Launched;
  try {
    launched = await launchBrowser(kind, options, profile);
  } catch (error) {
    removeProfile();
    throw error;
  }
  const { browser, tunnel } = launched;
  let origin = launched.origin;
  const session: Session = {
    kind,
    browser,
    profile,
    keepProfile: keep,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('html[data-kamerlens="ready"]', { timeout: 15_000 });
      return page;
    },
    async extensionOrigin() {
      if (origin) return origin;
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 15_000 },
      );
      // A URL of a non-special scheme has no origin in the URL standard (`null`): build it from the host.
      origin = `chrome-extension://${new URL(worker.url()).host}`;
      return origin;
    },
    openOptions: () => session.openExtensionPage('/options.html', 'button.retry'),
    async openExtensionPage(path, ready) {
      const url = `${await session.extensionOrigin()}${path}`;
      const page = await browser.newPage();
      if (kind === 'firefox') {
        // Firefox's WebDriver BiDi reports no navigation or realm events for extension pages (its remote agent skips
        // extension contexts, bug 1755014): the navigation settles only when the tab closes, so the page is waited
        // for by its content. A navigation that is refused still fails here at once.
        const navigation = page.goto(url, { timeout: 0 });
        navigation.catch(() => undefined);
        await Promise.race([untilPresent(page, ready, 15_000), navigation]);
      } else {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForSelector(ready, { timeout: 15_000 });
      }
      return page;
    },
    async close() {
      open.delete(session);
      try {
        await browser.close();
      } catch {
        browser.process()?.kill('SIGKILL');
      } finally {
        removeProfile();
        await tunnel?.close();
      }
    },
  };
  open.add(session);
  return session;
}
