import { STATUS_BY_TK_SOORT } from '../contract/status';
import type { DecisionRecord, DocumentRecord, Indiener, MotionRecord, MotionStatus, VoteRecord } from '../db/models';
import { type Field, type Link, lackMessage, type Vocabulary } from './concepts';

/*
 * From the API's rows to Kamerlens' records. Rows are read through the vocabulary (the names this service declared)
 * and checked field by field: a value of the wrong shape is left out, never trusted, so one odd record costs its own
 * field and not the round (the real API has nulls everywhere, -1 for "no ondernummer", tombstones with all fields
 * null: data-sources.md §0).
 */

export type Row = Record<string, unknown>;

export interface MappedDocument {
  document: DocumentRecord;
  dossier?: { id: string; titel?: string };
  motion?: MotionRecord;
  decisions: DecisionRecord[];
  votes: VoteRecord[];
}

/** A document the API returned, before it is bound to the reference id a page asked for. */
export interface TkDocument {
  tkId: string;
  tkNummer?: string;
  /** The Kamerstukken it is, as `dossier[-toevoeging]#ondernummer` (a joint document is in several dossiers). */
  kamerstukKeys: string[];
  changedAt?: string;
  toRecords(id: string, kind: string, now: number): MappedDocument;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

class Reader {
  constructor(private readonly v: Vocabulary) {}

  private raw(row: Row, concept: Field): unknown {
    const name = this.v.names[concept];
    return name ? row[name] : undefined;
  }

  str(row: Row, concept: Field): string | undefined {
    const value = this.raw(row, concept);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }

  num(row: Row, concept: Field): number | undefined {
    const value = this.raw(row, concept);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  bool(row: Row, concept: Field): boolean {
    return this.raw(row, concept) === true;
  }

  /** `yyyy-mm-dd` of a date field, or nothing when the value is not a date. */
  day(row: Row, concept: Field): string | undefined {
    const value = this.str(row, concept);
    return value && DAY.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10))) ? value.slice(0, 10) : undefined;
  }

  instant(row: Row, concept: Field): string | undefined {
    const value = this.str(row, concept);
    return value && INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
  }

  /** A navigation's rows; a missing or odd value is no rows. */
  many(row: Row, nav: Link): Row[] {
    const name = this.v.names[nav];
    const value = name ? row[name] : undefined;
    if (Array.isArray(value)) return value.filter((r): r is Row => typeof r === 'object' && r !== null);
    return typeof value === 'object' && value !== null ? [value as Row] : [];
  }

  one(row: Row, nav: Link): Row | undefined {
    return this.many(row, nav)[0];
  }

  key(row: Row, role: keyof Vocabulary['keys']): string | undefined {
    const name = this.v.keys[role];
    const value = name ? row[name] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  }
}

/** The dossier as OB writes it: `19637`, `35000-VI`, `21501-20`. */
export function dossierId(nummer: number | undefined, toevoeging: string | undefined): string | undefined {
  if (nummer === undefined || !Number.isInteger(nummer) || nummer <= 0) return undefined;
  const t = toevoeging?.replace(/[()]/g, '').trim();
  return t ? `${nummer}-${t}` : String(nummer);
}

/** The decision soorten that settle a motion, in the vocabulary of the status badge (lib/contract/status.ts). */
const DECIDED = STATUS_BY_TK_SOORT;

/** A Besluit as the status rule needs it. */
export interface Decision {
  id: string;
  soort?: string;
  tekst?: string;
  status?: string;
  volgorde?: number;
  changedAt?: string;
  datum?: string;
}

/**
 * The motion's status from its latest real decision (tkconv's rule, data-sources.md §1.4): leave out proposals
 * (`Voorstel`, `Concept voorstel`) and the `Ingediend` registration; take the latest by the date of its agenda item's
 * activity, then by its order on the agenda. No real decision yet: `ingediend`.
 */
export function motionStatus(decisions: readonly Decision[]): { status: MotionStatus; decision?: Decision } {
  const real = decisions.filter(
    (d) =>
      d.status !== 'Voorstel' &&
      d.status !== 'Concept voorstel' &&
      d.soort !== 'Ingediend' &&
      d.tekst?.replace(/\.$/, '') !== 'Ingediend',
  );
  real.sort(
    (a, b) =>
      (a.datum ?? '').localeCompare(b.datum ?? '') ||
      (a.volgorde ?? 0) - (b.volgorde ?? 0) ||
      (a.changedAt ?? '').localeCompare(b.changedAt ?? ''),
  );
  const latest = real.at(-1);
  if (!latest) return { status: 'ingediend' };
  return { status: DECIDED[latest.soort ?? ''] ?? 'onbekend', decision: latest };
}

const VOTE_SOORTEN = new Set<VoteRecord['soort']>(['Voor', 'Tegen', 'Niet deelgenomen']);

/**
 * Reads one Document row (with its expansions). Returns undefined for a row that is no usable document (a
 * tombstone, no key); never throws on odd values.
 */
export function readDocument(v: Vocabulary, row: Row): TkDocument | undefined {
  const r = new Reader(v);
  const tkId = r.key(row, 'document');
  if (!tkId || r.bool(row, 'documentDeleted')) return undefined;
  const ondernummer = r.num(row, 'ondernummer');
  const dossiers = r.many(row, 'dossiers').flatMap((d) => {
    const id = dossierId(r.num(d, 'dossierNummer'), r.str(d, 'dossierToevoeging'));
    return id ? [{ id, titel: r.str(d, 'dossierTitel') }] : [];
  });
  const tkNummer = r.str(row, 'documentNumber');
  const changedAt = r.instant(row, 'documentChanged');
  const actors = (rows: Row[], naam: Field, partij: Field, rol: Field): Indiener[] =>
    rows.flatMap((a) => {
      const name = r.str(a, naam);
      if (!name) return [];
      const fractie = r.str(a, partij);
      return [{ naam: name, ...(fractie ? { fractie } : {}), relatie: r.str(a, rol) ?? '' }];
    });

  function toRecords(id: string, kind: string, now: number): MappedDocument {
    const dossier = dossiers[0];
    const soort = r.str(row, 'documentSoort');
    const zaak = r
      .many(row, 'zaken')
      .find((z) => !r.bool(z, 'zaakDeleted') && r.str(z, 'zaakSoort') === 'Motie' && r.str(z, 'zaakNummer'));
    const zaakNummer = zaak ? r.str(zaak, 'zaakNummer') : undefined;
    const titel = r.str(row, 'documentOnderwerp');
    const dossierTitel = dossier?.titel ?? r.str(row, 'documentTitel');
    const datum = r.day(row, 'documentDatum');
    const vergaderjaar = r.str(row, 'vergaderjaar');
    // Without the decision concepts a motion cannot be read: the badge says so instead of "nog niet gestemd".
    const motionUnknown = !v.can.decision && /motie/i.test(soort ?? '') ? lackMessage(v, 'decision') : undefined;
    const document: DocumentRecord = {
      id,
      kind,
      tkId,
      ...(tkNummer ? { tkNummer } : {}),
      ...(soort ? { soort } : {}),
      ...(titel ? { titel } : {}),
      ...(dossierTitel ? { dossierTitel } : {}),
      ...(dossier ? { dossier: dossier.id } : {}),
      ...(datum ? { datum } : {}),
      ...(vergaderjaar ? { vergaderjaar } : {}),
      indieners: actors(
        r.many(row, 'documentActors'),
        'documentActorNaam',
        'documentActorPartij',
        'documentActorRol',
      ).map((a) => a.naam),
      ...(zaakNummer ? { zaakNummer } : {}),
      ...(motionUnknown ? { motionUnknown } : {}),
      source: 'tk',
      fetchedAt: now,
      ...(changedAt ? { changedAt } : {}),
    };
    const decisions: DecisionRecord[] = [];
    const votes: VoteRecord[] = [];
    let motion: MotionRecord | undefined;
    if (zaak && zaakNummer) {
      const read = r.many(zaak, 'besluiten').flatMap((b) => {
        const bid = r.key(b, 'besluit');
        if (!bid || r.bool(b, 'besluitDeleted')) return [];
        const activiteit = r.one(r.one(b, 'agendapunt') ?? {}, 'activiteit');
        const decision: Decision = {
          id: bid,
          ...(r.str(b, 'besluitSoort') ? { soort: r.str(b, 'besluitSoort')! } : {}),
          ...(r.str(b, 'besluitTekst') ? { tekst: r.str(b, 'besluitTekst')! } : {}),
          ...(r.str(b, 'besluitStatus') ? { status: r.str(b, 'besluitStatus')! } : {}),
          ...(r.num(b, 'besluitVolgorde') !== undefined ? { volgorde: r.num(b, 'besluitVolgorde')! } : {}),
          ...(r.instant(b, 'besluitChanged') ? { changedAt: r.instant(b, 'besluitChanged')! } : {}),
          ...(activiteit && r.day(activiteit, 'activiteitDatum')
            ? { datum: r.day(activiteit, 'activiteitDatum')! }
            : {}),
        };
        return [{ row: b, decision }];
      });
      const { status, decision } = motionStatus(read.map((d) => d.decision));
      const onderwerp = r.str(zaak, 'zaakOnderwerp');
      const kabinetsappreciatie = r.str(zaak, 'kabinetsappreciatie');
      const zaakId = r.key(zaak, 'zaak');
      const zaakChanged = r.instant(zaak, 'zaakChanged');
      motion = {
        zaakNummer,
        tkId: zaakId ?? zaakNummer,
        documentId: id,
        ...(onderwerp ? { onderwerp } : {}),
        indieners: actors(r.many(zaak, 'zaakActors'), 'indienerNaam', 'indienerPartij', 'indienerRol').filter((a) =>
          /indiener/i.test(a.relatie),
        ),
        ...(kabinetsappreciatie ? { kabinetsappreciatie } : {}),
        status,
        ...(decision?.datum ? { statusDate: decision.datum } : {}),
        ...(decision ? { decisionId: decision.id } : {}),
        fetchedAt: now,
        ...(zaakChanged ? { changedAt: zaakChanged } : {}),
      };
      for (const { row: b, decision: d } of read) {
        const stemmingsSoort = r.str(b, 'stemmingsSoort');
        decisions.push({
          id: d.id,
          zaakNummer,
          ...(d.soort ? { soort: d.soort } : {}),
          ...(d.tekst ? { tekst: d.tekst } : {}),
          ...(d.status ? { status: d.status } : {}),
          ...(stemmingsSoort ? { stemmingsSoort } : {}),
          ...(d.datum ? { datum: d.datum } : {}),
          fetchedAt: now,
        });
        for (const s of r.many(b, 'stemmingen')) {
          const sid = r.key(s, 'stemming');
          const soort = r.str(s, 'stemSoort') as VoteRecord['soort'] | undefined;
          if (!sid || r.bool(s, 'stemDeleted') || !soort || !VOTE_SOORTEN.has(soort)) continue;
          const persoon = r.str(s, 'stemPersoon');
          const naam = r.str(s, 'stemNaam');
          votes.push({
            id: sid,
            decisionId: d.id,
            fractie: r.str(s, 'stemPartij') ?? naam ?? '?',
            soort,
            // A roll-call row is one member; a fractie row counts its seats.
            zetels: persoon ? 1 : Math.max(0, r.num(s, 'stemZetels') ?? 0),
            ...(persoon ? { persoon: naam ?? persoon } : {}),
            vergissing: r.bool(s, 'stemVergissing'),
          });
        }
      }
    }
    return {
      document,
      ...(dossier ? { dossier: { id: dossier.id, ...(dossier.titel ? { titel: dossier.titel } : {}) } } : {}),
      ...(motion ? { motion } : {}),
      decisions,
      votes,
    };
  }

  return {
    tkId,
    ...(tkNummer ? { tkNummer } : {}),
    kamerstukKeys: ondernummer !== undefined && ondernummer >= 0 ? dossiers.map((d) => `${d.id}#${ondernummer}`) : [],
    ...(changedAt ? { changedAt } : {}),
    toRecords,
  };
}
