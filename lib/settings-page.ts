import { browser } from 'wxt/browser';

/*
 * The three settings the content script reads at every page (sites on/off, kinds to mark, pillar labels), read
 * straight from storage.local: WXT's storage module (lib/settings.ts, where the items are defined and written) adds
 * some 4 KB gzip to the content script, and its five items check their versions in storage as the module loads (on
 * every page: 3-5 ms of the 130 KB verslag's, traced by `npm run bench`). The keys are the items' own (WXT keeps an
 * item's value under its key); tests/unit/dom/kinds.test.ts writes through the items and reads through these.
 */

export const SITES_KEY = 'enabledSites';
export const KINDS_KEY = 'disabledKinds';
export const PILLAR_LABELS_KEY = 'pillarLabels';

/** The two sites, as the options page switches them: OB (zoek.officielebekendmakingen.nl) and tweedekamer.nl. */
export type SiteKey = 'ob' | 'tk';
export const siteKeyOf = (hostname: string): SiteKey | undefined =>
  hostname === 'zoek.officielebekendmakingen.nl'
    ? 'ob'
    : hostname === 'tweedekamer.nl' || hostname === 'www.tweedekamer.nl'
      ? 'tk'
      : undefined;

const read = async <T>(key: string): Promise<T | undefined> =>
  ((await browser.storage.local.get(key)) as Record<string, T | undefined>)[key];

/** Whether Kamerlens runs on this host now: a site the user switched off gets no links, badges or highlights. */
export async function siteEnabled(hostname: string): Promise<boolean> {
  const key = siteKeyOf(hostname);
  return key !== undefined && (await read<Partial<Record<SiteKey, boolean>>>(SITES_KEY))?.[key] !== false;
}

/** A test for the kinds to mark now; everything when nothing is switched off. */
export async function kindFilter(): Promise<(kind: string) => boolean> {
  const off = new Set(await read<string[]>(KINDS_KEY));
  return (kind) => !off.has(kind);
}

/** Whether pillar labels are shown (on unless the options page turned them off). */
export async function pillarLabelsShown(): Promise<boolean> {
  return (await read<boolean>(PILLAR_LABELS_KEY)) !== false;
}

/** Calls `onChange` when the options page turns pillar labels on or off; returns the function that stops it. */
export function watchPillarLabels(onChange: (shown: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[PILLAR_LABELS_KEY];
    if (area === 'local' && change) onChange(change.newValue !== false);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
