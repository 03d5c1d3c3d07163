import { browser } from 'wxt/browser';

/**
 * Texts through `browser.i18n` (assets/public/_locales/{nl,en}), in the browser's UI language, Dutch by default.
 * Tests without a browser set their own translation (the Dutch messages file) with `setTranslate`.
 */
export type Translate = (key: string, substitutions?: string[]) => string;

function fromBrowser(key: string, substitutions?: string[]): string {
  try {
    // WXT types the keys it found at build time; ours are checked by tests/unit/page/i18n.test.ts instead.
    const get = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
    return get(key, substitutions) || key;
  } catch {
    return key;
  }
}

let current: Translate = fromBrowser;

export const t: Translate = (key, substitutions) => current(key, substitutions);

export function setTranslate(fn: Translate | undefined): void {
  current = fn ?? fromBrowser;
}

/** The UI language for dates and numbers (`nl`, `en-US`). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'nl';
  } catch {
    return 'nl';
  }
}

/** A calendar date (`2024-01-23` or a full ISO time) in the UI language: `23 januari 2024`, `23 January 2024`. */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(uiLanguage(), { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A moment (ms since epoch) in the UI language, date and time. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}
