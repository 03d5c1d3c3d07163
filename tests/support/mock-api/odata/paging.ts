import { createHash } from 'node:crypto';
import { ODataError } from './errors';

/**
 * Server-driven paging as on the real service: at most one page of entities per response (ServiceSettings.pageSize:
 * 250 on v4/2.0, 100 on v5), and a `@odata.nextLink` carrying an opaque `$skiptoken` (issue #82). The token is bound
 * to the query it came from, so a client that builds its own continuation instead of following the link verbatim
 * gets a 400, not silently wrong pages.
 */

/** The default page size (v4/2.0's documented "maximaal 250 resultaten per antwoord"). */
export const PAGE_SIZE = 250;

function fingerprint(path: string, raw: [string, string][]): string {
  const options = raw
    .filter(([name]) => name !== '$skiptoken')
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  return createHash('sha256')
    .update(`${path.toLowerCase()}?${options.join('&')}`)
    .digest('base64url')
    .slice(0, 12);
}

export function encodeSkiptoken(offset: number, path: string, raw: [string, string][]): string {
  return Buffer.from(`${offset}:${fingerprint(path, raw)}`).toString('base64url');
}

/** The offset a skiptoken stands for; 400 when it is malformed or belongs to another query. */
export function decodeSkiptoken(token: string, path: string, raw: [string, string][]): number {
  const [offset, print] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  if (!offset || !/^\d+$/.test(offset) || print !== fingerprint(path, raw)) {
    throw new ODataError(
      400,
      `The query specified in the URI is not valid. The skiptoken value '${token}' is invalid.`,
    );
  }
  return Number(offset);
}

/** An absolute URL for the next page: the same path and options, with a new `$skiptoken`. */
export function nextLink(origin: string, path: string, raw: [string, string][], offset: number): string {
  const query = raw
    .filter(([name]) => name !== '$skiptoken')
    .map(([name, value]) => `${encodeURIComponent(name).replace(/%24/g, '$')}=${encodeURIComponent(value)}`);
  query.push(`$skiptoken=${encodeSkiptoken(offset, path, raw)}`);
  return `${origin}${path}?${query.join('&')}`;
}
