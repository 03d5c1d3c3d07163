import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, OB_HOST, startFixtureServer, TK_HOST } from '../support/fixture-server';
import { launch, type Session } from './launch';
import {
  axeViolations,
  BROKEN_FILE,
  badgeOf,
  chooseImport,
  click,
  eventually,
  exportFrom,
  fill,
  noteTexts,
  tabIdOf,
  until,
} from './notes-helpers';

/*
 * Notes in both browsers, with the built extension: the popup for a fixture page (opened as `popup.html?tab=<id>`,
 * the tab given explicitly, since a popup opened in a tab of its own would otherwise be about itself), a note on a
 * selection highlighted again after a restart on the same profile, the same paper on tweedekamer.nl, and export →
 * import into a fresh profile. No data services are needed: notes never leave the browser.
 */

const OB = `https://${OB_HOST}/kst-35000-VI-59.html`;
const TK = `https://${TK_HOST}/kamerstukken/moties/detail?id=2099Z00001&did=2099D00001`;
const PASSAGE = 'zes pijlers kent';

/** Opens the popup for the tab showing `url` (opened first when `open` is given). */
async function popupFor(session: Session, url: string): Promise<{ popup: Page; tabId: number }> {
  const probe = await session.openExtensionPage('/notes.html', 'main');
  const tabId = await tabIdOf(probe, url);
  await probe.close();
  const popup = await session.openExtensionPage(`/popup.html?tab=${tabId}`, 'main h1');
  await until(popup, () => document.querySelector('.no-notes, ul.notes') !== null, undefined);
  return { popup, tabId };
}

/** Picks an option of a select, as Preact sees it (a change event after the value). */
async function choose(page: Page, selector: string, value: string): Promise<void> {
  await page.evaluate(
    (s, v) => {
      const el = document.querySelector<HTMLSelectElement>(s)!;
      el.value = v;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    value,
  );
}

/** Selects the passage in the fixture page, as a reader would with the mouse. */
async function selectPassage(page: Page): Promise<void> {
  await page.evaluate((passage) => {
    const p = document.getElementById('passage')!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(passage);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + passage.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`passage not in the page: ${p.textContent}`);
  }, PASSAGE);
}

const marked = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('mark[data-kamerlens-note]')].map((m) => m.textContent).join(''));

describe.each(['chromium', 'firefox'] as const)('notes in %s', (kind) => {
  let pages: FixtureServer;
  let profile: string;
  let session: Session | undefined;
  let exported = '';

  beforeAll(async () => {
    pages = await startFixtureServer();
    profile = mkdtempSync(join(tmpdir(), `kamerlens-notes-${kind}-`));
    session = await launch(kind, { port: pages.port, profile });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(profile, { recursive: true, force: true });
    await pages?.close();
  });

  it('adds, edits, deletes and undoes a note in the popup, and counts it on the badge', async () => {
    await session!.open(OB);
    const { popup, tabId } = await popupFor(session!, OB);
    expect(await popup.$eval('h1', (h) => h.textContent)).toMatch(/MOTIE VAN HET LID GROOTHUIZEN/);
    expect(await popup.$eval('.doc-id', (e) => e.textContent)).toBe('kst-35000-VI-59');
    expect(await popup.$eval('.citation', (e) => e.textContent)).toBe('Kamerstukken II, 35 000 VI, nr. 59');

    await fill(popup, '#new-body', 'Eerste **gedachte** over [de brief](https://example.org/)');
    await fill(popup, '#new-tags', 'migratie, Pijlers');
    await click(popup, '.note-editor button[type="submit"]');
    await until(popup, () => document.querySelectorAll('ul.notes .note').length === 1, undefined);
    expect(await noteTexts(popup)).toEqual(['Eerste gedachte over de brief']);
    expect(await popup.$eval('.note strong', (e) => e.textContent)).toBe('gedachte');
    expect(await popup.$eval('.note .markdown a', (a) => [a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      'https://example.org/',
      'noopener noreferrer',
    ]);
    expect(await popup.$$eval('.note .tags li', (li) => li.map((l) => l.textContent))).toEqual([
      '#migratie',
      '#pijlers',
    ]);
    await eventually(() => badgeOf(popup, tabId), '1');

    await click(popup, '.note button.edit');
    await fill(popup, '.note-editor textarea[id^="edit-"]', 'Eerste gedachte, *bewerkt*');
    await click(popup, 'ul.notes .note-editor button[type="submit"]');
    await until(popup, () => document.querySelector('.note em')?.textContent === 'bewerkt', undefined);

    await click(popup, '.note button.delete');
    await until(
      popup,
      () => document.querySelector('.no-notes') !== null && document.querySelector('.undo-button') !== null,
      undefined,
    );
    await eventually(() => badgeOf(popup, tabId), '');
    await click(popup, '.undo-button');
    await until(popup, () => document.querySelectorAll('ul.notes .note').length === 1, undefined);
    expect(await noteTexts(popup)).toEqual(['Eerste gedachte, bewerkt']);
    await eventually(() => badgeOf(popup, tabId), '1');
    await popup.close();
  });

  it('makes a note on the selected passage and highlights it in the page', async () => {
    const page = (await session!.browser.pages()).find((p) => p.url() === OB)!;
    await selectPassage(page);
    const { popup } = await popupFor(session!, OB);
    await click(popup, 'button.on-selection');
    // The new note opens in its editor, to write what the passage is about.
    await fill(popup, 'ul.notes .note-editor textarea', 'Over de pijlers');
    await click(popup, 'ul.notes .note-editor button[type="submit"]');
    await until(popup, () => document.querySelectorAll('ul.notes .note').length === 2, undefined);
    expect(await popup.$eval('.passage', (q) => q.textContent)).toContain(PASSAGE);
    await until(page, () => document.querySelector('mark[data-kamerlens-note]') !== null, undefined);
    expect(await marked(page)).toBe(PASSAGE);
    await popup.close();
  });

  it('keeps every note when the browser is closed and opened again, and highlights the passage again', async () => {
    await session!.close();
    session = await launch(kind, { port: pages.port, profile });
    const page = await session.open(OB);
    await until(page, () => document.documentElement.getAttribute('data-kamerlens-notes') === '1', undefined);
    expect(await marked(page)).toBe(PASSAGE);
    const text = await page.evaluate(() => document.getElementById('passage')!.textContent);
    expect(text).toContain(`de Integrale Migratieagenda (Kamerstuk 19 637, nr. 2375)\n${PASSAGE}`);
    const { popup } = await popupFor(session, OB);
    await until(popup, () => document.querySelectorAll('ul.notes .note').length === 2, undefined);
    expect((await noteTexts(popup)).sort()).toEqual(['Eerste gedachte, bewerkt', 'Over de pijlers']);
    await until(popup, () => document.querySelector('.passage')?.getAttribute('data-anchor') === 'exact', undefined);
    await popup.close();
  });

  it('shows the same notes for the same paper on tweedekamer.nl', async () => {
    await session!.open(TK);
    const { popup } = await popupFor(session!, TK);
    expect(await popup.$eval('.doc-id', (e) => e.textContent)).toBe('kst-35000-VI-59');
    await until(popup, () => document.querySelectorAll('ul.notes .note').length === 2, undefined);
    // The motion's text is on the TK page too (its document modal): the passage is found and highlighted there.
    await until(popup, () => document.querySelector('.passage')?.getAttribute('data-anchor') !== 'unknown', undefined);
    expect(await popup.$eval('.passage', (e) => e.getAttribute('data-anchor'))).toMatch(/^(exact|fuzzy)$/);
    const page = (await session!.browser.pages()).find((p) => p.url() === TK)!;
    await until(page, () => document.documentElement.getAttribute('data-kamerlens-notes') === '1', undefined);
    expect(await marked(page)).toBe(PASSAGE);
    await popup.close();
  });

  it('says plainly when the page in the tab is not supported', async () => {
    const options = await session!.openOptions();
    const probe = await session!.openExtensionPage('/notes.html', 'main');
    // Not options.url(): Firefox's BiDi does not follow extension pages' navigations (launch.ts) and says about:blank.
    const tabId = await tabIdOf(probe, `${await session!.extensionOrigin()}/options.html`);
    const popup = await session!.openExtensionPage(`/popup.html?tab=${tabId}`, '.unsupported');
    expect(await popup.$eval('.unsupported', (e) => e.textContent)).toMatch(/niet ondersteund|not supported/);
    await Promise.all([popup.close(), probe.close(), options.close()]);
  });

  it('opens and closes the document panel of the page from the popup', async () => {
    const page = (await session!.browser.pages()).find((p) => p.url() === OB)!;
    const { popup } = await popupFor(session!, OB);
    await click(popup, 'button.open-panel');
    await until(page, () => document.documentElement.getAttribute('data-kamerlens-panel') === 'open', undefined);
    await click(popup, 'button.open-panel');
    await until(page, () => !document.documentElement.hasAttribute('data-kamerlens-panel'), undefined);
    await popup.close();
  });

  it('has no serious or critical accessibility violations on the popup, the all-notes page and the options page', async () => {
    const { popup } = await popupFor(session!, OB);
    const notes = await session!.openExtensionPage('/notes.html', '.note');
    const options = await session!.openOptions();
    await until(
      options,
      () => document.querySelector('.storage[data-persisted]:not([data-persisted="asking"])') !== null,
      undefined,
    );
    expect(await axeViolations(popup)).toEqual([]);
    expect(await axeViolations(notes)).toEqual([]);
    expect(await axeViolations(options)).toEqual([]);
    await Promise.all([popup.close(), notes.close(), options.close()]);
  });

  it('finds notes on the all-notes page by text, tag and dossier, each linked to its document', async () => {
    const notes = await session!.openExtensionPage('/notes.html', '.note');
    expect(await notes.$$eval('.note .source a', (a) => a.map((l) => l.getAttribute('href')))).toEqual([OB, OB]);
    await fill(notes, '#q', 'gedachte');
    await until(notes, () => document.querySelectorAll('.note').length === 1, undefined);
    await fill(notes, '#q', 'pijlers kent');
    await until(
      notes,
      () => document.querySelectorAll('.note').length === 1 && document.querySelector('.passage') !== null,
      undefined,
    );
    await fill(notes, '#q', '');
    await choose(notes, '#tag', 'pijlers');
    await until(notes, () => document.querySelectorAll('.note').length === 1, undefined);
    expect(await noteTexts(notes)).toEqual(['Eerste gedachte, bewerkt']);
    await choose(notes, '#tag', '');
    expect(await notes.$$eval('#dossier option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual([
      '',
      '35000-VI',
    ]);
    await choose(notes, '#dossier', '35000-VI');
    await until(notes, () => document.querySelectorAll('.note').length === 2, undefined);
    await notes.close();
  });

  it('exports everything, and an import into a fresh profile restores it; a broken file changes nothing', async () => {
    const options = await session!.openOptions();
    exported = await exportFrom(options);
    const file = JSON.parse(exported) as { format: string; version: number; notes: { documentId: string }[] };
    expect(file).toMatchObject({ format: 'kamerlens-notes', version: 1 });
    expect(file.notes.map((n) => n.documentId)).toEqual(['kst-35000-VI-59', 'kst-35000-VI-59']);
    await options.close();

    const fresh = await launch(kind, { port: pages.port });
    try {
      const other = await fresh.openOptions();
      await chooseImport(other, 'kamerlens-notities.json', exported);
      await until(
        other,
        () => document.querySelector('.import-preview')?.textContent?.match(/: 2 (nieuw|new),/),
        undefined,
      );
      await click(other, 'button.import-apply');
      await until(
        other,
        () => document.querySelector('.notes-exchange .status')?.textContent?.match(/^2 (notities|notes)/),
        undefined,
      );
      expect(await exportFrom(other)).toBe(exported);

      await chooseImport(other, 'kapot.json', exported.slice(0, 40));
      await until(other, () => document.querySelector('.import-error')?.textContent, undefined);
      expect(await other.$eval('.import-error', (e) => e.textContent)).toMatch(BROKEN_FILE);
      expect(await other.$('.import-preview')).toBeNull();
      expect(await exportFrom(other)).toBe(exported);

      const page = await fresh.open(OB);
      await until(page, () => document.documentElement.getAttribute('data-kamerlens-notes') === '1', undefined);
      expect(await marked(page)).toBe(PASSAGE);
    } finally {
      await fresh.close();
    }
  });
});
