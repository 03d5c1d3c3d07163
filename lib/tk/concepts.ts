import type { EntityTypeInfo, ServiceSchema } from './metadata';

/** The type behind an entity set, looked up case-insensitively as the server routes paths (data-sources.md §1.2). */
function typeOfSet(schema: ServiceSchema, set: string): EntityTypeInfo | undefined {
  const exact = schema.sets.get(set);
  const name = exact ?? [...schema.sets].find(([s]) => s.toLowerCase() === set.toLowerCase())?.[1];
  return name ? schema.types.get(name) : undefined;
}

/*
 * Every Tweede Kamer API name Kamerlens uses, as one table: the concept it stands for and its candidate names in
 * order, the current API first (OData v5, since 1 October 2026), then OData v4/2.0. The service's own `$metadata`
 * decides which candidate is used; a concept it declares under none of them is "lacking". The next rename is a new
 * first candidate in one row.
 *
 * Sources for the v5 names (docs/tk-api.md has the full list with confidence): `Nummer` and `Ondernummer` on Document
 * (TK issue #192 filters `Document/Nummer eq '2026D34574'`; peer client sgort/ronl-business-api), `FractieNaam` on
 * Stemming (#186). The rest have no public v5 evidence and keep their v4/2.0 names; where a v5 rename is plausible
 * by analogy (an actor's party as `FractieNaam`, as on Stemming) it is listed first as a guess.
 */

/** The entity types a badge draws on, reached from the `Document` set by navigations. */
export type Role =
  | 'document'
  | 'dossier'
  | 'documentActor'
  | 'zaak'
  | 'zaakActor'
  | 'besluit'
  | 'stemming'
  | 'agendapunt'
  | 'activiteit';

/**
 * What a concept is needed for. `paper`: finding a Kamerstuk by dossier and ondernummer; `number`: finding a TK
 * document by its number; `decision`: reading a motion's outcome; `optional`: shown when there, "onbekend" otherwise.
 */
export type Need = 'paper' | 'number' | 'decision' | 'optional';

interface FieldRow {
  role: Role;
  names: readonly string[];
  need: Need;
  /** Dutch, for "de Tweede Kamer API levert … niet meer". */
  label: string;
}

interface LinkRow extends FieldRow {
  /** The role the navigation leads to. */
  to: Role;
}

const field = (role: Role, names: string[], need: Need, label: string): FieldRow => ({ role, names, need, label });
const link = (role: Role, to: Role, names: string[], need: Need, label: string): LinkRow => ({
  role,
  to,
  names,
  need,
  label,
});

// biome-ignore format: one concept per line is the point of this table
export const FIELDS = {
  documentNumber:      field('document', ['Nummer', 'DocumentNummer'], 'number', 'het documentnummer'),
  ondernummer:         field('document', ['Ondernummer', 'Volgnummer'], 'paper', 'het ondernummer van Kamerstukken'),
  documentSoort:       field('document', ['Soort'], 'optional', 'de documentsoort'),
  documentTitel:       field('document', ['Titel'], 'optional', 'de titel'),
  documentOnderwerp:   field('document', ['Onderwerp'], 'optional', 'het onderwerp'),
  documentDatum:       field('document', ['Datum'], 'optional', 'de documentdatum'),
  vergaderjaar:        field('document', ['Vergaderjaar'], 'optional', 'het vergaderjaar'),
  documentChanged:     field('document', ['ApiGewijzigdOp', 'GewijzigdOp'], 'optional', 'de wijzigingsdatum van documenten'),
  documentDeleted:     field('document', ['Verwijderd'], 'optional', 'de verwijderd-markering'),
  dossierNummer:       field('dossier', ['Nummer'], 'paper', 'het dossiernummer'),
  dossierToevoeging:   field('dossier', ['Toevoeging'], 'paper', 'de toevoeging van dossiers'),
  dossierTitel:        field('dossier', ['Titel'], 'optional', 'de dossiertitel'),
  documentActorNaam:   field('documentActor', ['ActorNaam', 'Naam'], 'optional', 'de ondertekenaars'),
  documentActorPartij: field('documentActor', ['FractieNaam', 'ActorFractie'], 'optional', 'de partij van ondertekenaars'),
  documentActorRol:    field('documentActor', ['Relatie'], 'optional', 'de rol van ondertekenaars'),
  zaakNummer:          field('zaak', ['Nummer'], 'decision', 'het zaaknummer van moties'),
  zaakSoort:           field('zaak', ['Soort'], 'decision', 'de zaaksoort'),
  zaakOnderwerp:       field('zaak', ['Onderwerp'], 'optional', 'het onderwerp van moties'),
  kabinetsappreciatie: field('zaak', ['Kabinetsappreciatie'], 'optional', 'de kabinetsappreciatie'),
  zaakChanged:         field('zaak', ['ApiGewijzigdOp', 'GewijzigdOp'], 'optional', 'de wijzigingsdatum van zaken'),
  zaakDeleted:         field('zaak', ['Verwijderd'], 'optional', 'de verwijderd-markering van zaken'),
  indienerNaam:        field('zaakActor', ['ActorNaam', 'Naam'], 'optional', 'de indieners'),
  indienerPartij:      field('zaakActor', ['FractieNaam', 'ActorFractie'], 'optional', 'de partij van indieners'),
  indienerRol:         field('zaakActor', ['Relatie'], 'optional', 'de rol van indieners'),
  besluitSoort:        field('besluit', ['BesluitSoort'], 'decision', 'de besluitsoort (aangenomen, verworpen, …)'),
  besluitTekst:        field('besluit', ['BesluitTekst'], 'optional', 'de besluittekst'),
  besluitStatus:       field('besluit', ['Status'], 'optional', 'de status van besluiten'),
  stemmingsSoort:      field('besluit', ['StemmingsSoort'], 'optional', 'de manier van stemmen'),
  besluitVolgorde:     field('besluit', ['AgendapuntZaakBesluitVolgorde'], 'optional', 'de volgorde van besluiten'),
  besluitChanged:      field('besluit', ['ApiGewijzigdOp', 'GewijzigdOp'], 'optional', 'de wijzigingsdatum van besluiten'),
  besluitDeleted:      field('besluit', ['Verwijderd'], 'optional', 'de verwijderd-markering van besluiten'),
  stemSoort:           field('stemming', ['Soort'], 'optional', 'de stemmen (voor/tegen)'),
  stemZetels:          field('stemming', ['FractieGrootte'], 'optional', 'de zetels per fractie'),
  stemPartij:          field('stemming', ['FractieNaam', 'ActorFractie'], 'optional', 'de fractie bij de stemming'),
  stemNaam:            field('stemming', ['ActorNaam'], 'optional', 'de naam bij de stemming'),
  stemPersoon:         field('stemming', ['Persoon_Id'], 'optional', 'de hoofdelijke stemmen'),
  stemVergissing:      field('stemming', ['Vergissing'], 'optional', 'de vergissing-markering'),
  stemDeleted:         field('stemming', ['Verwijderd'], 'optional', 'de verwijderd-markering van stemmen'),
  activiteitDatum:     field('activiteit', ['Datum'], 'optional', 'de datum van de stemming'),
} as const satisfies Record<string, FieldRow>;

// biome-ignore format: one navigation per line
export const LINKS = {
  dossiers:       link('document', 'dossier', ['Kamerstukdossier'], 'paper', 'het dossier van documenten'),
  documentActors: link('document', 'documentActor', ['DocumentActor'], 'optional', 'de ondertekenaars'),
  zaken:          link('document', 'zaak', ['Zaak'], 'decision', 'de zaak (motie) bij documenten'),
  zaakActors:     link('zaak', 'zaakActor', ['ZaakActor'], 'optional', 'de indieners'),
  besluiten:      link('zaak', 'besluit', ['Besluit'], 'decision', 'de besluiten over moties'),
  stemmingen:     link('besluit', 'stemming', ['Stemming'], 'optional', 'de stemmingen'),
  agendapunt:     link('besluit', 'agendapunt', ['Agendapunt'], 'optional', 'het agendapunt van besluiten'),
  activiteit:     link('agendapunt', 'activiteit', ['Activiteit'], 'optional', 'de activiteit van agendapunten'),
} as const satisfies Record<string, LinkRow>;

/** The entity set the lookups start from. */
export const DOCUMENT_SETS = ['Document'] as const;

export type Field = keyof typeof FIELDS;
export type Link = keyof typeof LINKS;
export type Concept = Field | Link;

export interface Lack {
  concept: Concept;
  label: string;
  need: Need;
}

/** The service's names for our concepts, as its `$metadata` declares them. */
export interface Vocabulary {
  set: string;
  /** The key property of each role's type (`Id`). */
  keys: Partial<Record<Role, string>>;
  names: Partial<Record<Concept, string>>;
  lacking: Lack[];
  /** What Kamerlens can do with this service: a `false` is shown as "onbekend" with the reason. */
  can: Record<Exclude<Need, 'optional'>, boolean>;
}

/** Matches the concepts to what the service declares; never throws (a service without `Document` can do nothing). */
export function resolveVocabulary(schema: ServiceSchema): Vocabulary {
  const set = DOCUMENT_SETS.find((s) => typeOfSet(schema, s)) ?? DOCUMENT_SETS[0];
  const types: Partial<Record<Role, EntityTypeInfo>> = {};
  const root = typeOfSet(schema, set);
  if (root) types.document = root;
  const names: Partial<Record<Concept, string>> = {};
  // Links in table order: each leads from a role already reached.
  for (const [concept, row] of Object.entries(LINKS) as [Link, LinkRow][]) {
    const from = types[row.role];
    const name = from && row.names.find((n) => from.navigations.has(n));
    const target = name ? schema.types.get(from.navigations.get(name)!.type) : undefined;
    if (name && target) {
      names[concept] = name;
      types[row.to] = target;
    }
  }
  for (const [concept, row] of Object.entries(FIELDS) as [Field, FieldRow][]) {
    const type = types[row.role];
    const name = type && row.names.find((n) => type.properties.has(n));
    if (name) names[concept] = name;
  }
  const keys: Partial<Record<Role, string>> = {};
  for (const [role, type] of Object.entries(types) as [Role, EntityTypeInfo][]) {
    const key = type.key[0] ?? (type.properties.has('Id') ? 'Id' : undefined);
    if (key) keys[role] = key;
  }
  const rows: [Concept, FieldRow][] = [...Object.entries(LINKS), ...Object.entries(FIELDS)] as [Concept, FieldRow][];
  const lacking = rows
    .filter(([concept]) => !names[concept])
    .map(([concept, row]) => ({ concept, label: row.label, need: row.need }));
  const lacks = (need: Need) => !root || lacking.some((l) => l.need === need) || !keys.document;
  return {
    set,
    keys,
    names,
    lacking,
    can: { paper: !lacks('paper'), number: !lacks('number'), decision: !lacks('decision') },
  };
}

/** The sentence the options page and the badge show for an essential concept the service no longer has. */
export function lackMessage(vocabulary: Vocabulary, need: Exclude<Need, 'optional'>): string | undefined {
  const missing = vocabulary.lacking.filter((l) => l.need === need);
  if (!missing.length && vocabulary.can[need]) return undefined;
  const what = missing.length ? missing.map((l) => l.label).join(', ') : 'de documenten';
  return `de Tweede Kamer API levert ${what} niet meer`;
}
