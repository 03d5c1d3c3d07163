import { MOTION_STATUS, type MotionStatus } from '../contract/status';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long a record stays fresh. An undecided motion can be voted on any week, so it is refreshed within hours; a
 * decided motion changes only by correction; a document's metadata almost never changes. A reference no service
 * knows is asked again after a week (it may be published by then).
 */
export const FRESH_FOR = {
  undecidedMotion: 4 * HOUR,
  decidedMotion: 30 * DAY,
  document: 180 * DAY,
  missing: 7 * DAY,
} as const;

/** Undecided: the status table says the vote has not settled it (ingediend, aangehouden, uitgesteld, onbekend). */
export function isUndecided(status: MotionStatus): boolean {
  return !MOTION_STATUS[status].decided;
}

export function freshFor(record: { motionStatus?: MotionStatus; missing?: boolean }): number {
  if (record.missing) return FRESH_FOR.missing;
  if (record.motionStatus)
    return isUndecided(record.motionStatus) ? FRESH_FOR.undecidedMotion : FRESH_FOR.decidedMotion;
  return FRESH_FOR.document;
}

/**
 * Exponential backoff with jitter for failed fetches: 30 s, 1 min, 2 min … up to 6 h, each ±50 %, so that many
 * references failing together do not come back together. A server's Retry-After is a floor.
 */
export function backoff(attempts: number, random: () => number, retryAfterSeconds?: number): number {
  const base = Math.min(6 * HOUR, 30_000 * 2 ** Math.max(0, attempts - 1));
  const jittered = base * (0.5 + random());
  // A server may ask for any wait; more than the longest backoff would stall the queue on one odd header.
  return Math.max(jittered, Math.min(retryAfterSeconds ?? 0, (6 * HOUR) / 1000) * 1000);
}
