/**
 * The records the background keeps in IndexedDB. Each carries where it came from and when, so the page can show
 * "as of" dates and the sync can tell what is stale.
 */

/** Where a record's facts came from. */
export type Source = 'tk' | 'koop';

/** A publication: a Kamerstuk, Handelingen item, journal entry or TK document. */
export interface DocumentRecord {
  /** The reference id the page uses: OB id (`kst-19637-2375`) or TK document number (`2019D41229`). */
  id: string;
  kind: string;
  /** Tweede Kamer DocumentNummer and Id, where the TK API has the document. */
  tkNummer?: string;
  tkId?: string;
  /** Document type (`Brief regering`, `Motie`; KOOP: `Kamerstuk` with subrubriek). */
  soort?: string;
  /** The document's own subject (TK `Onderwerp`, KOOP `documenttitel`/`title`). */
  titel?: string;
  dossierTitel?: string;
  /** `19637`, `35000-VI`, as OB writes dossier numbers. */
  dossier?: string;
  /** Publication or document date, `yyyy-mm-dd`. */
  datum?: string;
  vergaderjaar?: string;
  indieners: string[];
  /** For a motion's document: the zaak (motion) number, key into `motions`. */
  zaakNummer?: string;
  /** A motion whose outcome the TK API cannot give now (it lacks a field, or is down): why, for the badge. */
  motionUnknown?: string;
  source: Source;
  /** When we fetched it (ms since epoch) and when the source last changed it (as the source says). */
  fetchedAt: number;
  changedAt?: string;
}

/** The statuses live in the one vocabulary (lib/contract/status.ts), with what each means. */
import type { MotionStatus } from '../contract/status';

export type { MotionStatus };

export interface Indiener {
  naam: string;
  fractie?: string;
  relatie: string;
}

/** A motion (a TK zaak of soort Motie) with its status derived from the latest real decision. */
export interface MotionRecord {
  zaakNummer: string;
  tkId: string;
  /** The motion document's reference id (`kst-35000-VI-59`). */
  documentId: string;
  onderwerp?: string;
  indieners: Indiener[];
  kabinetsappreciatie?: string;
  status: MotionStatus;
  /** Date of the decision the status comes from (via Agendapunt → Activiteit). */
  statusDate?: string;
  decisionId?: string;
  fetchedAt: number;
  changedAt?: string;
}

/** A Besluit on a motion, kept so that the vote can be shown and the status re-derived. */
export interface DecisionRecord {
  id: string;
  zaakNummer: string;
  soort?: string;
  tekst?: string;
  status?: string;
  stemmingsSoort?: string;
  datum?: string;
  fetchedAt: number;
}

/** One Stemming row: a fractie's vote, or one member's in a roll call. */
export interface VoteRecord {
  id: string;
  decisionId: string;
  fractie: string;
  soort: 'Voor' | 'Tegen' | 'Niet deelgenomen';
  /** Seats the fractie had; for a roll-call row the member counts as one. */
  zetels: number;
  persoon?: string;
  vergissing: boolean;
}

export interface DossierRecord {
  /** `19637`, `35000-VI`. */
  id: string;
  titel?: string;
  /** Followed dossiers are refreshed incrementally (a page cited one of their motions). */
  followed: boolean;
  fetchedAt: number;
}

export type FetchStatus = 'queued' | 'fetching' | 'done' | 'missing' | 'failed';

/** The sync's own bookkeeping per reference id: kept in the database so a stopped worker loses nothing. */
export interface FetchState {
  id: string;
  kind: string;
  status: FetchStatus;
  /** When the item may be tried (again); queued items due now have this ≤ now. */
  nextAttemptAt: number;
  attempts: number;
  lastError?: string;
  /** Until when the cached record counts as fresh. */
  freshUntil: number;
  fetchedAt?: number;
  /** While `fetching`: when the claim lapses (a worker that was stopped mid-request). */
  leaseUntil?: number;
  /** Tabs waiting for this id, to be told when it arrives. */
  tabs: number[];
  /** When a page last asked for it (ms since epoch): what nobody reads is neither refreshed nor kept for ever. */
  lookedUpAt?: number;
}

/** Small named values: endpoint health, the batch size the TK server accepts, incremental watermarks. */
export interface SyncStateRow {
  key: string;
  value: unknown;
  updatedAt: number;
}
