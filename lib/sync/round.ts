import type { DecisionRecord, DocumentRecord, DossierRecord, MotionRecord, Source, VoteRecord } from '../db/models';
import type { MappedDocument } from '../tk/mapping';
import { FRESH_FOR, freshFor } from './freshness';

/** A failure as the round needs it: what to show, whether waiting helps, how long the server asked us to wait. */
export interface Failure {
  message: string;
  retryable: boolean;
  retryAfter?: number;
}

/** What one round asked and heard: the inputs of the merge, with no I/O left to do. */
export interface RoundResults {
  ids: readonly string[];
  now: number;
  /** Ids KOOP was (or should have been) asked for, its records (already ours), or why it could not be asked. */
  koop: { asked: ReadonlySet<string>; records: ReadonlyMap<string, DocumentRecord>; failure?: Failure };
  /** Ids the TK API was (or should have been) asked for, what it gave, or why it could not. */
  tk: {
    asked: ReadonlySet<string>;
    found: ReadonlyMap<string, MappedDocument>;
    failure?: Failure;
    /** The TK service lacks what a motion's outcome needs (or cannot be reached): shown as "onbekend" with this. */
    motionsUnknown?: string;
  };
  /** Ids KOOP says are motions. */
  motions: ReadonlySet<string>;
  /** Where each id's cached document came from. */
  cached: ReadonlyMap<string, Source>;
}

/** What a round writes, in one transaction. */
export interface Harvest {
  documents: DocumentRecord[];
  motions: MotionRecord[];
  decisions: DecisionRecord[];
  votes: VoteRecord[];
  dossiers: DossierRecord[];
  /** Settled ids and how long they stay fresh. */
  done: Map<string, number>;
  /** Ids with a record written but an answer still owed (the TK failed): asked again after their backoff. */
  partial: Map<string, Failure>;
  missing: string[];
  failed: Map<string, Failure>;
}

/** The publication facts KOOP describes best, laid over the TK's document record. */
function koopFacts(koop: DocumentRecord): Partial<DocumentRecord> {
  return {
    ...(koop.titel ? { titel: koop.titel } : {}),
    ...(koop.datum ? { datum: koop.datum } : {}),
    ...(koop.dossierTitel ? { dossierTitel: koop.dossierTitel } : {}),
  };
}

/**
 * Merges one round's answers into records and a verdict per id. Pure, so every combination of KOOP and TK
 * outcomes is a row in a table test (tests/unit/sync/round.test.ts):
 * - the TK's record wins, with KOOP's title and date laid over it (they are the publication's own);
 * - KOOP alone: its record; when the TK still owes a motion's votes the id is asked again after its backoff, and a
 *   TK record already cached is kept rather than replaced by KOOP's thinner one;
 * - neither knows it: missing; a service failed that could have known it: failed, with that service's reason.
 */
export function mergeRound(r: RoundResults): Harvest {
  const h: Harvest = {
    documents: [],
    motions: [],
    decisions: [],
    votes: [],
    dossiers: [],
    done: new Map(),
    partial: new Map(),
    missing: [],
    failed: new Map(),
  };
  for (const id of r.ids) {
    const tk = r.tk.found.get(id);
    const koop = r.koop.records.get(id);
    const askedTk = r.tk.asked.has(id);
    if (tk) {
      h.documents.push(koop ? { ...tk.document, ...koopFacts(koop), source: 'tk' } : tk.document);
      if (tk.motion) h.motions.push(tk.motion);
      h.decisions.push(...tk.decisions);
      h.votes.push(...tk.votes);
      if (tk.dossier) h.dossiers.push({ ...tk.dossier, followed: Boolean(tk.motion), fetchedAt: r.now });
      h.done.set(id, freshFor(tk.motion ? { motionStatus: tk.motion.status } : {}));
    } else if (koop) {
      const owed = askedTk && r.motions.has(id);
      if (owed && r.tk.failure) {
        // Keep what the TK told us last time; else show KOOP's facts and say the outcome is not known now.
        if (r.cached.get(id) !== 'tk')
          h.documents.push(r.tk.motionsUnknown ? { ...koop, motionUnknown: r.tk.motionsUnknown } : koop);
        h.partial.set(id, r.tk.failure);
      } else {
        h.documents.push(owed && r.tk.motionsUnknown ? { ...koop, motionUnknown: r.tk.motionsUnknown } : koop);
        // A motion the TK could not describe is asked again within hours: it may be fixed, or the vote held.
        h.done.set(id, owed ? FRESH_FOR.undecidedMotion : freshFor({}));
      }
    } else if (r.koop.failure && r.koop.asked.has(id)) {
      // The publication service could not be asked: the TK API not knowing a paper proves nothing (Eerste Kamer,
      // before 2008, or a typo), so nothing is marked missing for a week on its word alone.
      h.failed.set(id, r.koop.failure);
    } else if (askedTk && r.tk.failure) {
      h.failed.set(id, r.tk.failure);
    } else {
      h.missing.push(id);
    }
  }
  return h;
}
