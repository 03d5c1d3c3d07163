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

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes `timeZone` is ahead of UTC at the instant `ms`. */
function zoneOffsetMinutes(timeZone: string, ms: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * Ticks of a date-time text whose own zone is ignored and its wall-clock time read in `timeZone` instead:
 * `2018-03-29T00:00:00Z` in Europe/Amsterdam is `2018-03-29T00:00:00+02:00`. A wall-clock time that falls in a
 * daylight-saving gap or overlap resolves to one of its neighbours.
 */
export function parseWallClockTicks(text: string, timeZone: string): bigint | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(wall)) return undefined;
  const guess = wall - zoneOffsetMinutes(timeZone, wall) * 60_000;
  const ms = wall - zoneOffsetMinutes(timeZone, guess) * 60_000;
  return BigInt(ms) * 10_000n + BigInt(frac.padEnd(7, '0'));
}
