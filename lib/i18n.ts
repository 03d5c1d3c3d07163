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

/**
 * Messages, each asked of the browser once per key and substitutions: every call is a trip into the extension
 * bindings, and a page's tooltips, dates and pillar labels ask for the same texts again and again (3.7 ms on the
 * 130 KB verslag for the plain labels; with substitutions, `date_long` and `page_pillar_label`, another 7 ms, traced
 * by `npm run bench`). The UI language does not change while a page is open. Substituted texts are kept up to
 * MEMO_MAX, then forgotten all at once: a page with more distinct dates than that pays as before, never more.
 */
const memo = new Map<string, string>();
const MEMO_MAX = 4096;

/**
 * Message templates read from `browser.i18n` elsewhere (the background, `templatesOf`), with `$1`… where the
 * substitutions go. The first `getMessage` of a page loads the extension's message catalogues, 1.9-6.4 ms of the
 * page's main thread in Chromium (measured in a content script, eight page loads), and the background has them
 * loaded already; a key it did not give is asked of the browser as before.
 */
let templates: ReadonlyMap<string, string> | undefined;

/** `$1`…`$9` as getMessage takes substitutions: what `templatesOf` asks with, and `fill` replaces. */
const MARKERS = Array.from({ length: 9 }, (_, i) => `$${i + 1}`);

/** A template with its substitutions, in one pass: a substitution's own text is never read for markers. */
function fill(template: string, substitutions: readonly string[] = []): string {
  return template.replace(/\$([1-9])/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

export const t: Translate = (key, substitutions) => {
  // U+0001 cannot occur in a message key; substitutions are joined with it too, so two lists never share a key.
  const id = substitutions?.length ? `${key}\u0001${substitutions.join('\u0001')}` : key;
  let text = memo.get(id);
  if (text === undefined) {
    const template = current === fromBrowser ? templates?.get(key) : undefined;
    text = template === undefined ? current(key, substitutions) : fill(template, substitutions);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(id, text);
  }
  return text;
};

export function setTranslate(fn: Translate | undefined): void {
  current = fn ?? fromBrowser;
  templates = undefined;
  memo.clear();
}

/** The templates of `keys` in the UI language, as this context's browser.i18n has them (keys it lacks left out). */
export function templatesOf(keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const text = fromBrowser(key, MARKERS);
    if (text !== key) out[key] = text;
  }
  return out;
}

/** Takes templates from `templatesOf` in another context: `t` fills them instead of asking the browser. */
export function useTemplates(texts: Readonly<Record<string, string>>): void {
  templates = new Map(Object.entries(texts).filter(([, v]) => typeof v === 'string'));
  memo.clear();
}

/**
 * A message some of whose substitutions are not text (an element to style or find): the message's text between
 * them, and each of them where the message puts it, so a translation may order them as its language wants. Each is
 * passed as a marker (its index between U+E000 and U+E001, private-use characters no message holds) and split out
 * again.
 */
export function tParts<T>(key: string, parts: T[]): (string | T)[] {
  const text = t(
    key,
    parts.map((_, i) => `\uE000${i}\uE001`),
  );
  return text.split(/\uE000(\d+)\uE001/).map((piece, i) => (i % 2 ? parts[Number(piece)]! : piece));
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

/*
 * Dates are written from the messages (month names, the order of day, month and year), not with Intl: the first
 * Intl.DateTimeFormat of a content script loads the browser's locale data, 18-22 ms on the 130 KB verslag (traced
 * by `npm run bench`) for the tooltips of its references, a third of what Kamerlens may add to such a page. The
 * messages follow the browser's UI language, as every other text does.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar date (`2024-01-23` or a full ISO time) in the UI language: `23 januari 2024`, `January 23, 2024`. */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  // The calendar day as written, whatever the time zone; anything else is shown as it came.
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return t('date_long', [String(day), t(`date_month_${month}`), String(Number(m[1]))]);
}

/** A moment (ms since epoch) in the UI language and the local time zone: `1 nov 2020, 13:00`, `Nov 1, 2020, 1:00 PM`. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const hour = d.getHours();
  return t('date_time', [
    String(d.getDate()),
    t(`date_month_short_${d.getMonth() + 1}`),
    String(d.getFullYear()),
    pad2(hour),
    pad2(d.getMinutes()),
    String(hour % 12 || 12),
    t(hour < 12 ? 'date_am' : 'date_pm'),
  ]);
}
