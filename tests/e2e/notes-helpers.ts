import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

/*
 * Driving the extension's pages the same way in both browsers: through the document itself (Firefox's WebDriver
 * BiDi does not follow extension pages' navigations, see launch.ts), and waiting for conditions, never for time.
 */

/**
 * How a refused broken (cut off) import file reads, in Dutch or English (the test browsers may run in either;
 * notes_error_json in the messages files, checked by tests/unit/notes/exchange.test.ts).
 */
export const BROKEN_FILE = /geen geldige JSON|is not valid JSON/;

/**
 * Waits until `fn` (run in the page) returns something truthy (a boolean or plain data: Firefox's BiDi hands an
 * element back as a reference that reads as nothing), asking again until `timeout` ms have passed. */
export async function until<A, R>(page: Page, fn: (arg: A) => R, arg: A, timeout = 15_000): Promise<R> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = (await page.evaluate(fn as never, arg as never)) as R;
      if (value) return value as R;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const body = await page.evaluate(() => document.body?.innerHTML.slice(0, 4000)).catch(() => '?');
  throw new Error(
    `condition not met within ${timeout} ms${last ? ` (last error: ${String(last)})` : ''}; page: ${body}`,
  );
}

/** Asks `read` (in Node) until it answers `expected`; fails with the last answer after `timeout` ms. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${String(expected)} within ${timeout} ms, last answer ${String(last)}`);
}

export async function click(page: Page, selector: string): Promise<void> {
  await until(page, (s) => document.querySelector<HTMLElement>(s) !== null, selector);
  await page.evaluate((s) => document.querySelector<HTMLElement>(s)!.click(), selector);
}

/** Types into a field as Preact sees it (an input event after the value). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await until(page, (s) => document.querySelector(s) !== null, selector);
  await page.evaluate(
    (s, v) => {
      const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(s)!;
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    value,
  );
}

/** The notes shown in a notes list, as their text (Markdown rendered) in order. */
export const noteTexts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.note .markdown, .note .empty')].map((el) => el.textContent?.trim() ?? ''),
  );

/** The part of the extension API these helpers use, as both browsers have it in extension pages. */
interface ExtensionApi {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action?: { getBadgeText(details: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** The id of the tab showing `url`, asked in an extension page (tabs.query by URL). */
export async function tabIdOf(page: Page, url: string): Promise<number> {
  return page.evaluate(async (u) => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    const api = g.browser ?? g.chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab with ${u}: ${tabs.map((t) => t.url).join(', ')}`);
    return tab.id;
  }, url);
}

/** The toolbar badge of a tab (MV3 `action`, MV2 `browserAction`), asked in an extension page. */
export async function badgeOf(page: Page, tabId: number): Promise<string> {
  return page.evaluate(async (id) => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    const api = g.browser ?? g.chrome;
    return (api.action ?? api.browserAction)!.getBadgeText({ tabId: id });
  }, tabId);
}

/**
 * Export → the JSON text: the page's download (an object URL and a link click) is caught in the page, so no file
 * lands anywhere and the test reads exactly the bytes a user would get.
 */
export async function exportFrom(options: Page): Promise<string> {
  await options.evaluate(() => {
    const w = window as unknown as { __exported?: string };
    delete w.__exported;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      void (blob as Blob).text().then((text) => {
        w.__exported = text;
      });
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = () => {};
  });
  await click(options, 'button.export-json');
  return (await until(options, () => (window as unknown as { __exported?: string }).__exported, undefined))!;
}

/** Chooses a file in the import field, as a user picking one (a DataTransfer's file list, in both browsers). */
export async function chooseImport(options: Page, name: string, text: string): Promise<void> {
  await until(options, () => document.querySelector('#notes-import') !== null, undefined);
  await options.evaluate(
    (n, t) => {
      const input = document.querySelector<HTMLInputElement>('#notes-import')!;
      const data = new DataTransfer();
      data.items.add(new File([t], n, { type: 'application/json' }));
      input.files = data.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    name,
    text,
  );
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on a page, as `rule: targets` lines. axe's source is evaluated in the
 * page by the driver (not a page script, so the extension pages' CSP does not apply), the same in both browsers.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.map((n) => String(n.target)),
    }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(' | ')}`);
}
