import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DATA_HOSTS, SITE_HOSTS } from '../../lib/sites';
import { type BrowserKind, browserPath } from '../support/browsers';
import { buildExtension } from './build';

/**
 * Launches a real browser with the built extension loaded and the site host names routed to a local server:
 * Chromium headless over CDP with --host-resolver-rules; Firefox ESR over WebDriver BiDi with a PAC proxy pref and
 * the extension installed as a temporary add-on. Every session's profile lives in its own temp dir, removed on
 * close, and any session still open when the process exits is killed, so no browser or profile is left behind.
 */

export interface Session {
  kind: BrowserKind;
  browser: Browser;
  /** The temporary profile directory, removed by close(). */
  profile: string;
  /** Opens a URL in a fresh tab and waits until Kamerlens has finished its first pass over the page. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Port of the fixture server the site hosts are routed to. */
  port: number;
  /**
   * HTTPS port of the mock data services (tests/support/mock-api): when set, Chromium sends the real data hosts
   * (gegevensmagazijn.tweedekamer.nl, repository.overheid.nl) there and accepts its self-signed certificate.
   */
  dataPort?: number;
  headless?: boolean;
}

const open = new Set<Session>();
process.once('exit', () => {
  for (const session of open) {
    session.browser.process()?.kill('SIGKILL');
    rmSync(session.profile, { recursive: true, force: true });
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
  const sites = SITE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`);
  return [...data, ...sites, `MAP *.tweedekamer.nl 127.0.0.1:${port}`].join(',');
}

function pacScript(port: number): string {
  const hosts = JSON.stringify(SITE_HOSTS);
  return `function FindProxyForURL(url, host) {
    if (${hosts}.indexOf(host) >= 0 || dnsDomainIs(host, '.tweedekamer.nl')) return 'PROXY 127.0.0.1:${port}';
    return 'DIRECT';
  }`;
}

async function launchBrowser(kind: BrowserKind, options: LaunchOptions, profile: string): Promise<Browser> {
  const headless = options.headless ?? true;
  if (kind === 'chromium') {
    return puppeteer.launch({
      browser: 'chrome',
      executablePath: browserPath('chromium'),
      headless,
      pipe: true,
      userDataDir: profile,
      enableExtensions: [buildExtension('chrome')],
      args: [
        // Root on CI: Chromium's sandbox needs user namespaces that containers rarely allow.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ...QUIET_CHROMIUM,
        `--host-resolver-rules=${hostRules(options.port, options.dataPort)}`,
        // The mock data services use a self-signed certificate for the real host names (tests only).
        ...(options.dataPort === undefined ? [] : ['--ignore-certificate-errors']),
      ],
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless,
    userDataDir: profile,
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/plain,${encodeURIComponent(pacScript(options.port))}`,
      // The test pages are plain http under real names: keep Firefox from upgrading them to https.
      'dom.security.https_only_mode': false,
      'dom.security.https_first': false,
      'network.stricttransportsecurity.preloadlist': false,
    },
  });
  try {
    await browser.installExtension(buildExtension('firefox'));
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

export async function launch(kind: BrowserKind, options: LaunchOptions): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), `kamerlens-${kind}-`));
  let browser: Browser;
  try {
    browser = await launchBrowser(kind, options, profile);
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const session: Session = {
    kind,
    browser,
    profile,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('html[data-kamerlens="ready"]', { timeout: 15_000 });
      return page;
    },
    async close() {
      open.delete(session);
      try {
        await browser.close();
      } catch {
        browser.process()?.kill('SIGKILL');
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
  open.add(session);
  return session;
}
