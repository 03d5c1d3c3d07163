import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { OB_HOST } from '../support/fixture-server';
import type { MockApi } from '../support/mock-api/server';
import { HAS_SHARED, NO_SHARED } from '../support/shared';
import { useDataSession } from './data-session';
import { dateOf, literal, messagesOf, patternsOf } from './page-ui';

/*
 * The background cache in both browsers, with the built extension's default settings (TK API v5 at
 * https://gegevensmagazijn.tweedekamer.nl/OData/v5, KOOP at https://repository.overheid.nl/sru) and the mock data
 * services answering under those real host names over HTTPS (see launch.ts for how each browser gets there).
 */

/** The extension's service worker in Chromium (started on demand). */
async function serviceWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  return (await target.worker())!;
}

/**
 * Counts of the background's IndexedDB tables, read in an extension context (the options page in both browsers,
 * or Chromium's service worker): the cache lives in the extension's origin.
 */
async function cacheCounts(context: Page | WebWorker): Promise<Record<string, number>> {
  return context.evaluate(
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

/** Waits until the motions' mentions are linked too (analysis ready) and every linked reference is `fresh`. */
async function allFresh(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const links = [...document.querySelectorAll('[data-kamerlens-ref]')];
      return (
        document.documentElement.getAttribute('data-kamerlens-analysis') === 'ready' &&
        links.length > 0 &&
        links.every((a) => a.getAttribute('data-kamerlens-state') === 'fresh')
      );
    },
    { timeout: 30_000, polling: 100 },
  );
}

const dataRequests = (api: MockApi) => api.requests.filter((r) => !r.url.startsWith('/__mock'));
const LETTER = `https://${OB_HOST}/kst-19637-2535.html`;

describe.each(['chromium', 'firefox'] as const)('the background cache in %s, against the mock TK API v5', (kind) => {
  const env = useDataSession(kind);

  it.skipIf(!HAS_SHARED)(
    'gives a cold page its motions with their votes, from the v5 $metadata and a handful of requests',
    async () => {
      const page = await env.session.open(LETTER);
      // Everything arrives: every linked reference ends up fresh (pushed to the tab once fetched).
      await allFresh(page);
      const motions = await page.$$eval('[data-kamerlens-ref^="kst-"]', (els) =>
        els
          .filter((a) => a.hasAttribute('data-kamerlens-status'))
          .map((a) => ({
            id: a.getAttribute('data-kamerlens-ref'),
            status: a.getAttribute('data-kamerlens-status'),
            title: (a as HTMLElement).title,
          })),
      );
      // The tooltip in the browser's language: "aangenomen op 4 december 2018 (33 voor, 20 tegen)" in Dutch.
      const [text, re] = [await messagesOf(page), await patternsOf(page)];
      const totals = re('card_totals', '(\\d+)', '(\\d+)');
      const outcome = new RegExp(
        `^${re('badge_title_outcome_date', literal(text('badge_status_aangenomen')), literal(await dateOf(page, '2018-12-04')))} \\(${totals}\\)$`,
        'm',
      );
      const groothuizen = motions.filter((m) => m.id === 'kst-35000-VI-59');
      // The motion's citation and its mention in the text ("de motie van het lid Groothuizen") share the status.
      expect(groothuizen.length).toBeGreaterThanOrEqual(2);
      for (const m of groothuizen) {
        expect(m.status).toBe('aangenomen');
        expect(m.title).toMatch(/Motie/);
        expect(m.title).toMatch(outcome);
      }
      for (const m of motions) {
        expect(m.status).toBe('aangenomen');
        const [, voor, tegen] = new RegExp(`\\(${totals}\\)`).exec(m.title) ?? [];
        // A fractie tally: some seats, never more than the Kamer has.
        expect(Number(voor) + Number(tegen)).toBeGreaterThan(0);
        expect(Number(voor) + Number(tegen)).toBeLessThanOrEqual(150);
      }
      expect(new Set(motions.map((m) => m.id))).toEqual(new Set(['kst-35000-VI-59', 'kst-34300-XVII-34']));

      const requests = dataRequests(env.api);
      const tk = requests.filter((r) => r.host === 'gegevensmagazijn.tweedekamer.nl');
      // The default settings read the v5 service's own description, and never the retired v4/2.0.
      expect(tk.some((r) => r.method === 'GET' && r.url === '/OData/v5/$metadata')).toBe(true);
      expect(tk.every((r) => r.url.startsWith('/OData/v5/'))).toBe(true);
      expect(requests.filter((r) => r.url.toLowerCase().startsWith('/odata/v4'))).toEqual([]);
      // Every request was answered, and none refused: no query named a property the $metadata does not declare.
      expect(env.log.answers).toHaveLength(requests.length);
      expect(env.log.answers.filter((a) => a.status !== 200)).toEqual([]);
      // A cold page of 19 references takes a handful of requests (KOOP, $metadata, the TK's documents), not one per
      // reference.
      expect(requests.length).toBeLessThanOrEqual(4);
      console.info(
        `${kind}: cold page, ${requests.length} data requests: ${requests.map((r) => r.url.split('?')[0]).join(', ')}`,
      );

      const options = await env.session.openOptions();
      const counts = await cacheCounts(options);
      expect(counts.documents).toBe(Object.keys(await states(page)).length);
      expect(counts.motions).toBe(2);
      expect(counts.votes).toBeGreaterThan(0);
      await options.close();
      await page.close();
    },
  );

  it.skipIf(!HAS_SHARED)(
    `serves a page seen before from the cache without asking a service${kind === 'chromium' ? ', also after the worker stopped' : ''}`,
    async () => {
      const first = await env.session.open(LETTER);
      await allFresh(first);
      await first.close();
      const options = await env.session.openOptions();
      const counts = await cacheCounts(options);
      await options.close();
      const before = dataRequests(env.api).length;

      if (kind === 'chromium') {
        // Stop the worker, as Chromium does after 30 s idle; the next page wakes a new one.
        await (await serviceWorker(env.session.browser)).close();
      }
      const again = await env.session.open(LETTER);
      await again.waitForSelector('html[data-kamerlens-cache="ready"]', { timeout: 15_000 });
      expect(Object.values(await states(again)).every((s) => s === 'fresh')).toBe(true);
      const reread = await env.session.openOptions();
      expect(await cacheCounts(reread)).toEqual(counts);
      expect(dataRequests(env.api).length).toBe(before);
      await reread.close();
      await again.close();
    },
  );

  it('gives text the page adds later its status too, and says when there is nothing to fetch', async () => {
    const page = await env.session.open(`https://${OB_HOST}/kst-99999-1.html`);
    await page.waitForSelector('#late-paragraph [data-kamerlens-ref][data-kamerlens-state="fresh"]', {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-kamerlens-ref="dossier-36333"]')?.hasAttribute('data-kamerlens-state') ?? false,
      { timeout: 30_000, polling: 100 },
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
