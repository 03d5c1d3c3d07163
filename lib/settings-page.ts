import { browser } from 'wxt/browser';

/*
 * The two settings the content script reads at every page (sites on/off, kinds to mark), read straight from
 * storage.local: WXT's storage module (lib/settings.ts, where the items are defined and written) would add some 4 KB
 * gzip to the content script for two reads. The keys are the items' own; tests/unit/dom/kinds.test.ts writes through
 * the items and reads through these.
 */

export const SITES_KEY = 'enabledSites';
export const KINDS_KEY = 'disabledKinds';

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
