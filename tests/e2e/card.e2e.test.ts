import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { OB_HOST, TK_HOST } from '../support/fixture-server';
import { catalogue } from '../support/mock-api/catalogue';
import { useDataSession } from './data-session';
import { launch } from './launch';
import {
  cardText,
  fixtureTexts,
  messagesOf,
  pageTexts,
  screenshot,
  seriousViolations,
  waitForCard,
  watchErrors,
} from './page-ui';

/*
 * Issue 10 in the built extension, in both browsers, against the mock data services: the page's own links to
 * references decorated with their statuses (the split-anchor form of OB Handelingen, page-structure.md §1.7; an old
 * tweedekamer.nl title link with a t.v.v. reference inside), the hover card from the pointer and the keyboard, pillar
 * labels, text the page adds later, dark mode; the page's own text unchanged, no errors, no serious axe violations.
 * Pages: tests/fixtures/pages/zoek.officielebekendmakingen.nl/h-tk-20992100-10-8.html and
 * www.tweedekamer.nl/2099D00002.html.
 */

const OB_PAGE = `https://${OB_HOST}/h-tk-20992100-10-8.html`;
const TK_PAGE = `https://${TK_HOST}/kamerstukken/moties/detail?did=2099D00002&id=2099Z00002`;

/** Each reference element of a paragraph: id, continuation, kind, existing, state, status, badge. */
function references(page: Page, selector: string) {
  return page.$$eval(selector, (els) =>
    els.map((el) => ({
      ref: el.getAttribute('data-kamerlens-ref'),
      continues: el.getAttribute('data-kamerlens-continues'),
      kind: el.getAttribute('data-kamerlens-kind'),
      existing: el.hasAttribute('data-kamerlens-existing'),
      status: el.getAttribute('data-kamerlens-status'),
      badge: el.getAttribute('data-kamerlens-badge'),
      href: el.getAttribute('href'),
      title: el.getAttribute('title'),
      text: el.textContent,
    })),
  );
}

async function untilStatus(page: Page, selector: string, status: string): Promise<void> {
  await page.waitForFunction(
    (s, want) => document.querySelector(s)?.getAttribute('data-kamerlens-status') === want,
    { timeout: 30_000, polling: 100 },
    selector,
    status,
  );
}

describe.each(['chromium', 'firefox'] as const)('references on the page, in %s', (kind) => {
  const env = useDataSession(kind);

  it('decorates the page’s split OB links once each, with their statuses, and leaves the rest as it was', async () => {
    const page = await env.session.open(OB_PAGE);
    const errors = watchErrors(page);
    const m = await messagesOf(page);
    await untilStatus(page, '#m-adopted a[data-kamerlens-ref]', 'aangenomen');
    await untilStatus(page, '#m-rejected a[data-kamerlens-ref]', 'verworpen');
    await untilStatus(page, '#m-held a[data-kamerlens-ref]', 'aangehouden');
    const adopted = await references(page, '#m-adopted a:not(.kamerlens-ref)');
    expect(adopted).toEqual([
      {
        ref: 'kst-19637-2380',
        continues: null,
        kind: 'kamerstuk',
        existing: true,
        status: 'aangenomen',
        badge: null,
        href: 'kst-19637-2380.html',
        title: 'link naar publicatie kst-19637-2380',
        text: '19637',
      },
      {
        ref: null,
        continues: 'kst-19637-2380',
        kind: null,
        existing: true,
        status: null,
        // The badge stands after the reference's last piece, in words.
        badge: m('badge_status_aangenomen'),
        href: 'kst-19637-2380.html',
        title: 'link naar publicatie kst-19637-2380',
        text: '2380',
      },
    ]);
    expect((await references(page, '#m-rejected a:not(.kamerlens-ref)')).map((r) => r.badge)).toEqual([
      null,
      m('badge_status_verworpen'),
    ]);
    expect((await references(page, '#m-held a:not(.kamerlens-ref)')).map((r) => r.badge)).toEqual([
      null,
      m('badge_status_aangehouden'),
    ]);
    // One absolute link in one anchor; a citation in plain text gets Kamerlens' own link.
    expect(await references(page, '#absolute a')).toMatchObject([
      { ref: 'kst-35000-VI-59', kind: 'kamerstuk', existing: true, continues: null },
    ]);
    expect(await references(page, '#intro a')).toMatchObject([
      { ref: 'kst-21501-20-1265', existing: false, title: expect.stringContaining('Libische kustwacht') },
    ]);
    // Unknown targets untouched.
    expect(await references(page, '#unknown a')).toEqual(
      [
        ['https://example.org/migratie', 'een andere site'],
        ['/zoeken?q=migratie', 'zoekresultaten'],
        ['#noot1', '1'],
      ].map(([href, text]) => ({
        ref: null,
        continues: null,
        kind: null,
        existing: false,
        status: null,
        badge: null,
        href,
        title: null,
        text,
      })),
    );
    expect(errors).toEqual([]);
    // A click still goes where the page's link went (the fixture server has no such page: a 404 in the console).
    const target = `https://${OB_HOST}/kst-19637-2321.html`;
    const request = page.waitForRequest((r) => r.url() === target && r.isNavigationRequest());
    await page.click('#m-rejected a[data-kamerlens-continues]');
    expect((await request).url()).toBe(target);
    await page.close();
  });

  it('decorates a tweedekamer.nl title link with a t.v.v. reference inside, never with a link in it', async () => {
    const page = await env.session.open(TK_PAGE);
    const errors = watchErrors(page);
    const m = await messagesOf(page);
    const did = (id: string) => catalogue().find((e) => e.obId === id)?.documentNummer;
    expect([did('kst-35000-VI-59'), did('kst-19637-2321')]).toEqual(['2018D32216', '2017D77455']);
    await untilStatus(page, '#tvv a[data-kamerlens-ref]', 'aangenomen');
    await untilStatus(page, '#rejected a[data-kamerlens-ref]', 'verworpen');
    expect(await references(page, '#tvv a')).toMatchObject([
      { ref: '2018D32216', kind: 'tk-document', existing: true, badge: m('badge_status_aangenomen'), title: null },
    ]);
    expect(await page.$$eval('#tvv a a, #tvv a .kamerlens-ref', (els) => els.length)).toBe(0);
    expect(await page.$eval('#tvv a', (a) => a.textContent?.replace(/\s+/g, ' '))).toBe(
      'Gewijzigde motie van het lid Groothuizen c.s. (t.v.v. 35 000 VI, nr. 56) over een jaarlijkse rapportage',
    );
    // The menu and the footer are chrome: their links stay as they were.
    expect(await page.$$eval('header a[data-kamerlens-ref], footer a[data-kamerlens-ref]', (els) => els.length)).toBe(
      0,
    );
    expect(await references(page, '#search a')).toMatchObject([{ ref: null, existing: false }]);
    // The card of a decorated tweedekamer.nl link: the motion with its vote.
    await page.hover('#rejected a');
    const text = await waitForCard(page);
    expect(text).toContain('Motie van het lid Van Ojik c.s. over harder inzetten op gedwongen terugkeer');
    expect(text).toContain(m('badge_status_verworpen'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the card on hover, keeps it while the pointer moves in, and shows the motion with its vote', async () => {
    const page = await env.session.open(OB_PAGE);
    const errors = watchErrors(page);
    const m = await messagesOf(page);
    await untilStatus(page, '#m-adopted a[data-kamerlens-ref]', 'aangenomen');
    await page.hover('#m-adopted a[data-kamerlens-continues]');
    const text = await waitForCard(page);
    for (const part of [
      m('card_kind_motion'),
      'kst-19637-2380',
      'Motie van het lid Fritsma over geen arbeidskrachten van buiten de EU als beloning',
      `${m('card_dossier', '19637')}: Vreemdelingenbeleid`,
      m('badge_status_aangenomen'),
      m('card_vote_date', ''),
      m('card_for'),
      m('card_against'),
      'VVD',
      m('card_as_of', ''),
      m('card_open_ob'),
      m('card_open_tk'),
      m('card_refresh'),
    ])
      expect(text).toContain(part);
    // Into the card: it stays; its links are the reference's pages.
    const box = await page.evaluate(() => {
      const r = document.querySelector('kamerlens-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + 10 };
    });
    await page.mouse.move(box.x, box.y, { steps: 5 });
    expect(await cardText(page)).toContain('Fritsma');
    const links = await page.evaluate(() =>
      [...document.querySelector('kamerlens-card')!.shadowRoot!.querySelectorAll('a')].map((a) => a.href),
    );
    expect(links[0]).toBe(`https://${OB_HOST}/kst-19637-2380.html`);
    expect(links[1]).toMatch(/^https:\/\/www\.tweedekamer\.nl\//);
    await screenshot(page, `card-${kind}`);
    expect(await seriousViolations(page)).toEqual([]);
    // "Vernieuwen" fetches the record again and the card shows the answer.
    await page.evaluate(() =>
      document.querySelector('kamerlens-card')!.shadowRoot!.querySelector<HTMLButtonElement>('button.refresh')!.click(),
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('kamerlens-card')
          ?.shadowRoot?.querySelector('button.refresh')
          ?.getAttribute('aria-busy') === null,
      { timeout: 15_000, polling: 50 },
    );
    expect(await cardText(page)).toContain('Fritsma');
    // Out of the card and the reference: it closes.
    await page.mouse.move(1, 1, { steps: 3 });
    await page.waitForFunction(() => document.querySelector('kamerlens-card[data-open]') === null, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the card from the keyboard: Enter opens it with focus inside, Escape closes it and focus returns', async () => {
    const page = await env.session.open(OB_PAGE);
    const m = await messagesOf(page);
    await untilStatus(page, '#m-rejected a[data-kamerlens-ref]', 'verworpen');
    await page.focus('#m-rejected a[data-kamerlens-ref]');
    await page.keyboard.press('Enter');
    const text = await waitForCard(page);
    expect(text).toContain('Motie van het lid Van Ojik c.s. over harder inzetten op gedwongen terugkeer');
    expect(text).toContain(m('badge_status_verworpen'));
    expect(page.url()).toBe(OB_PAGE); // Enter opened the card, it did not follow the link
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('KAMERLENS-CARD');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('kamerlens-card[data-open]') === null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kamerlens-ref'))).toBe(
      'kst-19637-2321',
    );
    await page.close();
  });

  it('labels the pillar sections without changing the page’s text, links what the page adds later, and hides the labels when the options say so', async () => {
    const page = await env.session.open(OB_PAGE);
    const errors = watchErrors(page);
    const m = await messagesOf(page);
    await page.waitForSelector('html[data-kamerlens-analysis="ready"]', { timeout: 30_000 });
    const labels = await page.$$eval('kamerlens-pillar', (els) =>
      els.map((el) => [el.parentElement?.id, el.shadowRoot?.querySelector('.label')?.textContent]),
    );
    expect(labels).toEqual(
      expect.arrayContaining([
        ['h-return', `IMA · ${m('page_pillar_label', '4')}`],
        ['h-integration', `IMA · ${m('page_pillar_label', '6')}`],
      ]),
    );
    await page.hover('#h-return kamerlens-pillar');
    const text = await waitForCard(page);
    expect(text).toContain(m('card_pillar', 'Integrale Migratieagenda', '4', 'Minder illegaliteit, meer terugkeer'));
    expect(text).toMatch(new RegExp(m('card_confidence', '\\d+')));
    await screenshot(page, `pillar-labels-${kind}`);
    // The paragraph the page adds later: its split reference is decorated once and gets its status.
    await untilStatus(page, '#late-paragraph a[data-kamerlens-ref]', 'aangenomen');
    expect(
      (await references(page, '#late-paragraph a:not(.kamerlens-ref)')).map((r) => [r.ref, r.continues, r.badge]),
    ).toEqual([
      ['kst-35000-8', null, null],
      [null, 'kst-35000-8', m('badge_status_aangenomen')],
    ]);
    // The page's own elements say what the file says: links, badges and labels add no text.
    // (#late is where the page's own script puts its paragraph.)
    const { late: _late, ...expected } = fixtureTexts(OB_HOST, 'h-tk-20992100-10-8', '#broodtekst');
    expect(await pageTexts(page, '#broodtekst', Object.keys(expected))).toEqual(expected);
    // The options page turns the labels off: the open page hides them at once, and shows them again.
    const hidden = () => page.$$eval('kamerlens-pillar', (els) => els.map((el) => (el as HTMLElement).hidden));
    const options = await env.session.openOptions();
    await options.click('#pillar-labels');
    await page.waitForFunction(
      () => [...document.querySelectorAll('kamerlens-pillar')].every((el) => (el as HTMLElement).hidden),
      { timeout: 10_000, polling: 100 },
    );
    expect((await hidden()).length).toBeGreaterThan(1);
    await options.click('#pillar-labels');
    await page.waitForFunction(
      () => [...document.querySelectorAll('kamerlens-pillar')].every((el) => !(el as HTMLElement).hidden),
      { timeout: 10_000, polling: 100 },
    );
    await options.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the dark colour scheme in its badges and its card', async () => {
    // Chromium emulates the media feature; Firefox has no emulation over WebDriver BiDi, so a session of its own
    // runs with the content colour scheme set to dark (pref 0 = dark).
    const dark =
      kind === 'firefox'
        ? await launch(kind, {
            port: env.pages.port,
            dataPort: env.api.httpsPort!,
            firefoxPrefs: { 'layout.css.prefers-color-scheme.content-override': 0 },
          })
        : undefined;
    try {
      const page = await (dark ?? env.session).browser.newPage();
      if (!dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.goto(OB_PAGE, { waitUntil: 'load' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await untilStatus(page, '#m-adopted a[data-kamerlens-ref]', 'aangenomen');
      await page.waitForSelector('#m-adopted a[data-kamerlens-badge]');
      const badge = await page.$eval('#m-adopted a[data-kamerlens-badge]', (a) => getComputedStyle(a, '::after').color);
      expect(badge).toBe('rgb(0, 0, 0)'); // dark text on a light badge
      await page.hover('#m-adopted a[data-kamerlens-ref]');
      await waitForCard(page);
      const background = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('kamerlens-card')!.shadowRoot!.querySelector('.card')!)
            .backgroundColor,
      );
      expect(background).toBe('rgb(30, 31, 34)');
      await screenshot(page, `card-dark-${kind}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    } finally {
      await dark?.close();
    }
  });
});
