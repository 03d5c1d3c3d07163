/**
 * One way to call a data service (the Tweede Kamer OData API, KOOP's SRU): a timeout on every request, body
 * included, and failures sorted into kinds the sync can act on (retry later, back off, or tell the user the service
 * has gone). Uses fetch only, so it runs in the MV3 service worker as well as in Node.
 */

/**
 * Why a request failed:
 * - `network`: the request or its answer never completed (offline, DNS, refused, reset mid-body);
 * - `timeout`: no complete answer within the time limit;
 * - `http`: an error status other than the ones below (401, 403, 429, 5xx, …);
 * - `gone`: 404 or 410, the endpoint or record is not there (a retired API version, a wrong base URL);
 * - `rejected`: 400, the service refused this request as asked (a filter too complex, a bad parameter);
 * - `malformed`: an answer we cannot read (not JSON, XML cut off, an HTML page where data was expected);
 * - `diagnostic`: the service refused the request in its own protocol, with 200 (SRU `<diagnostics>`): see `uri`.
 */
export type FetchErrorKind = 'network' | 'timeout' | 'http' | 'gone' | 'rejected' | 'malformed' | 'diagnostic';

/** What a ServiceError may carry besides its kind, status and Retry-After. */
export interface ServiceErrorExtra {
  /** The protocol's own code for a `diagnostic`, e.g. `info:srw/diagnostic/1/16`. */
  uri?: string;
  /** The protocol's details for a `diagnostic` (the unknown index, the bad parameter). */
  details?: string;
  cause?: unknown;
}

/**
 * SRU diagnostics (https://www.loc.gov/standards/sru/diagnostics/diagnosticsList.html) that describe the server's
 * state rather than the request: 1 general system error (e.g. "database unavailable"), 2 system temporarily
 * unavailable, 52 result set temporarily unavailable. Every other one (query syntax, unsupported index, relation,
 * schema or parameter, start position out of range, …) fails again the same way. 64 (record temporarily
 * unavailable) stands in for a single record and is never fatal, so the KOOP reader skips it instead.
 */
const TRANSIENT_DIAGNOSTICS: ReadonlySet<string> = new Set([
  'info:srw/diagnostic/1/1',
  'info:srw/diagnostic/1/2',
  'info:srw/diagnostic/1/52',
]);

/**
 * The one retry rule: worth trying again later when the failure is the network's or the service's state, not the
 * request's: network, timeout, HTTP 429 and 5xx, and the transient SRU diagnostics above.
 */
export function isRetryable(error: { kind: FetchErrorKind; status?: number; uri?: string }): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status === 429 || (error.status !== undefined && error.status >= 500 && error.status <= 599);
    case 'diagnostic':
      return error.uri !== undefined && TRANSIENT_DIAGNOSTICS.has(error.uri);
    default:
      return false;
  }
}

/** URLs in messages longer than this are cut, with "…": an OData filter can be kilobytes long. */
const MAX_URL_IN_MESSAGE = 200;
/** How much of a 400 answer's body the message quotes. */
const MAX_BODY_EXCERPT = 200;

/** `://user:pass@` up to the last `@` of the authority; after `new URL()`, userinfo holds no raw whitespace. */
const USERINFO = /:\/\/[^/?#\s]*@/g;

/** A message fit to show and store: no URL userinfo (`user:pass@`), and no URL longer than ~200 characters. */
export function safeMessage(message: string): string {
  return message
    .replace(USERINFO, '://')
    .split(/(\s+)/)
    .map((part) =>
      part.length > MAX_URL_IN_MESSAGE && part.includes('://') ? `${part.slice(0, MAX_URL_IN_MESSAGE - 1)}…` : part,
    )
    .join('');
}

export class ServiceError extends Error {
  /** Worth trying again later (see isRetryable); an own field, so it survives structured cloning. */
  readonly retryable: boolean;
  // Declared, not initialised: fields that do not apply stay absent instead of being own `undefined` properties.
  declare readonly uri?: string;
  declare readonly details?: string;

  constructor(
    readonly service: string,
    readonly kind: FetchErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds the server asked us to wait (Retry-After on a 429 or 503). */
    readonly retryAfter?: number,
    extra: ServiceErrorExtra = {},
  ) {
    super(safeMessage(`${service}: ${message}`), extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ServiceError';
    if (extra.uri !== undefined) this.uri = extra.uri;
    if (extra.details !== undefined) this.details = extra.details;
    this.retryable = isRetryable(this);
  }
}

export interface HttpOptions {
  /** Injected by tests and the service worker; defaults to the global fetch, looked up per call. */
  fetch?: typeof fetch;
  /** Limit for each request, body included (default 15 000 ms). */
  timeoutMs?: number;
  /** The caller's abort: the request then rejects with `signal.reason`, as fetch does, never with a ServiceError. */
  signal?: AbortSignal;
  /** The Accept header (default `application/json, application/xml;q=0.9`). */
  accept?: string;
}

/**
 * Seconds to wait according to a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3), rounded up.
 * Undefined when absent or unreadable, so callers fall back to their own backoff.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // All three HTTP-date forms start with a day name; Date.parse alone would take "-5" or "1.5" for a date.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNRESET, ECONNREFUSED) is in the cause. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return `${error.message} (${typeof code === 'string' ? `${code}: ` : ''}${cause.message})`;
  }
  return error.message;
}

/** The URL as fetch will see it, so messages show it percent-encoded (no raw spaces in a password to slip by). */
function normalised(url: string | URL): string {
  try {
    return new URL(url).href;
  } catch {
    return String(url);
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_BODY_EXCERPT ? `${flat.slice(0, MAX_BODY_EXCERPT - 1)}…` : flat;
}

/**
 * GETs a URL and returns the response text; throws ServiceError for everything that is not a complete 2xx answer
 * within `timeoutMs`, and the caller's abort reason when `signal` aborts.
 */
export async function getText(service: string, url: string | URL, options: HttpOptions = {}): Promise<string> {
  const href = normalised(url);
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${timeoutMs}`);
  signal?.throwIfAborted();
  // Resolved per call and called bare: a fetch detached onto another object throws "Illegal invocation".
  const doFetch = options.fetch ?? globalThis.fetch;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  /** The caller's abort wins over whatever the aborted fetch or body read reported. */
  const callerAborted = () => signal?.aborted === true;

  try {
    let response: Response;
    try {
      response = await doFetch(href, {
        signal: controller.signal,
        headers: { accept: options.accept ?? 'application/json, application/xml;q=0.9' },
      });
    } catch (error) {
      if (callerAborted()) throw signal?.reason;
      if (timedOut) {
        throw new ServiceError(
          service,
          'timeout',
          `no answer within ${timeoutMs} ms from ${href}`,
          undefined,
          undefined,
          {
            cause: error,
          },
        );
      }
      throw new ServiceError(
        service,
        'network',
        `cannot reach ${href}: ${describeFailure(error)}`,
        undefined,
        undefined,
        {
          cause: error,
        },
      );
    }

    if (!response.ok) {
      const { status } = response;
      if (status === 400) {
        let body = '';
        try {
          body = await response.text();
        } catch {
          if (callerAborted()) throw signal?.reason;
        }
        const said = excerpt(body);
        throw new ServiceError(service, 'rejected', `${href} was rejected (400)${said ? `: ${said}` : ''}`, 400);
      }
      // Frees the connection; the error page itself says nothing we would act on.
      await response.body?.cancel().catch(() => undefined);
      if (status === 404 || status === 410) {
        throw new ServiceError(service, 'gone', `${href} answered ${status}`, status);
      }
      const retryAfter =
        status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      const statusText = response.statusText ? ` ${response.statusText}` : '';
      const wait = retryAfter === undefined ? '' : `; retry after ${retryAfter} s`;
      throw new ServiceError(service, 'http', `${href} answered ${status}${statusText}${wait}`, status, retryAfter);
    }

    try {
      return await response.text();
    } catch (error) {
      if (callerAborted()) throw signal?.reason;
      if (timedOut) {
        throw new ServiceError(
          service,
          'timeout',
          `the answer from ${href} did not complete within ${timeoutMs} ms`,
          undefined,
          undefined,
          { cause: error },
        );
      }
      throw new ServiceError(
        service,
        'network',
        `the answer from ${href} broke off: ${describeFailure(error)}`,
        undefined,
        undefined,
        { cause: error },
      );
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** GETs JSON; an answer that is not JSON (an HTML error page, a cut-off body) is a 'malformed' ServiceError. */
export async function getJson<T>(service: string, url: string | URL, options: HttpOptions = {}): Promise<T> {
  const text = await getText(service, url, options);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ServiceError(
      service,
      'malformed',
      `the answer from ${normalised(url)} is not valid JSON: ${JSON.stringify(text.slice(0, 80))}`,
      undefined,
      undefined,
      { cause: error },
    );
  }
}
