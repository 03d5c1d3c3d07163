import type { Indiener, MotionStatus, Source } from '../db/models';
import type { KamerlensDB } from '../db/schema';
import { isFetchable } from './sources';

/** A fractie's (or, in a roll call, its members') vote on a motion. */
export interface PartyVote {
  fractie: string;
  soort: 'Voor' | 'Tegen' | 'Niet deelgenomen';
  zetels: number;
}

/** What the page gets to know about one reference: enough for a badge and a hover card, with its age. */
export interface RefInfo {
  id: string;
  /**
   * fresh: cached and current; stale: cached, a refresh is due or under way; pending: not cached yet; missing: no
   * service knows it; failed: the services could not be asked; none: nothing to fetch (a dossier, a zaak number).
   */
  state: 'fresh' | 'stale' | 'pending' | 'missing' | 'failed' | 'none';
  /** When the record was fetched (ms since epoch): the badge's "as of". */
  asOf?: number;
  source?: Source;
  document?: { soort?: string; titel?: string; datum?: string; dossierTitel?: string; indieners: string[] };
  motion?: {
    status: MotionStatus;
    statusDate?: string;
    indieners: Indiener[];
    kabinetsappreciatie?: string;
    stemmingsSoort?: string;
    votes: PartyVote[];
    voor: number;
    tegen: number;
    /** Why the status is `onbekend`: the TK API lacks what the outcome needs, or cannot be reached now. */
    reason?: string;
  };
  /** Why a `failed` reference has no data, as the page may know it: a category, never the service's message. */
  error?: RefError;
}

/**
 * What a page learns of a failure. The service's message (lib/net/http.ts) names the request URL: kilobytes of
 * OData filter or SRU query with every id of the batch, and whatever userinfo the configured base URL carries. A
 * page on a matched host can read its links' tooltips, so the message stays in the background (the fetch row, and
 * the sync health that the options page shows) and the page gets only which kind of failure it was.
 */
export type RefError = 'unreachable' | 'gone' | 'refused' | 'unsupported' | 'unreadable' | 'unknown';

/**
 * How the stored messages read, first match wins: those of lib/net/http.ts (`cannot reach …`, `no answer within …`,
 * `… answered 503`, `… was rejected (400)`, `… is not valid JSON`), of the SRU and OData readers (`refused the
 * request`, `the response …`, `…/$metadata: …`, `levert … niet meer`) and the resolver's own (`KOOP is niet
 * bereikbaar`). Server errors and throttling are the service's state, so they count as unreachable.
 */
const CATEGORIES: [RefError, RegExp][] = [
  [
    'unreachable',
    /\b(?:cannot reach|no answer within|did not complete within|broke off|niet bereikbaar|no service could be asked)\b|\banswered (?:429|5\d\d)\b/i,
  ],
  ['gone', /\banswered (?:404|410)\b/],
  ['refused', /\bwas rejected \(400\)|\brefused the request\b|\banswered 4\d\d\b/],
  ['unsupported', /\bniet meer\b|\bkan dit niet\b/],
  ['unreadable', /\bnot valid JSON\b|\bthe (?:response|answer)\b|\$metadata\b|\bpages for one query\b/],
];

/** The category of a stored failure message; nothing of the message itself is passed on. */
export function errorCategory(message: string | undefined): RefError {
  return (message && CATEGORIES.find(([, re]) => re.test(message))?.[0]) || 'unknown';
}

/**
 * Votes per party. Fractie rows count their seats; roll-call rows are one member each and are summed per fractie and
 * vote. Where a decision has both (the API may list the fracties next to the members), the fractie rows are the
 * tally: adding the members too would count every seat twice.
 */
function partyVotes(
  rows: readonly { fractie: string; soort: PartyVote['soort']; zetels: number; persoon?: string }[],
): PartyVote[] {
  const fractieRows = rows.filter((r) => !r.persoon);
  const counted = fractieRows.length ? fractieRows : rows;
  const byKey = new Map<string, PartyVote>();
  for (const r of counted) {
    const key = `${r.fractie}|${r.soort}`;
    const v = byKey.get(key);
    if (v) v.zetels += r.zetels;
    else byKey.set(key, { fractie: r.fractie, soort: r.soort, zetels: r.zetels });
  }
  return [...byKey.values()];
}

/** Reads what the cache has for `ids`, in one read transaction; never waits for the network. */
export async function readInfos(db: KamerlensDB, ids: readonly string[], now: number): Promise<RefInfo[]> {
  return db.transaction('r', [db.documents, db.motions, db.decisions, db.votes, db.fetches], async () => {
    const [documents, fetches] = await Promise.all([db.documents.bulkGet([...ids]), db.fetches.bulkGet([...ids])]);
    const zaken = documents.flatMap((d) => (d?.zaakNummer ? [d.zaakNummer] : []));
    const motions = new Map((await db.motions.bulkGet(zaken)).flatMap((m) => (m ? [[m.zaakNummer, m] as const] : [])));
    const decisionIds = [...motions.values()].flatMap((m) => (m.decisionId ? [m.decisionId] : []));
    const decisions = new Map(
      (await db.decisions.bulkGet(decisionIds)).flatMap((d) => (d ? [[d.id, d] as const] : [])),
    );
    const votes = decisionIds.length ? await db.votes.where('decisionId').anyOf(decisionIds).toArray() : [];
    return ids.map((id, i): RefInfo => {
      const doc = documents[i];
      const fetch = fetches[i];
      if (!doc) {
        if (!isFetchable(id)) return { id, state: 'none' };
        if (fetch?.status === 'missing') return { id, state: 'missing' };
        if (fetch?.status === 'failed') return { id, state: 'failed', error: errorCategory(fetch.lastError) };
        return { id, state: 'pending' };
      }
      const fresh = fetch ? fetch.freshUntil > now && fetch.status !== 'queued' && fetch.status !== 'fetching' : false;
      const motion = doc.zaakNummer ? motions.get(doc.zaakNummer) : undefined;
      const motionVotes = motion?.decisionId ? partyVotes(votes.filter((v) => v.decisionId === motion.decisionId)) : [];
      const stemmingsSoort = motion?.decisionId ? decisions.get(motion.decisionId)?.stemmingsSoort : undefined;
      return {
        id,
        state: fresh ? 'fresh' : 'stale',
        asOf: doc.fetchedAt,
        source: doc.source,
        document: {
          ...(doc.soort ? { soort: doc.soort } : {}),
          ...(doc.titel ? { titel: doc.titel } : {}),
          ...(doc.datum ? { datum: doc.datum } : {}),
          ...(doc.dossierTitel ? { dossierTitel: doc.dossierTitel } : {}),
          indieners: doc.indieners,
        },
        ...(motion
          ? {
              motion: {
                status: motion.status,
                ...(motion.statusDate ? { statusDate: motion.statusDate } : {}),
                indieners: motion.indieners,
                ...(motion.kabinetsappreciatie ? { kabinetsappreciatie: motion.kabinetsappreciatie } : {}),
                ...(stemmingsSoort ? { stemmingsSoort } : {}),
                votes: motionVotes,
                voor: motionVotes.filter((v) => v.soort === 'Voor').reduce((s, v) => s + v.zetels, 0),
                tegen: motionVotes.filter((v) => v.soort === 'Tegen').reduce((s, v) => s + v.zetels, 0),
                ...(doc.motionUnknown ? { reason: doc.motionUnknown } : {}),
              },
            }
          : doc.motionUnknown
            ? {
                motion: {
                  status: 'onbekend',
                  indieners: [],
                  votes: [],
                  voor: 0,
                  tegen: 0,
                  reason: doc.motionUnknown,
                },
              }
            : {}),
      };
    });
  });
}
