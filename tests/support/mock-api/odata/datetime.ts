/**
 * Instants with the precision the service stores (`ApiGewijzigdOp` has 7 fractional digits, i.e. 100 ns ticks),
 * so `ApiGewijzigdOp gt <last seen value>` compares exactly, which JavaScript's millisecond Date cannot.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** 100-ns ticks since the Unix epoch, or undefined if the text is not an OData date or date-time. */
export function parseTicks(text: string): bigint | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return undefined;
  const offsetMinutes =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const fraction = BigInt(frac.padEnd(7, '0'));
  return (BigInt(ms) - BigInt(offsetMinutes) * 60_000n) * 10_000n + fraction;
}

/** True for the literal forms the filter accepts as `Edm.DateTimeOffset` (date-time with a zone). */
export function isDateTimeLiteral(text: string): boolean {
  return /T/.test(text) && DATE_TIME.test(text);
}

/** Calendar parts as written in the value itself (the server's `year()` works in the value's own offset). */
export function localParts(
  text: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  };
}
