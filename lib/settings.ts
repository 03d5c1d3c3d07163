import { storage } from 'wxt/utils/storage';
import { KINDS_KEY, PILLAR_LABELS_KEY, SITES_KEY, type SiteKey } from './settings-page';
import { TK_DEFAULT_BASE, TK_LEGACY_BASE } from './tk/versions';

/**
 * User settings, kept apart from cached records: WXT storage items, each with a fallback and a version so a change
 * of shape migrates instead of losing the value.
 */

/**
 * The base URL a version-1 setting holds, as version 2 keeps it: Kamerlens' old default (the TK's OData v4/2.0,
 * retired on 1 October 2026, TK issue #175) becomes the new default; a URL the user typed is theirs and stays.
 */
export function migrateTkBaseUrlV2(saved: string): string {
  return saved.replace(/\/+$/, '') === TK_LEGACY_BASE ? TK_DEFAULT_BASE : saved;
}

/** The Tweede Kamer OData base URL (v5 since October 2026; a v4/2.0 URL still works while that server answers). */
export const tkBaseUrl = storage.defineItem<string>('local:tkBaseUrl', {
  fallback: TK_DEFAULT_BASE,
  version: 2,
  migrations: { 2: migrateTkBaseUrlV2 },
});

export const KOOP_DEFAULT_BASE = 'https://repository.overheid.nl/sru';
export const koopBaseUrl = storage.defineItem<string>('local:koopBaseUrl', { fallback: KOOP_DEFAULT_BASE, version: 1 });

export { type SiteKey, siteKeyOf } from './settings-page';

/** Which sites Kamerlens annotates (options: "Sites"); both by default. A switched-off site is left untouched. */
export const enabledSites = storage.defineItem<Record<SiteKey, boolean>>(`local:${SITES_KEY}`, {
  fallback: { ob: true, tk: true },
  version: 1,
});

/**
 * The reference kinds the user switched off (options: "Wat Kamerlens markeert"), as `data-kamerlens-kind` names them.
 * Stored as what is off, so that a kind added in a later version is on until the user says otherwise.
 */
export const disabledKinds = storage.defineItem<string[]>(`local:${KINDS_KEY}`, { fallback: [], version: 1 });

/** Pillar labels in the text (lib/page/pillar-labels.ts); on by default, the options page turns them off. */
export const pillarLabels = storage.defineItem<boolean>(`local:${PILLAR_LABELS_KEY}`, { fallback: true, version: 1 });
