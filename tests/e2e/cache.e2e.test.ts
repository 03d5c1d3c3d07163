import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, OB_HOST, startFixtureServer } from '../support/fixture-server';
import { type MockApi, startMockApi } from '../support/mock-api/server';
import { HAS_SHARED, NO_SHARED } from '../support/shared';
import { launch, type Session } from './launch';

/** The extension's service worker (started on demand by Chromium). */
async function serviceWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
  );
  return (await target.worker())!;
}

/** Counts of the background's IndexedDB tables, read inside the worker (the cache lives in the extension origin). */
async function cacheCounts(worker: WebWorker): Promise<Record<string, number>> {
  return worker.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('kamerlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['documents', 'motions', 'decisions', 'votes', 'fetches'];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => {
              out[name] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

/** The links' cache states on the page, by id. */
async function states(page: Page): Promise<Record<string, string | null>> {
  return page.$$eval('[data-kamerlens-ref]', (els) =>
    Object.fromEntries(
      els.map((el) => [el.getAttribute('data-kamerlens-ref'), el.getAttribute('data-kamerlens-state')]),
    ),
  );
}

const dataRequests = (api: MockApi) => api.requests.filter((r) => !r.url.startsWith('/__mock')).length;

describe('the background cache in Chromium, against the mock data services', () => {
  let pages: FixtureServer;
  let api: MockApi;
  let session: Session;

  beforeAll(async () => {
    pages = await startFixtureServer();
    api = await startMockApi({ https: true });
    session = await launch('chromium', { port: pages.port, dataPort: api.httpsPort! });
  });

  afterAll(async () => {
    await session?.close();
    await api?.close();
    await pages?.close();
  });

  it.skipIf(!HAS_SHARED)(
    'fills the cache for the references on a page, shows their status, and survives a worker restart',
    async () => {
      const page = await session.open(`http://${OB_HOST}/kst-19637-2535.html`);
      // Everything arrives: every linked reference ends up fresh (pushed to the tab once fetched).
      await page.waitForFunction(
        () => {
          const links = [...document.querySelectorAll('[data-kamerlens-ref]')];
          return links.length > 0 && links.every((a) => a.getAttribute('data-kamerlens-state') === 'fresh');
        },
        { timeout: 30_000 },
      );
      const motion = await page.$eval('[data-kamerlens-ref="kst-35000-VI-59"]', (a) => ({
        status: a.getAttribute('data-kamerlens-status'),
        title: (a as HTMLElement).title,
      }));
      expect(motion.status).toBe('aangenomen');
      expect(motion.title).toMatch(/Motie/);
      expect(motion.title).toMatch(/aangenomen op 4 december 2018 \(\d+ voor, \d+ tegen\)/);
      const linked = Object.keys(await states(page)).length;

      let worker = await serviceWorker(session.browser);
      const counts = await cacheCounts(worker);
      expect(counts.documents).toBe(linked);
      expect(counts.motions).toBeGreaterThanOrEqual(2);
      expect(counts.votes).toBeGreaterThan(0);
      const requestsBefore = dataRequests(api);
      // A cold page of 19 references takes a handful of requests, not one per reference.
      expect(requestsBefore).toBeLessThanOrEqual(4);
      await page.close();

      // Stop the worker, as Chromium does after 30 s idle; the next page wakes a new one.
      await worker.close();
      const again = await session.open(`http://${OB_HOST}/kst-19637-2535.html`);
      await again.waitForSelector('html[data-kamerlens-cache="ready"]');
      expect(Object.values(await states(again)).every((s) => s === 'fresh')).toBe(true);
      worker = await serviceWorker(session.browser);
      expect(await cacheCounts(worker)).toEqual(counts);
      expect(dataRequests(api)).toBe(requestsBefore);
      await again.close();
    },
  );

  it('gives text the page adds later its status too, and says when there is nothing to fetch', async () => {
    const page = await session.open(`http://${OB_HOST}/kst-99999-1.html`);
    await page.waitForSelector('#late-paragraph [data-kamerlens-ref][data-kamerlens-state="fresh"]', {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-kamerlens-ref="dossier-36333"]')?.hasAttribute('data-kamerlens-state') ?? false,
      { timeout: 30_000 },
    );
    // A dossier is no publication: no service is asked, and the page says so rather than waiting.
    expect(
      await page.$eval('[data-kamerlens-ref="dossier-36333"]', (a) => a.getAttribute('data-kamerlens-state')),
    ).toBe('none');
    expect(await page.$eval('[data-kamerlens-ref="stb-2019-143"]', (a) => (a as HTMLElement).title)).toMatch(
      /Vreemdelingenbesluit/,
    );
    await page.close();
  });
});

describe.skipIf(HAS_SHARED)('the background cache on corpus pages', () => {
  it.skip(NO_SHARED, () => {});
});
