import { ATTR } from '../contract/attrs';
import { MOTION_STATUS, STATE_BADGE } from '../contract/status';
import { t } from '../i18n';
import type { RefError, RefInfo } from '../sync/info';
import type { OwnLinks } from './identity';
import { lastPiece } from './own';

const STATUS_LABEL: Record<string, string> = {
  aangenomen: 'aangenomen',
  verworpen: 'verworpen',
  aangehouden: 'aangehouden',
  ingetrokken: 'ingetrokken',
  vervallen: 'vervallen',
  uitgesteld: 'uitgesteld',
  ingediend: 'nog niet gestemd',
  onbekend: 'status onbekend',
};

/**
 * A failure as the tooltip says it. Only these words reach the page: a category from the background, and anything
 * else (an older background's message with its request URL) is shown as an unknown error, never as it came.
 */
const ERROR_LABEL: Record<RefError, string> = {
  unreachable: 'bron niet bereikbaar',
  gone: 'bron niet gevonden',
  refused: 'verzoek geweigerd door de bron',
  unsupported: 'de bron levert dit niet meer',
  unreadable: 'antwoord van de bron onleesbaar',
  unknown: 'onbekende fout',
};

function errorLabel(error: unknown): string {
  return Object.hasOwn(ERROR_LABEL, String(error)) ? ERROR_LABEL[error as RefError] : ERROR_LABEL.unknown;
}

function date(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The tooltip: what the document is, and for a motion how it ended, with the date the data is from. */
export function describe(info: RefInfo): string {
  if (info.state === 'pending') return 'Kamerlens: gegevens worden opgehaald…';
  if (info.state === 'none') return 'Kamerlens: de link opent de bron; voor deze verwijzing zijn geen documentgegevens';
  if (info.state === 'missing') return 'Kamerlens: niet gevonden bij de Tweede Kamer of officielebekendmakingen.nl';
  if (info.state === 'failed') return `Kamerlens: gegevens niet beschikbaar (${errorLabel(info.error)})`;
  const doc = info.document;
  const lines = [[doc?.soort, date(doc?.datum)].filter(Boolean).join(' · '), doc?.titel ?? doc?.dossierTitel];
  const m = info.motion;
  if (m) {
    const outcome = [STATUS_LABEL[m.status], date(m.statusDate)].filter(Boolean).join(' op ');
    lines.push(m.voor || m.tegen ? `${outcome} (${m.voor} voor, ${m.tegen} tegen)` : outcome);
    if (m.reason) lines.push(`Waarom onbekend: ${m.reason}`);
    if (m.indieners.length)
      lines.push(`Indieners: ${m.indieners.map((i) => (i.fractie ? `${i.naam} (${i.fractie})` : i.naam)).join(', ')}`);
  } else if (doc?.indieners.length) {
    lines.push(doc.indieners.join(', '));
  }
  if (info.asOf)
    lines.push(
      `Stand van ${new Date(info.asOf).toLocaleString('nl-NL')}${info.state === 'stale' ? ' (wordt bijgewerkt)' : ''}`,
    );
  return lines.filter(Boolean).join('\n');
}

/**
 * Puts what the cache knows on Kamerlens' own links: `data-kamerlens-state` (fresh, stale, pending, missing, failed),
 * `data-kamerlens-status` for motions (the badge), and a tooltip. Elements the page wrote itself get nothing, even
 * with a `data-kamerlens-ref` of an id on the page: their state would tell the page what the user has read. Returns
 * how many elements were updated.
 */
export function applyInfos(
  doc: Document,
  infos: readonly RefInfo[],
  own: OwnLinks,
  options: { onInfo?: (el: HTMLElement, info: RefInfo) => void } = {},
): number {
  const byId = new Map(infos.map((i) => [i.id, i]));
  let updated = 0;
  for (const [el, id] of own.withIdsAmong(new Set(byId.keys()), doc)) {
    const info = byId.get(id);
    if (!info) continue;
    el.setAttribute(ATTR.state, info.state);
    if (info.motion) el.setAttribute(ATTR.status, info.motion.status);
    else el.removeAttribute(ATTR.status);
    if (info.document?.soort) el.setAttribute(ATTR.type, info.document.soort);
    // The page's own links keep their title (theirs, e.g. OB's "link naar publicatie …"); the card says it all.
    if (!el.hasAttribute(ATTR.existing)) el.title = describe(info);
    showBadge(el, info);
    options.onInfo?.(el, info);
    updated++;
  }
  return updated;
}

/** What a badge says and how it looks (lib/contract/status.ts): a motion's outcome, or the state of its data. */
export function badgeFor(info: RefInfo): { text: string; style: string } | undefined {
  if (info.motion) {
    const row = MOTION_STATUS[info.motion.status];
    const text = t(row.label);
    // Stale data says so in words, not only by its look: the outcome may have changed since.
    return info.state === 'stale'
      ? { text: `${text} · ${t('badge_stale_suffix')}`, style: `${row.style} stale` }
      : { text, style: row.style };
  }
  const badge = STATE_BADGE[info.state];
  return badge.label ? { text: t(badge.label), style: badge.style } : undefined;
}

/** Puts the badge after the reference's last piece (the CSS shows `data-kamerlens-badge` as text). */
function showBadge(first: HTMLElement, info: RefInfo): void {
  const at = lastPiece(first);
  const badge = badgeFor(info);
  if (!badge) {
    at.removeAttribute(ATTR.badge);
    at.removeAttribute(ATTR.badgeStyle);
    return;
  }
  at.setAttribute(ATTR.badge, badge.text);
  at.setAttribute(ATTR.badgeStyle, badge.style);
}
