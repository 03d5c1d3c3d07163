/**
 * `npm run demo`: builds the extension, serves a publication under its real host name and opens it in Chromium
 * with Kamerlens loaded, then the popup for that letter with a note in it (one on a passage, highlighted in the
 * page). With a display the browser stays open to try out (Ctrl+C ends it); without one, it runs headless and writes
 * screenshots of the annotated page and of the popup to paths it prints.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OB_HOST, startFixtureServer } from '../support/fixture-server';
import { startMockApi } from '../support/mock-api/server';
import { HAS_SHARED, NO_SHARED, PROJECT_ROOT } from '../support/shared';
import { launch, type Session } from './launch';
import { click, fill, tabIdOf, until } from './notes-helpers';

const headless = !process.env.DISPLAY || process.env.KAMERLENS_HEADLESS === '1';
const url = HAS_SHARED ? `https://${OB_HOST}/kst-19637-2535.html` : `https://${OB_HOST}/kst-99999-1.html`;
if (!HAS_SHARED) console.log(`${NO_SHARED}; showing the hand-written fixture page instead.`);

const server = await startFixtureServer();
// No internet here: the Tweede Kamer and KOOP services are the local mocks, under their real host names.
const api = await startMockApi({ https: true });
const session = await launch('chromium', { port: server.port, dataPort: api.httpsPort!, headless });
/**
 * The popup for the tab showing `url`, with a note on the first sentence of the text and one written in it: what a
 * reader sees after pinning thoughts to a letter. Opened in a tab of its own (`popup.html?tab=<id>`).
 */
async function popupWithNotes(session: Session, url: string) {
  const page = (await session.browser.pages()).find((p) => p.url() === url)!;
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((el) => (el.textContent ?? '').trim().length > 80)!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(text.data.length, 60));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  const probe = await session.openExtensionPage('/notes.html', 'main');
  const tabId = await tabIdOf(probe, url);
  await probe.close();
  const popup = await session.openExtensionPage(`/popup.html?tab=${tabId}`, 'main h1');
  await popup.setViewport({ width: 420, height: 900 });
  await click(popup, 'button.on-selection');
  await fill(
    popup,
    'ul.notes .note-editor textarea',
    'Hier begint het: vergelijk met de **Integrale Migratieagenda**.',
  );
  await fill(popup, 'ul.notes .note-editor input', 'migratie, demo');
  await click(popup, 'ul.notes .note-editor button[type="submit"]');
  await until(popup, () => document.querySelectorAll('ul.notes .note').length === 1, undefined);
  await fill(
    popup,
    '#new-body',
    'Navragen bij het commissiedebat:\n\n- voortgangsrapportage\n- [de brief op OB](https://zoek.officielebekendmakingen.nl/kst-19637-2535.html)',
  );
  await click(popup, '.note-editor button[type="submit"]');
  await until(popup, () => document.querySelectorAll('ul.notes .note').length === 2, undefined);
  await until(page, () => document.querySelector('mark[data-kamerlens-note]') !== null, undefined);
  console.log(`The popup shows 2 notes for ${url}; the passage of one is highlighted in the page.`);
  return { popup, page };
}

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
  const { popup } = await popupWithNotes(session, url);
  if (headless) {
    const dir = join(PROJECT_ROOT, 'tests', 'e2e', '.artifacts');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'demo.png');
    await page.$eval('[data-kamerlens-kind="motion"], [data-kamerlens-ref]', (el) =>
      el.scrollIntoView({ block: 'center' }),
    );
    await page.screenshot({ path: file });
    console.log(`Screenshot of the annotated page: ${file}`);
    const popupFile = join(dir, 'demo-popup.png');
    await popup.screenshot({ path: popupFile, fullPage: true });
    console.log(`Screenshot of the popup with its notes: ${popupFile}`);
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
