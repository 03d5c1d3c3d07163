/**
 * Why a KOOP lookup failed, sorted by what the caller should do about it:
 * - `network`: the request never completed (offline, DNS, connection reset);
 * - `timeout`: no complete answer within the client's time limit;
 * - `http`: the service answered with an error status;
 * - `malformed`: the answer is not a readable SRU response (cut off, HTML error page, wrong root);
 * - `diagnostic`: SRU refused the request and said why, with HTTP 200 as KOOP does.
 */
export type KoopErrorKind = 'network' | 'timeout' | 'http' | 'malformed' | 'diagnostic';

export interface KoopErrorDetails {
  /** HTTP status, for `http`. */
  status?: number;
  /** Seconds the service asked us to wait (Retry-After), for `http`. */
  retryAfter?: number;
  /** SRU diagnostic URI (`info:srw/diagnostic/1/10`), for `diagnostic`. */
  uri?: string;
  /** SRU diagnostic details, when the service gave any. */
  details?: string;
  cause?: unknown;
}

/**
 * The one error type the KOOP client throws (besides the caller's own abort reason), so the background worker can
 * decide between retrying later, marking ids unknown, and reporting a bug, without inspecting messages.
 */
export class KoopError extends Error {
  override readonly name = 'KoopError';
  readonly kind: KoopErrorKind;
  // Declared, not initialised: fields that do not apply stay absent instead of being own `undefined` properties.
  declare readonly status?: number;
  declare readonly retryAfter?: number;
  declare readonly uri?: string;
  declare readonly details?: string;
  /** Worth trying again later: the failure is transient (network, timeout, 429, 5xx), not in the request. */
  readonly retryable: boolean;

  constructor(kind: KoopErrorKind, message: string, details: KoopErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
    if (details.uri !== undefined) this.uri = details.uri;
    if (details.details !== undefined) this.details = details.details;
    this.retryable =
      kind === 'network' ||
      kind === 'timeout' ||
      (kind === 'http' && details.status !== undefined && (details.status === 429 || details.status >= 500));
  }
}
