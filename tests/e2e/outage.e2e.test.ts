import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { OB_HOST } from '../support/fixture-server';
import { gold, HAS_SHARED, NO_SHARED } from '../support/shared';
import { useDataSession } from './data-session';
import { dateOf, literal, messagesOf, patternsOf } from './page-ui';

/*
 * A Tweede Kamer API outage, end to end, in both browsers: the built extension with its default settings, a fresh
 * profile, the mock data services under the real host names (launch.ts), and the TK answering 500 to everything
 * until the test lifts the fault. The page must stay honest while it is down, and come right — in the same tab,
 * without a reload — once it is back and the user presses "Opnieuw proberen" on the options page.
 */

const PAGE = 'kst-19637-2535';
const PAGE_URL = `https://${OB_HOST}/${PAGE}.html`;
const TK = 'gegevensmagazijn.tweedekamer.nl';
const KOOP = 'repository.overheid.nl';

interface Link {
  id: string;
  kind: string | null;
  state: string | null;
  status: string | null;
  title: string;
}

async function linksOn(page: Page): Promise<Link[]> {
  return page.$$eval('[data-kamerlens-ref]', (els) =>
    els.map((a) => ({
      id: a.getAttribute('data-kamerlens-ref')!,
      kind: a.getAttribute('data-kamerlens-kind'),
      state: a.getAttribute('data-kamerlens-state'),
      status: a.getAttribute('data-kamerlens-status'),
      title: (a as HTMLElement).title,
    })),
  );
}

/** Where each cached document came from (`koop`, `tk`), read in an extension page: the cache is the extension's. */
async function cachedSources(options: Page): Promise<Record<string, string>> {
  return options.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('kamerlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('documents', 'readonly').objectStore('documents').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            db.close();
            resolve(Object.fromEntries((req.result as { id: string; source: string }[]).map((d) => [d.id, d.source])));
          };
        };
      }),
  );
}

describe.each(['chromium', 'firefox'] as const)('a Tweede Kamer API outage in %s', (kind) => {
  const env = useDataSession(kind);

  it.skipIf(!HAS_SHARED)(
    'keeps the badges honest while the TK is down, and shows the votes in the same tab after "Opnieuw proberen"',
    async () => {
      const motions = gold()[PAGE]!.motions.map((m) => m.id!);
      expect(motions).toContain('kst-35000-VI-59');

      // Down until reset: no `times`, so every request answers 500 (faults.ts).
      env.api.setFault('tk', { mode: 'error500' });
      const page = await env.session.open(PAGE_URL);
      // Settled: the motions' mentions in the text are linked too (analysis ready), every link has an answer — none
      // left pending — and the motions, citations and mentions alike, say their outcome is unknown.
      await page.waitForFunction(
        (ids: string[]) => {
          const links = [...document.querySelectorAll('[data-kamerlens-ref]')];
          const motionLinks = links.filter((a) => ids.includes(a.getAttribute('data-kamerlens-ref')!));
          return (
            document.documentElement.getAttribute('data-kamerlens-analysis') === 'ready' &&
            links.length > 0 &&
            links.every((a) => !['pending', null].includes(a.getAttribute('data-kamerlens-state'))) &&
            motionLinks.length > 0 &&
            motionLinks.every((a) => a.getAttribute('data-kamerlens-status') === 'onbekend')
          );
        },
        { timeout: 30_000, polling: 100 },
        motions,
      );
      // The tooltips in the browser's language (Dutch: "status onbekend", "Waarom onbekend: …", "33 voor, 20 tegen").
      const [text, re] = [await messagesOf(page), await patternsOf(page)];
      const totals = new RegExp(re('card_totals', '\\d+', '\\d+'));
      const why = re('card_unknown_reason', '');
      const down = await linksOn(page);
      // Each motion is cited and mentioned ("de motie van het lid …"): both elements carry its status.
      expect(down.filter((l) => motions.includes(l.id)).length).toBeGreaterThanOrEqual(2 * motions.length);
      for (const link of down.filter((l) => motions.includes(l.id))) {
        // KOOP's facts, the reason the outcome is missing, and a refresh owed (stale, not fresh).
        expect(link.status).toBe('onbekend');
        expect(link.state).toBe('stale');
        expect(link.title).toMatch(/Motie/);
        expect(link.title).toMatch(new RegExp(`^${literal(text('badge_status_onbekend'))}$`, 'm'));
        expect(link.title).toMatch(new RegExp(`^${why}\\S.+$`, 'm'));
        expect(link.title).not.toMatch(totals);
      }
      const papers = down.filter((l) => !motions.includes(l.id));
      expect(papers.length).toBeGreaterThan(10);
      for (const link of papers) {
        expect({ id: link.id, state: link.state, status: link.status }).toEqual({
          id: link.id,
          state: 'fresh',
          status: null,
        });
        expect(link.title).not.toMatch(new RegExp(why));
      }

      // The TK was asked (its v5 description) and failed; KOOP answered; nothing went to v4/2.0.
      const tkDown = env.log.answers.filter((a) => a.host === TK);
      expect(tkDown.some((a) => a.url === '/OData/v5/$metadata')).toBe(true);
      expect(tkDown.every((a) => a.status === 500)).toBe(true);
      expect(env.log.answers.filter((a) => a.host === KOOP).every((a) => a.status === 200)).toBe(true);

      // The options page says the TK is failing, with the reason; the papers in the cache are KOOP's.
      const during = await env.session.openOptions();
      await during.waitForSelector('[data-service="tk"][data-status="degraded"] .reason', { timeout: 15_000 });
      expect(await during.$eval('[data-service="tk"] .reason', (p) => p.textContent)).toMatch(/500/);
      const sources = await cachedSources(during);
      for (const link of papers) expect([link.id, sources[link.id]]).toEqual([link.id, 'koop']);
      await during.close();

      // The TK is back; the user opens the options page in a new tab and asks again.
      env.api.resetFaults();
      const before = env.log.answers.length;
      const options = await env.session.openOptions();
      await options.click('button.retry');
      // The options page does not poll: what it shows now is the button's answer (`sync-retry` returns the health
      // after the retry round), so this is the click's doing — the service working, on the v5 API its $metadata
      // describes.
      await options.waitForSelector('[data-service="tk"][data-status="ok"] .api[data-api-version="v5"]', {
        timeout: 30_000,
      });
      expect(await options.$eval('[data-service="tk"] .api .version', (s) => s.textContent)).toBe('v5');
      expect(await options.$eval('[data-service="tk"] .api .metadata-date', (s) => s.textContent)).toMatch(/\d/);

      // The original tab, never reloaded, gets the votes pushed. It is in the background now, where Chromium runs no
      // animation frames (waitForFunction's default polling): poll on an interval instead.
      const adopted = `^${re('badge_title_outcome_date', literal(text('badge_status_aangenomen')), literal(await dateOf(page, '2018-12-04')))} \\(${totals.source}\\)$`;
      await page.waitForFunction(
        (adopted: string) => {
          const els = [...document.querySelectorAll('[data-kamerlens-ref="kst-35000-VI-59"]')] as HTMLElement[];
          return (
            els.length > 0 &&
            els.every(
              (a) => a.getAttribute('data-kamerlens-status') === 'aangenomen' && new RegExp(adopted, 'm').test(a.title),
            )
          );
        },
        { timeout: 30_000, polling: 100 },
        adopted,
      );
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-kamerlens-ref]')].every(
            (a) => a.getAttribute('data-kamerlens-state') === 'fresh',
          ),
        { timeout: 30_000, polling: 100 },
      );
      const back = await linksOn(page);
      for (const link of back.filter((l) => motions.includes(l.id))) {
        expect(link.status).toBe('aangenomen');
        expect(link.title).not.toMatch(new RegExp(why));
      }
      expect(env.pages.requests.filter((r) => r === `${OB_HOST} /${PAGE}.html`)).toHaveLength(1);

      // After the reset: the TK's description read again (once, on v5) and every TK answer from then on a 200.
      const after = env.log.answers.slice(before);
      const tkAfter = after.filter((a) => a.host === TK);
      const healed = tkAfter.findIndex((a) => a.status === 200);
      expect(healed).toBeGreaterThanOrEqual(0);
      expect(tkAfter.slice(healed).filter((a) => a.status !== 200)).toEqual([]);
      expect(tkAfter.filter((a) => a.url === '/OData/v5/$metadata' && a.status === 200)).toHaveLength(1);
      expect(env.log.answers.filter((a) => a.url.toLowerCase().startsWith('/odata/v4'))).toEqual([]);
      expect(env.log.answers.filter((a) => a.status === 400)).toEqual([]);
      console.info(
        `${kind}: ${before} data requests while the TK was down (${tkDown.length} to the TK), ` +
          `${after.length} after "Opnieuw proberen": ${after.map((a) => `${a.url.split('?')[0]} ${a.status}`).join(', ')}`,
      );
      await options.close();
      await page.close();
    },
  );
});

describe.skipIf(HAS_SHARED)('a Tweede Kamer API outage', () => {
  it.skip(NO_SHARED, () => {});
});
