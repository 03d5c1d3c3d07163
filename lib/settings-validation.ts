/**
 * Checks a data-service base URL a user typed: it must be an absolute https URL (plain http only on this machine,
 * for a local mirror or test server), without query or fragment. Returns the cleaned URL or a reason in Dutch.
 */
export function checkBaseUrl(input: string): { ok: true; url: string } | { ok: false; reason: string } {
  const value = input.trim();
  if (!value) return { ok: false, reason: 'Vul een adres in.' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'Dit is geen volledig webadres (begin met https://).' };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: 'Gebruik https:// (http:// alleen voor een server op deze computer).' };
  }
  if (url.search || url.hash) return { ok: false, reason: 'Laat vraagteken- en #-delen weg: alleen het basisadres.' };
  return { ok: true, url: url.toString().replace(/\/+$/, '') };
}
