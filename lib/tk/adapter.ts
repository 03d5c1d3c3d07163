import type { DecisionRecord, DocumentRecord, Indiener, MotionRecord, VoteRecord } from '../db/models';

/*
 * Everything that knows the Tweede Kamer OData API's names lives here: entity sets, field names, query shapes. The
 * TK announced a new API version with renamed fields (data-sources.md §1.1, issue #175); moving to it means a new
 * adapter next to this one, not edits across the code.
 */

/** OData v4, API data version 2.0. The base URL is a setting (lib/settings.ts); this is its default. */
export const TK_DEFAULT_BASE = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0';

// ——— Raw shapes (the fields we read; the API returns many more) ———

interface RawDossier {
  Id: string;
  Nummer: number | null;
  Toevoeging: string | null;
  Titel: string | null;
}

interface RawActor {
  ActorNaam: string | null;
  ActorFractie: string | null;
  Relatie: string | null;
}

interface RawStemming {
  Id: string;
  Soort: string | null;
  FractieGrootte: number | null;
  ActorNaam: string | null;
  ActorFractie: string | null;
  Persoon_Id: string | null;
  Vergissing: boolean | null;
  Verwijderd: boolean;
}

interface RawBesluit {
  Id: string;
  BesluitSoort: string | null;
  BesluitTekst: string | null;
  Status: string | null;
  StemmingsSoort: string | null;
  AgendapuntZaakBesluitVolgorde: number | null;
  ApiGewijzigdOp: string | null;
  Verwijderd: boolean;
  Stemming?: RawStemming[];
  Agendapunt?: { Activiteit?: { Datum: string | null } | null } | null;
}

interface RawZaak {
  Id: string;
  Nummer: string | null;
  Soort: string | null;
  Onderwerp: string | null;
  Kabinetsappreciatie: string | null;
  ApiGewijzigdOp: string | null;
  Verwijderd: boolean;
  ZaakActor?: RawActor[];
  Besluit?: RawBesluit[];
}

export interface RawDocument {
  Id: string;
  Soort: string | null;
  DocumentNummer: string | null;
  Titel: string | null;
  Onderwerp: string | null;
  Datum: string | null;
  Vergaderjaar: string | null;
  Volgnummer: number | null;
  ApiGewijzigdOp: string | null;
  Verwijderd: boolean;
  Kamerstukdossier?: RawDossier[];
  DocumentActor?: RawActor[];
  Zaak?: RawZaak[];
}

export interface RawPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

// ——— Queries ———

const ACTOR = 'ActorNaam,ActorFractie,Relatie';
/** Document with its dossier, signatories and, for a motion, its zaak with indieners, decisions, votes and dates. */
const DOCUMENT_QUERY =
  '$select=Id,Soort,DocumentNummer,Titel,Onderwerp,Datum,Vergaderjaar,Volgnummer,ApiGewijzigdOp,Verwijderd' +
  '&$expand=Kamerstukdossier($select=Id,Nummer,Toevoeging,Titel),' +
  `DocumentActor($select=${ACTOR}),` +
  'Zaak($select=Id,Nummer,Soort,Onderwerp,Kabinetsappreciatie,ApiGewijzigdOp,Verwijderd;' +
  `$expand=ZaakActor($select=${ACTOR}),` +
  'Besluit($select=Id,BesluitSoort,BesluitTekst,Status,StemmingsSoort,AgendapuntZaakBesluitVolgorde,ApiGewijzigdOp,Verwijderd;' +
  '$expand=Stemming($select=Id,Soort,FractieGrootte,ActorNaam,ActorFractie,Persoon_Id,Vergissing,Verwijderd),' +
  'Agendapunt($select=Id;$expand=Activiteit($select=Datum))))';

/** A Kamerstuk as the TK knows it: dossier number, toevoeging (or none) and volgnummer. */
export interface KamerstukKey {
  dossier: number;
  toevoeging?: string;
  volgnummer: number;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The filter for a batch of Kamerstukken, grouped by dossier so it stays small:
 * `Kamerstukdossier/any(d: d/Nummer eq 19637) and (Volgnummer eq 2375 or Volgnummer eq 2535)`. Plain dossiers get
 * no toevoeging clause (whether `Toevoeging eq null` works is unverified); the caller matches toevoegingen exactly.
 */
export function kamerstukFilter(keys: readonly KamerstukKey[]): string {
  const groups = new Map<string, KamerstukKey[]>();
  for (const key of keys) {
    const g = `${key.dossier}|${key.toevoeging ?? ''}`;
    groups.set(g, [...(groups.get(g) ?? []), key]);
  }
  const clauses = [...groups.values()].map((group) => {
    const { dossier, toevoeging } = group[0]!;
    const inDossier = toevoeging
      ? `Kamerstukdossier/any(d: d/Nummer eq ${dossier} and d/Toevoeging eq ${quote(toevoeging)})`
      : `Kamerstukdossier/any(d: d/Nummer eq ${dossier})`;
    const numbers = group.map((k) => `Volgnummer eq ${k.volgnummer}`).join(' or ');
    return `(${inDossier} and (${numbers}))`;
  });
  return `Verwijderd eq false and (${clauses.join(' or ')})`;
}

/**
 * About how many nodes the server counts in a filter: it rejects filters over a node limit (a peer reports 100,
 * ASP.NET OData's default). ASP.NET counts every operator, property, literal and lambda part: a comparison such as
 * `Volgnummer eq 2375` is about 5 nodes, a lambda 3 more, each `and`/`or` 1. An estimate is enough: a rejected
 * filter is split and the size that worked remembered.
 */
export function filterSize(filter: string): number {
  const count = (re: RegExp) => (filter.match(re) ?? []).length;
  return 5 * count(/\b(eq|ne|gt|ge|lt|le)\b/g) + count(/\b(and|or|not)\b/g) + 3 * count(/\b(any|all)\(/g);
}

export function documentNummerFilter(numbers: readonly string[]): string {
  return `Verwijderd eq false and (${numbers.map((n) => `DocumentNummer eq ${quote(n)}`).join(' or ')})`;
}

/** Documents of the given dossiers changed since an instant: the incremental refresh of followed dossiers. */
export function changedInDossiersFilter(dossiers: readonly number[], since: string): string {
  const any = dossiers.map((d) => `Kamerstukdossier/any(k: k/Nummer eq ${d})`).join(' or ');
  return `ApiGewijzigdOp gt ${since} and (${any})`;
}

export function documentsUrl(base: string, filter: string): string {
  return `${base.replace(/\/$/, '')}/Document?$filter=${encodeURIComponent(filter)}&${DOCUMENT_QUERY}`;
}

// ——— Mapping to our records ———

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);

/** The dossier as OB writes it: `19637`, `35000-VI`, `21501-20`. */
export function dossierKey(d: { Nummer: number | null; Toevoeging: string | null }): string | undefined {
  if (d.Nummer === null) return undefined;
  return d.Toevoeging ? `${d.Nummer}-${d.Toevoeging.replace(/[()]/g, '').trim()}` : String(d.Nummer);
}

function indieners(actors: readonly RawActor[] | undefined): Indiener[] {
  return (actors ?? [])
    .filter((a) => a.ActorNaam)
    .map((a) => ({
      naam: a.ActorNaam!,
      ...(a.ActorFractie ? { fractie: a.ActorFractie } : {}),
      relatie: a.Relatie ?? '',
    }));
}

/** The decision soorten that settle a motion, in the vocabulary of the status badge. */
const DECIDED: Record<string, MotionRecord['status']> = {
  'Stemmen - aangenomen': 'aangenomen',
  'Stemmen - zonder stemming aannemen': 'aangenomen',
  'Stemmen - verworpen': 'verworpen',
  'Stemmen - aangehouden': 'aangehouden',
  'Stemmen - ingetrokken': 'ingetrokken',
  'Stemmen - vervallen': 'vervallen',
  'Stemmen - uitstellen': 'uitgesteld',
};

interface Decision {
  raw: RawBesluit;
  datum?: string;
}

/**
 * The motion's status from its latest real decision (tkconv's rule, data-sources.md §1.4): leave out deleted
 * decisions, proposals (`Voorstel`, `Concept voorstel`) and the `Ingediend` registration; take the latest by the
 * date of its agenda item's activity, then by its order on the agenda. No real decision yet: `ingediend`.
 */
export function motionStatus(besluiten: readonly RawBesluit[]): {
  status: MotionRecord['status'];
  decision?: Decision;
} {
  const real: Decision[] = besluiten
    .filter(
      (b) =>
        !b.Verwijderd &&
        b.Status !== 'Voorstel' &&
        b.Status !== 'Concept voorstel' &&
        b.BesluitSoort !== 'Ingediend' &&
        b.BesluitTekst?.replace(/\.$/, '') !== 'Ingediend',
    )
    .map((raw) => ({ raw, datum: day(raw.Agendapunt?.Activiteit?.Datum) }));
  real.sort(
    (a, b) =>
      (a.datum ?? '').localeCompare(b.datum ?? '') ||
      (a.raw.AgendapuntZaakBesluitVolgorde ?? 0) - (b.raw.AgendapuntZaakBesluitVolgorde ?? 0) ||
      (a.raw.ApiGewijzigdOp ?? '').localeCompare(b.raw.ApiGewijzigdOp ?? ''),
  );
  const latest = real.at(-1);
  if (!latest) return { status: 'ingediend' };
  return { status: DECIDED[latest.raw.BesluitSoort ?? ''] ?? 'onbekend', decision: latest };
}

export interface MappedDocument {
  document: DocumentRecord;
  dossier?: { id: string; titel?: string };
  motion?: MotionRecord;
  decisions: DecisionRecord[];
  votes: VoteRecord[];
}

/** Maps one Document (with its expansions) to our records; `id` is the reference id the page asked for. */
export function mapDocument(raw: RawDocument, id: string, kind: string, now: number): MappedDocument {
  const dossier = raw.Kamerstukdossier?.[0];
  const zaak = raw.Zaak?.find((z) => !z.Verwijderd && z.Soort === 'Motie');
  const document: DocumentRecord = {
    id,
    kind,
    tkId: raw.Id,
    ...(raw.DocumentNummer ? { tkNummer: raw.DocumentNummer } : {}),
    ...(raw.Soort ? { soort: raw.Soort } : {}),
    ...(raw.Onderwerp ? { titel: raw.Onderwerp } : {}),
    ...((dossier?.Titel ?? raw.Titel) ? { dossierTitel: (dossier?.Titel ?? raw.Titel)! } : {}),
    ...(dossier && dossierKey(dossier) ? { dossier: dossierKey(dossier)! } : {}),
    ...(day(raw.Datum) ? { datum: day(raw.Datum)! } : {}),
    ...(raw.Vergaderjaar ? { vergaderjaar: raw.Vergaderjaar } : {}),
    indieners: indieners(raw.DocumentActor).map((a) => a.naam),
    ...(zaak?.Nummer ? { zaakNummer: zaak.Nummer } : {}),
    source: 'tk',
    fetchedAt: now,
    ...(raw.ApiGewijzigdOp ? { changedAt: raw.ApiGewijzigdOp } : {}),
  };
  const decisions: DecisionRecord[] = [];
  const votes: VoteRecord[] = [];
  let motion: MotionRecord | undefined;
  if (zaak?.Nummer) {
    const besluiten = (zaak.Besluit ?? []).filter((b) => !b.Verwijderd);
    const { status, decision } = motionStatus(besluiten);
    motion = {
      zaakNummer: zaak.Nummer,
      tkId: zaak.Id,
      documentId: id,
      ...(zaak.Onderwerp ? { onderwerp: zaak.Onderwerp } : {}),
      indieners: indieners(zaak.ZaakActor).filter((a) => /indiener/i.test(a.relatie)),
      ...(zaak.Kabinetsappreciatie ? { kabinetsappreciatie: zaak.Kabinetsappreciatie } : {}),
      status,
      ...(decision?.datum ? { statusDate: decision.datum } : {}),
      ...(decision ? { decisionId: decision.raw.Id } : {}),
      fetchedAt: now,
      ...(zaak.ApiGewijzigdOp ? { changedAt: zaak.ApiGewijzigdOp } : {}),
    };
    for (const b of besluiten) {
      const datum = day(b.Agendapunt?.Activiteit?.Datum);
      decisions.push({
        id: b.Id,
        zaakNummer: zaak.Nummer,
        ...(b.BesluitSoort ? { soort: b.BesluitSoort } : {}),
        ...(b.BesluitTekst ? { tekst: b.BesluitTekst } : {}),
        ...(b.Status ? { status: b.Status } : {}),
        ...(b.StemmingsSoort ? { stemmingsSoort: b.StemmingsSoort } : {}),
        ...(datum ? { datum } : {}),
        fetchedAt: now,
      });
      for (const s of b.Stemming ?? []) {
        if (s.Verwijderd || !s.Soort) continue;
        votes.push({
          id: s.Id,
          decisionId: b.Id,
          fractie: s.ActorFractie ?? s.ActorNaam ?? '?',
          soort: s.Soort as VoteRecord['soort'],
          // A roll-call row is one member; a fractie row counts its seats.
          zetels: s.Persoon_Id ? 1 : (s.FractieGrootte ?? 0),
          ...(s.Persoon_Id ? { persoon: s.ActorNaam ?? s.Persoon_Id } : {}),
          vergissing: Boolean(s.Vergissing),
        });
      }
    }
  }
  return {
    document,
    ...(dossier && dossierKey(dossier)
      ? { dossier: { id: dossierKey(dossier)!, ...(dossier.Titel ? { titel: dossier.Titel } : {}) } }
      : {}),
    ...(motion ? { motion } : {}),
    decisions,
    votes,
  };
}

/** The key of a fetched document, to match it to the Kamerstukken asked for. */
export function kamerstukKeyOf(raw: RawDocument): { dossier: string; volgnummer: number } | undefined {
  const d = raw.Kamerstukdossier?.[0];
  if (!d || raw.Volgnummer === null || raw.Volgnummer < 0) return undefined;
  const key = dossierKey(d);
  return key ? { dossier: key, volgnummer: raw.Volgnummer } : undefined;
}
