/**
 * One way to call a data service: a timeout on every request, and failures sorted into kinds the sync can act on
 * (retry later, back off, or tell the user the service has gone).
 */

export type FetchErrorKind = 'network' | 'timeout' | 'http' | 'gone' | 'malformed' | 'rejected';

export class ServiceError extends Error {
  constructor(
    readonly service: string,
    readonly kind: FetchErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds the server asked us to wait (429/503 Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(`${service}: ${message}`);
    this.name = 'ServiceError';
  }

  /** Worth trying again later: the network, a timeout, rate limiting, a server error. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 429);
  }
}

export interface HttpOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

/** GETs a URL and returns the response text; throws ServiceError for everything that is not a 2xx answer. */
export async function getText(service: string, url: string, options: HttpOptions = {}): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await doFetch(url, {
        signal: controller.signal,
        headers: { accept: 'application/json, application/xml;q=0.9' },
      });
    } catch (error) {
      if (controller.signal.aborted && !options.signal?.aborted) {
        throw new ServiceError(service, 'timeout', `no answer within ${timeoutMs} ms from ${url}`);
      }
      throw new ServiceError(service, 'network', `cannot reach ${url}: ${(error as Error).message}`);
    }
    if (response.status === 404 || response.status === 410) {
      throw new ServiceError(service, 'gone', `${url} answered ${response.status}`, response.status);
    }
    if (response.status === 400) {
      throw new ServiceError(
        service,
        'rejected',
        `${url} was rejected (400): ${(await safeText(response)).slice(0, 300)}`,
        400,
      );
    }
    if (!response.ok) {
      throw new ServiceError(
        service,
        'http',
        `${url} answered ${response.status}`,
        response.status,
        retryAfterSeconds(response.headers.get('retry-after')),
      );
    }
    try {
      return await response.text();
    } catch (error) {
      throw new ServiceError(service, 'network', `the answer from ${url} broke off: ${(error as Error).message}`);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function safeText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

/** GETs JSON; an answer that is not JSON (an HTML error page, a cut-off body) is a 'malformed' ServiceError. */
export async function getJson<T>(service: string, url: string, options: HttpOptions = {}): Promise<T> {
  const text = await getText(service, url, options);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ServiceError(
      service,
      'malformed',
      `the answer from ${url} is not valid JSON: ${JSON.stringify(text.slice(0, 80))}`,
    );
  }
}
