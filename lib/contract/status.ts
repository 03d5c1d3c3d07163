import type { RefError } from '../sync/info';

/**
 * Motion statuses: one table, read by the TK status rule (lib/tk/mapping.ts), the freshness rule
 * (lib/sync/freshness.ts), the badge and card labels and their styles, and the panel's filters. A new status is a
 * new row here, and the compiler asks for every field of it.
 */
export type MotionStatus =
  | 'aangenomen'
  | 'verworpen'
  | 'aangehouden'
  | 'ingetrokken'
  | 'vervallen'
  | 'uitgesteld'
  | 'ingediend'
  | 'onbekend';

/** How a badge looks: each style has its own text and colours (never colour alone), see the content CSS. */
export type BadgeStyle = 'adopted' | 'rejected' | 'held' | 'closed' | 'open' | 'unknown';

export interface MotionStatusRow {
  /** Whether the vote settled it: a decided motion changes only by correction (refreshed monthly). */
  decided: boolean;
  /** The TK Besluit soorten that give this status (data-sources.md §1.4, tkconv's rule). */
  tkSoorten: readonly string[];
  /** i18n key of the badge text (`badge_status_aangenomen`: "aangenomen"). */
  label: string;
  style: BadgeStyle;
  /** The panel's filter the status falls under, when it has one. */
  filter?: 'adopted' | 'rejected' | 'held';
}

export const MOTION_STATUS: Record<MotionStatus, MotionStatusRow> = {
  aangenomen: {
    decided: true,
    tkSoorten: ['Stemmen - aangenomen', 'Stemmen - zonder stemming aannemen'],
    label: 'badge_status_aangenomen',
    style: 'adopted',
    filter: 'adopted',
  },
  verworpen: {
    decided: true,
    tkSoorten: ['Stemmen - verworpen'],
    label: 'badge_status_verworpen',
    style: 'rejected',
    filter: 'rejected',
  },
  aangehouden: {
    decided: false,
    tkSoorten: ['Stemmen - aangehouden'],
    label: 'badge_status_aangehouden',
    style: 'held',
    filter: 'held',
  },
  ingetrokken: {
    decided: true,
    tkSoorten: ['Stemmen - ingetrokken'],
    label: 'badge_status_ingetrokken',
    style: 'closed',
  },
  vervallen: { decided: true, tkSoorten: ['Stemmen - vervallen'], label: 'badge_status_vervallen', style: 'closed' },
  uitgesteld: {
    decided: false,
    tkSoorten: ['Stemmen - uitstellen'],
    label: 'badge_status_uitgesteld',
    style: 'held',
    filter: 'held',
  },
  ingediend: { decided: false, tkSoorten: [], label: 'badge_status_ingediend', style: 'open' },
  onbekend: { decided: false, tkSoorten: [], label: 'badge_status_onbekend', style: 'unknown' },
};

export const MOTION_STATUSES = Object.keys(MOTION_STATUS) as MotionStatus[];

export function isMotionStatus(value: string | null | undefined): value is MotionStatus {
  return value != null && Object.hasOwn(MOTION_STATUS, value);
}

/** The TK Besluit soort → status map of the status rule, built from the table. */
export const STATUS_BY_TK_SOORT: Readonly<Record<string, MotionStatus>> = Object.fromEntries(
  MOTION_STATUSES.flatMap((status) => MOTION_STATUS[status].tkSoorten.map((soort) => [soort, status] as const)),
);

/**
 * A reference's cache state as the page sees it (lib/sync/info.ts): fresh, stale (a refresh is due or under way),
 * pending (not cached yet), missing (no service knows it), failed (the services could not be asked), none (nothing
 * to fetch: a dossier, a zaak number).
 */
export type RefState = 'fresh' | 'stale' | 'pending' | 'missing' | 'failed' | 'none';

/** The badge of a reference without a motion status: text for every state that needs one (none for `fresh`). */
export const STATE_BADGE: Record<
  RefState,
  { label?: string; style: 'loading' | 'stale' | 'unknown' | 'failed' | 'plain' }
> = {
  fresh: { style: 'plain' },
  stale: { label: 'badge_state_stale', style: 'stale' },
  pending: { label: 'badge_state_pending', style: 'loading' },
  missing: { label: 'badge_state_missing', style: 'unknown' },
  failed: { label: 'badge_state_failed', style: 'failed' },
  none: { style: 'plain' },
};

/**
 * i18n keys of a failure as the page says it (tooltip and card). Only these words reach the page: a category from
 * the background, and anything else (an older background's message with its request URL) is shown as an unknown
 * error, never as it came.
 */
export const REF_ERROR_LABEL: Record<RefError, string> = {
  unreachable: 'card_error_unreachable',
  gone: 'card_error_gone',
  refused: 'card_error_refused',
  unsupported: 'card_error_unsupported',
  unreadable: 'card_error_unreadable',
  unknown: 'card_error_unknown',
};

/** The i18n key for what the background said went wrong (`error`, any value): its category's, else unknown's. */
export function refErrorLabel(error: unknown): string {
  return Object.hasOwn(REF_ERROR_LABEL, String(error)) ? REF_ERROR_LABEL[error as RefError] : REF_ERROR_LABEL.unknown;
}
