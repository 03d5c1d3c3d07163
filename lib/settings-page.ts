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

/** What the content script needs of the settings at the start of a page. */
export interface PageSettings {
  /** Whether Kamerlens runs on this host now: a site the user switched off gets no links, badges or highlights. */
  enabled: boolean;
  /** A test for the kinds to mark now; everything when nothing is switched off. */
  kinds: (kind: string) => boolean;
  /** Whether pillar labels are shown (on unless the options page turned them off). */
  pillarLabels: boolean;
}

/** The page's settings in one read of storage (one trip to the browser instead of three). */
export async function pageSettings(hostname: string): Promise<PageSettings> {
  const stored = (await browser.storage.local.get([SITES_KEY, KINDS_KEY, PILLAR_LABELS_KEY])) as {
    [SITES_KEY]?: Partial<Record<SiteKey, boolean>>;
    [KINDS_KEY]?: string[];
    [PILLAR_LABELS_KEY]?: boolean;
  };
  const key = siteKeyOf(hostname);
  const off = new Set(stored[KINDS_KEY]);
  return {
    enabled: key !== undefined && stored[SITES_KEY]?.[key] !== false,
    kinds: (kind) => !off.has(kind),
    pillarLabels: stored[PILLAR_LABELS_KEY] !== false,
  };
}

export async function siteEnabled(hostname: string): Promise<boolean> {
  return (await pageSettings(hostname)).enabled;
}

export async function kindFilter(): Promise<(kind: string) => boolean> {
  return (await pageSettings('')).kinds;
}

export async function pillarLabelsShown(): Promise<boolean> {
  return (await pageSettings('')).pillarLabels;
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
