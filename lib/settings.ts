import { storage } from 'wxt/utils/storage';
import { TK_DEFAULT_BASE } from './tk/adapter';

/**
 * User settings, kept apart from cached records: WXT storage items, each with a fallback and a version so a future
 * change of shape migrates instead of losing the value.
 */

/** The Tweede Kamer OData base URL: the API moves to a new version in 2026 (data-sources.md §1.1). */
export const tkBaseUrl = storage.defineItem<string>('local:tkBaseUrl', { fallback: TK_DEFAULT_BASE, version: 1 });

export const KOOP_DEFAULT_BASE = 'https://repository.overheid.nl/sru';
export const koopBaseUrl = storage.defineItem<string>('local:koopBaseUrl', { fallback: KOOP_DEFAULT_BASE, version: 1 });
