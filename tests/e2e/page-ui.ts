import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { Window } from 'happy-dom';
import type { Page } from 'puppeteer-core';
import { FIXTURE_DIR } from '../support/fixture-server';
import { PROJECT_ROOT } from '../support/shared';

/** Helpers for the e2e files of the page's UI (card, panel, pillar labels). */

export const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'e2e', '.artifacts');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) as `${string}.png` });
}

/** Console errors and uncaught exceptions of a page, from the moment it is watched. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/**
 * The textContent of every element with an id in a fixture page as its file has it: what the page's own elements must
 * still say once Kamerlens is done (links, badges and labels add no text).
 */
export function fixtureTexts(host: string, name: string, scope: string): Record<string, string> {
  const window = new Window();
  window.document.write(readFileSync(join(FIXTURE_DIR, host, `${name}.html`), 'utf8'));
  const out: Record<string, string> = {};
  for (const el of window.document.querySelectorAll(`${scope} [id]`)) out[el.id] = el.textContent ?? '';
  window.close();
  return out;
}

export function pageTexts(page: Page, scope: string, ids: readonly string[]): Promise<Record<string, string>> {
  return page.evaluate(
    (scope, ids) => {
      const out: Record<string, string> = {};
      for (const id of ids) {
        const el = document.querySelector(`${scope} #${id}`);
        if (el) out[id] = el.textContent ?? '';
      }
      return out;
    },
    scope,
    ids,
  );
}

/** The open card's text (its shadow root is open), or undefined when no card is shown. */
export function cardText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const host = document.querySelector('kamerlens-card[data-open]');
    const card = host?.shadowRoot?.querySelector<HTMLElement>('.card');
    return card && !card.hidden ? card.textContent : undefined;
  });
}

export async function waitForCard(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('kamerlens-card[data-open]') !== null, {
    timeout: 15_000,
    polling: 50,
  });
  return (await cardText(page)) ?? '';
}

/** axe-core's serious and critical violations, as `rule: targets`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * The extension's texts in the language the browser gives it (`browser.i18n` follows the browser's UI language: the
 * test browsers run in English unless told otherwise, Dutch is the default): `m('badge_status_aangenomen')`.
 */
export async function messagesOf(page: Page): Promise<(key: string, ...subs: string[]) => string> {
  const language = await page.evaluate(() => navigator.language);
  const lang = language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  const messages = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'assets', 'public', '_locales', lang, 'messages.json'), 'utf8'),
  ) as Messages;
  return (key, ...subs) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key}`);
    return entry.message.replace(/\$(\w+)\$/g, (_m, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  };
}

/** `text` as a regular expression that matches it literally. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The extension's texts as regular expression sources, in the browser's language (`messagesOf`): the message's own
 * words taken literally, each substitution a pattern of its own, for a part the test cannot know (a vote count):
 * `re('card_totals', '(\\d+)', '(\\d+)')` matches "33 voor, 20 tegen" and "33 for, 20 against". A source, not a
 * RegExp, so that it can be combined and passed into the page.
 */
export async function patternsOf(page: Page): Promise<(key: string, ...subs: string[]) => string> {
  const m = await messagesOf(page);
  return (key, ...subs) =>
    // Each substitution goes in as a mark that `literal` leaves alone, and comes out as its pattern.
    literal(m(key, ...subs.map((_, i) => `⟦${i}⟧`))).replace(/⟦(\d+)⟧/g, (_x, i: string) => subs[Number(i)]!);
}

/**
 * A calendar date (`2018-12-04`) as the extension writes it (lib/i18n.ts formatDate) in the language the page runs
 * in, which is the browser's UI language `messagesOf` goes by: "4 december 2018", "December 4, 2018".
 */
export function dateOf(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (iso) =>
      new Date(`${iso}T12:00:00Z`).toLocaleDateString(navigator.language, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    iso,
  );
}
