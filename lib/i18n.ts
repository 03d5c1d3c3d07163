import { browser } from 'wxt/browser';

/**
 * Every text of Kamerlens (page, popup, all-notes and options pages, menus) through `browser.i18n` (assets/public/_locales/{nl,en}), in the browser's UI language, Dutch by default.
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

/**
 * What a failure says, in the UI language: an error that carries a message key (`key`, `subs`: a NotesError) is
 * translated, any other shows its own message.
 */
export function errorText(error: unknown): string {
  const e = error as { key?: unknown; subs?: unknown; message?: unknown } | null | undefined;
  if (e && typeof e.key === 'string') {
    const subs = Array.isArray(e.subs) ? e.subs.map(String) : undefined;
    const text = t(e.key, subs);
    // No such message (a browser without the key): the error's own (Dutch) words rather than the bare key.
    if (text && text !== e.key) return text;
  }
  if (error instanceof Error) return error.message;
  return String(error);
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
