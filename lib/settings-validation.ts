import { t } from './i18n';
import type { DATA_HOSTS } from './sites';

export type DataHost = (typeof DATA_HOSTS)[number];

/** Loopback: a local mirror, or `npm run mock-api` during development; never another machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a data-service base URL: https on the service's own host (the manifest grants Kamerlens those two data
 * hosts and no others), or loopback for a local mirror; no user name or password, no IP address, no query or
 * fragment. The options page checks what a user types, and the background checks again before every use, so a
 * value written to storage by anything else is never followed. Returns the cleaned URL or a reason in the UI language.
 */
export function checkBaseUrl(input: string, host: DataHost): { ok: true; url: string } | { ok: false; reason: string } {
  const value = input.trim();
  if (!value) return { ok: false, reason: t('options_url_empty') };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: t('options_url_incomplete') };
  }
  if (url.username || url.password) return { ok: false, reason: t('options_url_credentials') };
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: t('options_url_https') };
  }
  if (!local && url.hostname !== host) {
    return { ok: false, reason: t('options_url_host', [host]) };
  }
  if (url.search || url.hash) return { ok: false, reason: t('options_url_query') };
  return { ok: true, url: url.toString().replace(/\/+$/, '') };
}

/** The base URL to use: the setting when it passes the check, else the default (and the reason, to report). */
export function usableBaseUrl(saved: string, host: DataHost, fallback: string): { url: string; refused?: string } {
  const checked = checkBaseUrl(saved, host);
  return checked.ok ? { url: checked.url } : { url: fallback, refused: `${saved.slice(0, 80)}: ${checked.reason}` };
}
