import type { DecisionRecord, DocumentRecord, MotionRecord, VoteRecord } from '../db/models';
import type { KamerlensDB } from '../db/schema';

export interface Records {
  documents: DocumentRecord[];
  motions: MotionRecord[];
  decisions: DecisionRecord[];
  votes: VoteRecord[];
}

/**
 * Puts fetched records in the cache; call inside a read-write transaction over the cache tables. A motion's
 * decisions and votes are replaced as a whole, so a Besluit the source deleted does not linger.
 */
export async function storeRecords(db: KamerlensDB, r: Records): Promise<void> {
  const zaken = r.motions.map((m) => m.zaakNummer);
  if (zaken.length) {
    const old = await db.decisions.where('zaakNummer').anyOf(zaken).primaryKeys();
    await db.votes.where('decisionId').anyOf(old).delete();
    await db.decisions.bulkDelete(old);
  }
  await db.documents.bulkPut(r.documents);
  await db.motions.bulkPut(r.motions);
  await db.decisions.bulkPut(r.decisions);
  await db.votes.bulkPut(r.votes);
}
