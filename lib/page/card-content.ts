import { dossierOf, motionSearchUrl, obUrlFor, tkUrlFor } from '../contract/ids';
import { isRefKind, KIND_LABEL, type RefKind } from '../contract/kinds';
import { MOTION_STATUS, refErrorLabel } from '../contract/status';
import { formatDate, formatTime, t } from '../i18n';
import type { PartyVote, RefInfo } from '../sync/info';
import { h } from './kit';

/** What the card is about: a reference element's id (none for a motion the text does not pin down) and kind. */
export interface CardSubject {
  id?: string;
  kind: RefKind;
  /** A motion mention's members (`verhoeven/groothuizen`). */
  members?: readonly string[];
}

const errorText = (error: unknown) => t(refErrorLabel(error));

/** Capitalised member names for `Motie van Verhoeven/Groothuizen`: the attribute keeps them lower-case. */
const name = (member: string) =>
  member.replace(/(^|\s)(\p{L})/gu, (_m, space: string, c: string) => space + c.toUpperCase());

/**
 * The votes per party at a glance: a bar of seats for and against (decorative; the numbers are in the text) and the
 * parties of each side with their seats.
 */
function votes(doc: Document, votes: readonly PartyVote[], voor: number, tegen: number): HTMLElement {
  const side = (soort: PartyVote['soort'], label: string, cls: string) => {
    const rows = votes.filter((v) => v.soort === soort).sort((a, b) => b.zetels - a.zetels);
    if (!rows.length) return undefined;
    return h(
      doc,
      'div',
      { class: `side ${cls}` },
      h(doc, 'span', { class: 'side-label' }, `${label} (${rows.reduce((s, v) => s + v.zetels, 0)})`),
      h(
        doc,
        'ul',
        { class: 'parties' },
        ...rows.map((v) => h(doc, 'li', {}, `${v.fractie} `, h(doc, 'span', { class: 'seats' }, String(v.zetels)))),
      ),
    );
  };
  const total = Math.max(1, voor + tegen);
  return h(
    doc,
    'section',
    { class: 'votes', 'aria-label': t('card_votes') },
    h(doc, 'p', { class: 'totals' }, t('card_totals', [String(voor), String(tegen)])),
    h(
      doc,
      'div',
      { class: 'bar', 'aria-hidden': 'true' },
      h(doc, 'span', { class: 'bar-voor', style: `width:${(100 * voor) / total}%` }),
      h(doc, 'span', { class: 'bar-tegen', style: `width:${(100 * tegen) / total}%` }),
    ),
    side('Voor', t('card_for'), 'voor'),
    side('Tegen', t('card_against'), 'tegen'),
  );
}

/** The state line: what is missing or failed, or the "stand van" time (with a note while it is being refreshed). */
function stateLine(doc: Document, info: RefInfo | undefined): HTMLElement {
  let text: string;
  if (!info || info.state === 'pending') text = t('card_pending');
  else if (info.state === 'missing') text = t('card_missing');
  else if (info.state === 'failed') text = t('card_failed', [errorText(info.error)]);
  else if (info.state === 'none') text = t('card_none');
  else if (!info.asOf) text = t('card_no_data');
  else text = t(info.state === 'stale' ? 'card_stale' : 'card_as_of', [formatTime(info.asOf)]);
  return h(doc, 'p', { class: `state state-${info?.state ?? 'pending'}` }, text);
}

/**
 * The card's content for one reference, from what the background said (`info`, none yet while loading). Kind,
 * title, date, dossier with its title, indieners with their party; for a motion its outcome, vote date, votes per
 * party and the kabinetsappreciatie; the "stand van" time; links to OB and tweedekamer.nl.
 */
export function cardContent(doc: Document, subject: CardSubject, info: RefInfo | undefined): HTMLElement {
  const document = info?.document;
  const motion = info?.motion;
  const kind = motion ? 'motion' : subject.kind;
  const kindText = [t(KIND_LABEL[isRefKind(kind) ? kind : 'kamerstuk']), document?.soort]
    .filter((x, i, all) => x && all.indexOf(x) === i)
    .join(' · ');
  const title =
    document?.titel ??
    (subject.members?.length ? t('card_members', [subject.members.map(name).join('/')]) : (subject.id ?? ''));
  const dossier = subject.id ? dossierOf(subject.id) : undefined;
  const indieners = motion?.indieners.length
    ? motion.indieners.map((i) => (i.fractie ? `${i.naam} (${i.fractie})` : i.naam))
    : (document?.indieners ?? []);
  const ob = subject.id ? obUrlFor(subject.id) : undefined;
  const tk = subject.id ? tkUrlFor(subject.id) : subject.members ? motionSearchUrl(subject.members) : undefined;

  const body = h(
    doc,
    'div',
    { class: 'content' },
    h(doc, 'p', { class: 'kind' }, kindText, subject.id ? h(doc, 'span', { class: 'id' }, ` ${subject.id}`) : ''),
    h(doc, 'h2', { class: 'title', id: 'kamerlens-card-title' }, title),
    document?.datum ? h(doc, 'p', { class: 'date' }, formatDate(document.datum)) : '',
    dossier || document?.dossierTitel
      ? h(
          doc,
          'p',
          { class: 'dossier' },
          [dossier ? t('card_dossier', [dossier]) : '', document?.dossierTitel].filter(Boolean).join(': '),
        )
      : '',
    indieners.length
      ? h(
          doc,
          'p',
          { class: 'indieners' },
          h(doc, 'span', { class: 'label' }, `${t('card_indieners')}: `),
          indieners.join(', '),
        )
      : '',
  );
  if (motion) {
    const row = MOTION_STATUS[motion.status];
    body.append(
      h(
        doc,
        'p',
        { class: 'outcome' },
        h(doc, 'span', { class: `badge ${row.style}` }, t(row.label)),
        motion.statusDate && row.decided ? ` ${t('card_vote_date', [formatDate(motion.statusDate) ?? ''])}` : '',
      ),
    );
    if (motion.reason) body.append(h(doc, 'p', { class: 'reason' }, t('card_unknown_reason', [motion.reason])));
    if (motion.votes.length) body.append(votes(doc, motion.votes, motion.voor, motion.tegen));
    if (motion.kabinetsappreciatie)
      body.append(h(doc, 'p', { class: 'appreciatie' }, t('card_appreciatie', [motion.kabinetsappreciatie])));
  }
  body.append(stateLine(doc, info));
  body.append(
    h(
      doc,
      'p',
      { class: 'links' },
      ob ? h(doc, 'a', { href: ob, class: 'link-ob' }, t('card_open_ob')) : '',
      tk ? h(doc, 'a', { href: tk, class: 'link-tk' }, subject.id ? t('card_open_tk') : t('card_motion_search')) : '',
    ),
  );
  return body;
}
