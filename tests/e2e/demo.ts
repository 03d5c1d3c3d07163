/**
 * `npm run demo`: builds the extension, serves a publication under its real host name and opens it in Chromium
 * with Kamerlens loaded. With a display the browser stays open to try out (Ctrl+C ends it); without one, it runs
 * headless and writes a screenshot of the annotated page to a path it prints.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OB_HOST, startFixtureServer } from '../support/fixture-server';
import { startMockApi } from '../support/mock-api/server';
import { HAS_SHARED, NO_SHARED, PROJECT_ROOT } from '../support/shared';
import { launch } from './launch';

const headless = !process.env.DISPLAY || process.env.KAMERLENS_HEADLESS === '1';
const url = HAS_SHARED ? `https://${OB_HOST}/kst-19637-2535.html` : `https://${OB_HOST}/kst-99999-1.html`;
if (!HAS_SHARED) console.log(`${NO_SHARED}; showing the hand-written fixture page instead.`);

const server = await startFixtureServer();
// No internet here: the Tweede Kamer and KOOP services are the local mocks, under their real host names.
const api = await startMockApi({ https: true });
const session = await launch('chromium', { port: server.port, dataPort: api.httpsPort!, headless });
const shutdown = async () => {
  await session.close();
  await api.close();
  await server.close();
};
try {
  const page = await session.open(url);
  await page.setViewport({ width: 1280, height: 900 });
  // Motions and pillar topics come from the background a moment after the paper links.
  await page.waitForSelector('html[data-kamerlens-analysis]', { timeout: 15_000 });
  // Status from the background cache: wait until every link has its record.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('[data-kamerlens-ref]')].every(
          (a) => a.getAttribute('data-kamerlens-state') === 'fresh',
        ),
      { timeout: 20_000 },
    )
    .catch(() => console.log('(some references are still being fetched)'));
  const links = await page.$$eval('[data-kamerlens-ref]', (els) =>
    els.map((el) => `${el.getAttribute('data-kamerlens-ref')}  ←  ${el.textContent?.replace(/\s+/g, ' ')}`),
  );
  console.log(`Kamerlens linked ${links.length} references on ${url}:\n  ${links.join('\n  ')}`);
  const motions = await page.$$eval('[data-kamerlens-kind="motion"]', (els) =>
    els.map(
      (el) =>
        `${el.getAttribute('data-kamerlens-ref') ?? '(search)'}  ←  ${el.textContent?.replace(/\s+/g, ' ')}  [${el.getAttribute('data-kamerlens-status') ?? '?'}]`,
    ),
  );
  console.log(`and ${motions.length} motions:\n  ${motions.join('\n  ')}`);
  if (headless) {
    const dir = join(PROJECT_ROOT, 'tests', 'e2e', '.artifacts');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'demo.png');
    await page.$eval('[data-kamerlens-kind="motion"], [data-kamerlens-ref]', (el) =>
      el.scrollIntoView({ block: 'center' }),
    );
    await page.screenshot({ path: file });
    console.log(`Screenshot of the annotated page: ${file}`);
    await shutdown();
  } else {
    console.log('The browser stays open: follow the dotted links. Press Ctrl+C to quit.');
    process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
    session.browser.once('disconnected', () => void shutdown().then(() => process.exit(0)));
  }
} catch (error) {
  await shutdown();
  throw error;
}
