/**
 * Fault switches per mock host, so tests can check how API clients cope with the failures the real services
 * show (outages, throttling, slow or cut-off answers, retired endpoints). Set from tests (`MockApi.setFault`) or
 * over HTTP (`POST /__mock/fault`); a fault with `times` applies to that many requests, then the host is ok again.
 */

export const TK_HOST = 'gegevensmagazijn.tweedekamer.nl';
export const KOOP_HOST = 'repository.overheid.nl';

export type MockHostName = typeof TK_HOST | typeof KOOP_HOST;
/** A host by name or by the short alias tests use. */
export type MockHost = MockHostName | 'tk' | 'koop';

export const FAULT_MODES = [
  'ok',
  'error500',
  'rateLimit429',
  'slow',
  'timeout',
  'malformed',
  'reset',
  'gone404',
  'gone410',
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

export interface Fault {
  mode: FaultMode;
  /** How many requests it applies to, then back to ok; unset means until changed. */
  times?: number;
  /** Delay for 'slow' (default 1000 ms). */
  delayMs?: number;
}

export const DEFAULT_SLOW_MS = 1000;

export function resolveHost(host: string): MockHostName | undefined {
  const h = host.toLowerCase();
  if (h === 'tk' || h === TK_HOST) return TK_HOST;
  if (h === 'koop' || h === KOOP_HOST) return KOOP_HOST;
  return undefined;
}

/** Validates a fault from an untrusted source (the HTTP control endpoint); returns an error text when invalid. */
export function parseFault(value: unknown): Fault | string {
  if (typeof value !== 'object' || value === null) return 'fault must be a JSON object';
  const { mode, times, delayMs } = value as Record<string, unknown>;
  if (typeof mode !== 'string' || !(FAULT_MODES as readonly string[]).includes(mode)) {
    return `mode must be one of ${FAULT_MODES.join(', ')}`;
  }
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    return 'times must be a positive integer';
  }
  if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0)) return 'delayMs must be a number ≥ 0';
  return {
    mode: mode as FaultMode,
    ...(times !== undefined ? { times: times as number } : {}),
    ...(delayMs !== undefined ? { delayMs: delayMs as number } : {}),
  };
}

export class FaultBoard {
  private readonly faults = new Map<MockHostName, { fault: Fault; remaining?: number }>();

  set(host: MockHost, fault: Fault): void {
    const name = resolveHost(host);
    if (!name) throw new Error(`unknown mock host ${host}`);
    if (fault.mode === 'ok') this.faults.delete(name);
    else this.faults.set(name, { fault, ...(fault.times !== undefined ? { remaining: fault.times } : {}) });
  }

  reset(): void {
    this.faults.clear();
  }

  /** The fault in force for a host, without using it up (for handlers that render their own broken answer). */
  current(host: MockHost): Fault {
    const name = resolveHost(host);
    return (name && this.faults.get(name)?.fault) || { mode: 'ok' };
  }

  /** The fault for one request to `host`, counting it against `times`. */
  take(host: MockHost): Fault {
    const name = resolveHost(host);
    const entry = name ? this.faults.get(name) : undefined;
    if (!name || !entry) return { mode: 'ok' };
    if (entry.remaining !== undefined) {
      entry.remaining--;
      if (entry.remaining <= 0) this.faults.delete(name);
    }
    return entry.fault;
  }

  /** Faults in force, for the control endpoint's answer. */
  snapshot(): Record<string, Fault & { remaining?: number }> {
    const out: Record<string, Fault & { remaining?: number }> = {};
    for (const [host, { fault, remaining }] of this.faults) {
      out[host] = { ...fault, ...(remaining !== undefined ? { remaining } : {}) };
    }
    return out;
  }
}

/** Cuts a body short, so JSON and XML parsers fail on it ('malformed' works the same for every handler). */
export function truncateBody(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
}
