import { createHash } from 'node:crypto';
import { type CatalogueEntry, catalogue, type MotionFacts, type Person } from './catalogue';
import type { EdmPrimitive, Entity, EntityTypeDef } from './odata/model';
import { EntityStore } from './odata/store';

/**
 * The Tweede Kamer OData data set of the mock, built from `catalogue()` so it always agrees with the KOOP mock:
 * field names, types, null patterns and timestamp formats follow the real records in
 * ../shared/reference/odata-examples, and the motion process follows the real one (an `Ingediend` Besluit, a
 * `Voorstel`, then the vote with Stemming rows per fractie). Some traps of the real data are included on purpose:
 * tombstones (`Verwijderd: true`, all else null), a superseded decision, non-Indiener actors, and ~600 unrelated
 * documents so that listing queries page. Everything is derived from hashes, so ids are stable across runs.
 *
 * The data set is written in the v4/2.0 vocabulary (which the SyncFeed still uses); API v5 serves the same rows
 * under its renamed properties, derived in tk-versions.ts.
 */

export const TK_NAMESPACE = 'TK.DA.GGM.OData';

const S: EdmPrimitive = 'Edm.String';
const G: EdmPrimitive = 'Edm.Guid';
const I: EdmPrimitive = 'Edm.Int32';
const L: EdmPrimitive = 'Edm.Int64';
const B: EdmPrimitive = 'Edm.Boolean';
const D: EdmPrimitive = 'Edm.DateTimeOffset';

function props(...list: [string, EdmPrimitive][]): EntityTypeDef['properties'] {
  return list.map(([name, type]) => ({ name, type }));
}

const STAMPS: [string, EdmPrimitive][] = [
  ['GewijzigdOp', D],
  ['ApiGewijzigdOp', D],
  ['Verwijderd', B],
];

const ACTOR: [string, EdmPrimitive][] = [
  ['ActorNaam', S],
  ['ActorFractie', S],
  ['ActorAfkorting', S],
  ['Functie', S],
  ['Relatie', S],
  ['SidActor', S],
  ['Persoon_Id', G],
  ['Fractie_Id', G],
  ['Commissie_Id', G],
];

/**
 * The entity types the clients use, with the v4/2.0 property names and order (data-sources.md §1.3 and the
 * samples; v5's are tkTypes('v5') in tk-versions.ts). `Besluit` has no `Agendapunt_Id` property because the
 * verbatim samples show none: reach the Agendapunt through the navigation.
 */
export const TK_TYPES: EntityTypeDef[] = [
  {
    name: 'Document',
    properties: props(
      ['Id', G],
      ['Soort', S],
      ['DocumentNummer', S],
      ['Titel', S],
      ['Onderwerp', S],
      ['Datum', D],
      ['Vergaderjaar', S],
      ['Kamer', I],
      ['Volgnummer', I],
      ['Citeertitel', S],
      ['Alias', S],
      ['DatumRegistratie', D],
      ['DatumOntvangst', D],
      ['Aanhangselnummer', S],
      ['KenmerkAfzender', S],
      ['Organisatie', S],
      ['ContentType', S],
      ['ContentLength', L],
      ...STAMPS,
      ['HuidigeDocumentVersie_Id', G],
    ),
    navigations: [
      { name: 'Kamerstukdossier', target: 'Kamerstukdossier', many: true, partner: 'Document' },
      { name: 'Zaak', target: 'Zaak', many: true, partner: 'Document' },
      { name: 'DocumentActor', target: 'DocumentActor', many: true, partner: 'Document' },
    ],
  },
  {
    name: 'Kamerstukdossier',
    properties: props(
      ['Id', G],
      ['Titel', S],
      ['Citeertitel', S],
      ['Alias', S],
      ['Nummer', L],
      ['Toevoeging', S],
      ['HoogsteVolgnummer', I],
      ['Afgesloten', B],
      ['Kamer', S],
      ...STAMPS,
    ),
    navigations: [
      { name: 'Document', target: 'Document', many: true, partner: 'Kamerstukdossier' },
      { name: 'Zaak', target: 'Zaak', many: true, partner: 'Kamerstukdossier' },
    ],
  },
  {
    name: 'Zaak',
    properties: props(
      ['Id', G],
      ['Nummer', S],
      ['Soort', S],
      ['Titel', S],
      ['Citeertitel', S],
      ['Alias', S],
      ['Status', S],
      ['Onderwerp', S],
      ['GestartOp', D],
      ['Organisatie', S],
      ['Grondslagvoorhang', S],
      ['Termijn', D],
      ['Vergaderjaar', S],
      ['Volgnummer', I],
      ['HuidigeBehandelstatus', S],
      ['Afgedaan', B],
      ['GrootProject', B],
      ...STAMPS,
      ['Kabinetsappreciatie', S],
    ),
    navigations: [
      { name: 'ZaakActor', target: 'ZaakActor', many: true, partner: 'Zaak' },
      { name: 'Besluit', target: 'Besluit', many: true, partner: 'Zaak' },
      { name: 'Document', target: 'Document', many: true, partner: 'Zaak' },
      { name: 'Kamerstukdossier', target: 'Kamerstukdossier', many: true, partner: 'Zaak' },
    ],
  },
  {
    name: 'ZaakActor',
    properties: props(['Id', G], ['Zaak_Id', G], ...ACTOR, ...STAMPS),
    navigations: [{ name: 'Zaak', target: 'Zaak', many: false, partner: 'ZaakActor' }],
  },
  {
    name: 'DocumentActor',
    properties: props(['Id', G], ['Document_Id', G], ...ACTOR, ...STAMPS),
    navigations: [{ name: 'Document', target: 'Document', many: false, partner: 'DocumentActor' }],
  },
  {
    name: 'Besluit',
    properties: props(
      ['Id', G],
      ['StemmingsSoort', S],
      ['BesluitSoort', S],
      ['BesluitTekst', S],
      ['Opmerking', S],
      ['Status', S],
      ['AgendapuntZaakBesluitVolgorde', I],
      ...STAMPS,
    ),
    navigations: [
      { name: 'Agendapunt', target: 'Agendapunt', many: false, partner: 'Besluit' },
      { name: 'Zaak', target: 'Zaak', many: true, partner: 'Besluit' },
      { name: 'Stemming', target: 'Stemming', many: true, partner: 'Besluit' },
    ],
  },
  {
    name: 'Stemming',
    properties: props(
      ['Id', G],
      ['Besluit_Id', G],
      ['Soort', S],
      ['FractieGrootte', I],
      ['ActorNaam', S],
      ['ActorFractie', S],
      ['Vergissing', B],
      ['SidActorLid', S],
      ['SidActorFractie', S],
      ['Persoon_Id', G],
      ['Fractie_Id', G],
      ...STAMPS,
    ),
    navigations: [{ name: 'Besluit', target: 'Besluit', many: false, partner: 'Stemming' }],
  },
  {
    name: 'Agendapunt',
    properties: props(
      ['Id', G],
      ['Nummer', S],
      ['Onderwerp', S],
      ['Aanvangstijd', D],
      ['Eindtijd', D],
      ['Volgorde', I],
      ['Rubriek', S],
      ['Noot', S],
      ['Status', S],
      ['Activiteit_Id', G],
      ...STAMPS,
    ),
    navigations: [
      { name: 'Activiteit', target: 'Activiteit', many: false, partner: 'Agendapunt' },
      { name: 'Besluit', target: 'Besluit', many: true, partner: 'Agendapunt' },
    ],
  },
  {
    name: 'Activiteit',
    properties: props(
      ['Id', G],
      ['Soort', S],
      ['Nummer', S],
      ['Onderwerp', S],
      ['Datumsoort', S],
      ['Datum', D],
      ['Aanvangstijd', D],
      ['Eindtijd', D],
      ['Locatie', S],
      ['Besloten', B],
      ['Status', S],
      ['Vergaderjaar', S],
      ['Kamer', S],
      ['Noot', S],
      ['VRSNummer', S],
      ['SidSecretaris', S],
      ['SidLocatie', S],
      ['Voortouwnaam', S],
      ['Voortouwafkorting', S],
      ['Voortouwkortenaam', S],
      ...STAMPS,
    ),
    navigations: [{ name: 'Agendapunt', target: 'Agendapunt', many: true, partner: 'Activiteit' }],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Deterministic values

function digest(key: string): Buffer {
  return createHash('sha1').update(`kamerlens-mock:${key}`).digest();
}

/** A GUID derived from a key (version-5 layout), the same on every run. */
export function tkGuid(kind: string, key: string): string {
  const hex = digest(`${kind}:${key}`).toString('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An integer in [0, n) derived from a key. */
function pick(key: string, n: number): number {
  return digest(key).readUInt32BE(0) % n;
}

function sid(key: string): string {
  const h = digest(`sid:${key}`);
  const parts = [0, 4, 8, 12].map((i) => h.readUInt32BE(i));
  return `S-1-365867521-2120874753-${parts.join('-')}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Last Sunday of a month (UTC day number), for the Dutch summer-time rule. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** `+02:00` in Dutch summer time, `+01:00` otherwise (by date, which is all the data needs). */
function amsterdamOffset(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const afterStart = m > 3 || (m === 3 && d >= lastSunday(y, 2));
  const beforeEnd = m < 10 || (m === 10 && d < lastSunday(y, 9));
  return afterStart && beforeEnd ? '+02:00' : '+01:00';
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** A local date-time as the service writes it: `2018-12-04T00:00:00+01:00`. */
function local(date: string, time = '00:00:00'): string {
  return `${date}T${time}${amsterdamOffset(date)}`;
}

/** .NET writes fractional seconds without trailing zeros (`19:20:49.48`, `15:59:58`). */
function fraction(digits: string): string {
  const trimmed = digits.replace(/0+$/, '');
  return trimmed ? `.${trimmed}` : '';
}

/**
 * `GewijzigdOp` (local, milliseconds) and `ApiGewijzigdOp` (UTC, up to 7 fractional digits, a few seconds later)
 * for an entity changed on `date`.
 */
function stamps(key: string, date: string): { GewijzigdOp: string; ApiGewijzigdOp: string; Verwijderd: false } {
  const h = digest(`stamp:${key}`);
  const hour = 8 + (h.readUInt8(0) % 11);
  const minute = h.readUInt8(1) % 60;
  const second = h.readUInt8(2) % 60;
  const ms = h.readUInt16BE(3) % 1000;
  const offsetHours = amsterdamOffset(date) === '+02:00' ? 2 : 1;
  const gewijzigd = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction(pad(ms, 3))}${amsterdamOffset(date)}`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d, hour - offsetHours, minute, second + 2 + (h.readUInt8(5) % 40)));
  const ticks = pad(h.readUInt32BE(6) % 10_000_000, 7);
  const api = `${utc.toISOString().slice(0, 19)}${fraction(ticks)}Z`;
  return { GewijzigdOp: gewijzigd, ApiGewijzigdOp: api, Verwijderd: false };
}

function vergaderjaar(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const start = m >= 9 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** A deleted entity as the service shows it: every field null except Id, the timestamps and `Verwijderd`. */
function tombstone(type: EntityTypeDef, id: string, date: string): Entity {
  const row: Entity = { Id: id };
  for (const p of type.properties) if (p.name !== 'Id') row[p.name] = null;
  return { ...row, ...stamps(`tombstone:${id}`, date), Verwijderd: true };
}

/** All properties of `type` in model order, null unless given. */
function row(type: EntityTypeDef, values: Record<string, string | number | boolean | null>): Entity {
  const out: Entity = { Id: values.Id as string };
  for (const p of type.properties) out[p.name] = values[p.name] ?? null;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Builder

const TYPES = new Map(TK_TYPES.map((t) => [t.name, t]));
function typeOf(name: string): EntityTypeDef {
  return TYPES.get(name) as EntityTypeDef;
}

const FILLER_SOORTEN = [
  'Brief regering',
  'Verslag van een schriftelijk overleg',
  'Lijst van vragen en antwoorden',
  'Verslag van een commissiedebat',
  'Brief commissie',
];

/** Unrelated dossiers for filler documents; none of them occurs in the catalogue. */
const FILLER_DOSSIERS: [number, string][] = [
  [31066, 'Belastingdienst'],
  [31288, 'Hoger Onderwijs, Onderzoek en Wetenschapsbeleid'],
  [31293, 'Primair Onderwijs'],
  [31322, 'Kinderopvang'],
  [32013, 'Staatsdeelnemingen'],
  [32140, 'Minder regels en administratieve lasten'],
  [32336, 'Kansen en bedreigingen van de open economie'],
  [32545, 'Wetgeving en beleid financiële markten'],
  [32637, 'Bedrijfslevenbeleid'],
  [32805, 'Invoering Omgevingswet'],
  [33009, 'Nieuwe markten in het digitale domein'],
  [33037, 'Mestbeleid'],
  [33118, 'Omgevingsrecht'],
  [33529, 'Gaswinning Groningen'],
  [33576, 'Natuurbeleid'],
  [34104, 'Langdurige zorg'],
  [34477, 'Decentralisatie jeugdzorg'],
  [34682, 'Staat van de rechtsstaat'],
  [35165, 'Klimaatakkoord'],
  [31839, 'Jeugdzorg'],
];

/** Surnames for roll-call rows (`Achternaam, I.` with the tussenvoegsel after the name, as the service writes it). */
const SURNAMES = [
  'Jansen',
  'Vries de',
  'Berg van den',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Boer de',
  'Mulder',
  'Groot de',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Leeuwen van',
  'Dekker',
  'Brouwer',
  'Wit de',
  'Dijkstra',
  'Graaf de',
  'Meer van der',
  'Kok',
  'Jacobs',
  'Haan de',
  'Vermeulen',
  'Heuvel van den',
  'Veen van der',
  'Broek van den',
  'Bruijn de',
  'Heijden van der',
  'Schouten',
  'Beek van',
  'Willems',
  'Vliet van',
  'Hoekstra',
  'Maas',
  'Koster',
  'Dam van',
  'Wal van der',
  'Prins',
];

/** Members per fractie written as individual rows in a roll call; enough to recognise one, not the full chamber. */
const ROLL_CALL_MEMBERS = 3;

/** The motion whose first decision was replaced: its old Besluit stays as `Verwijderd: true`. */
const SUPERSEDED_MOTION = 'kst-35000-VI-59';

const OUTCOME_TEXT: Record<Exclude<MotionFacts['outcome'], 'ingediend'>, string> = {
  aangenomen: 'Aangenomen.',
  verworpen: 'Verworpen.',
  aangehouden: 'Aangehouden.',
  ingetrokken: 'Ingetrokken.',
};

class TkBuilder {
  readonly store = new EntityStore(TK_TYPES, TK_NAMESPACE);
  private readonly dossiers = new Map<string, Entity>();
  private readonly usedNumbers = new Set<string>();
  private readonly activities = new Map<string, Entity>();
  private readonly agendaLength = new Map<string, number>();

  /** A number like `2018D12345` not used before, derived from `key`. */
  private number(letter: 'D' | 'Z' | 'A' | 'P', year: string, key: string): string {
    for (let attempt = 0; ; attempt++) {
      const n = `${year}${letter}${pad(10000 + pick(`${letter}:${key}:${attempt}`, 89999), 5)}`;
      if (!this.usedNumbers.has(n)) {
        this.usedNumbers.add(n);
        return n;
      }
    }
  }

  private add(set: string, values: Record<string, string | number | boolean | null>): Entity {
    return this.store.add(set, row(typeOf(set), values));
  }

  dossier(nummer: number, toevoeging: string | null, titel: string, date: string): Entity {
    const key = toevoeging ? `${nummer}-${toevoeging}` : String(nummer);
    const existing = this.dossiers.get(key);
    if (existing) return existing;
    const entity = this.add('Kamerstukdossier', {
      Id: tkGuid('Kamerstukdossier', key),
      Titel: titel,
      Nummer: nummer,
      Toevoeging: toevoeging,
      HoogsteVolgnummer: 0,
      Afgesloten: false,
      Kamer: 'Tweede Kamer',
      ...stamps(`Kamerstukdossier:${key}`, date),
    });
    this.dossiers.set(key, entity);
    return entity;
  }

  document(values: {
    key: string;
    soort: string;
    nummer: string;
    titel: string | null;
    onderwerp: string;
    datum: string;
    volgnummer: number;
    dossier?: Entity;
  }): Entity {
    const { key, datum } = values;
    const brief = values.soort.startsWith('Brief');
    const doc = this.add('Document', {
      Id: tkGuid('Document', key),
      Soort: values.soort,
      DocumentNummer: values.nummer,
      Titel: values.titel,
      Onderwerp: values.onderwerp,
      Datum: local(datum),
      Vergaderjaar: vergaderjaar(datum),
      Kamer: 2,
      Volgnummer: values.volgnummer,
      DatumRegistratie: local(datum),
      DatumOntvangst: brief ? local(addDays(datum, 1)) : null,
      Organisatie: 'Tweede Kamer',
      ContentType:
        pick(`ct:${key}`, 3) === 0
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ContentLength: 12000 + pick(`len:${key}`, 400000),
      ...stamps(`Document:${key}`, addDays(datum, 1 + pick(`gw:${key}`, 3))),
      HuidigeDocumentVersie_Id: tkGuid('DocumentVersie', key),
    });
    if (values.dossier) {
      this.store.link('Document', doc.Id, 'Kamerstukdossier', values.dossier.Id);
      if (values.volgnummer > (values.dossier.HoogsteVolgnummer as number))
        values.dossier.HoogsteVolgnummer = values.volgnummer;
    }
    return doc;
  }

  private actor(
    set: 'ZaakActor' | 'DocumentActor',
    owner: Entity,
    person: Person,
    relatie: string,
    index: number,
  ): void {
    const ownerKey = set === 'ZaakActor' ? 'Zaak_Id' : 'Document_Id';
    const actor = this.add(set, {
      Id: tkGuid(set, `${owner.Id}:${index}`),
      [ownerKey]: owner.Id,
      ActorNaam: person.naam,
      ActorFractie: person.fractie ?? null,
      Functie: person.functie,
      Relatie: relatie,
      SidActor: sid(`persoon:${person.naam}`),
      Persoon_Id: tkGuid('Persoon', person.naam),
      Fractie_Id: person.fractie ? tkGuid('Fractie', person.fractie) : null,
      ...stamps(`${set}:${owner.Id}:${index}`, (owner.GewijzigdOp as string).slice(0, 10)),
    });
    this.store.link(set, actor.Id, set === 'ZaakActor' ? 'Zaak' : 'Document', owner.Id);
  }

  documentActors(doc: Entity, indieners: Person[]): void {
    indieners.forEach((person, i) => {
      this.actor('DocumentActor', doc, person, i === 0 ? 'Eerste ondertekenaar' : 'Mede ondertekenaar', i);
    });
  }

  zaak(entry: CatalogueEntry, doc: Entity, dossier: Entity): Entity {
    const motion = entry.motion;
    const year = entry.datum.slice(0, 4);
    const decided = motion && ['aangenomen', 'verworpen', 'ingetrokken'].includes(motion.outcome);
    let nummer = motion?.zaakNummer;
    if (nummer) this.usedNumbers.add(nummer);
    else nummer = this.number('Z', year, entry.obId);
    const zaak = this.add('Zaak', {
      Id: tkGuid('Zaak', nummer),
      Nummer: nummer,
      Soort: motion ? 'Motie' : entry.soort,
      Titel: entry.dossierTitel ?? null,
      Status: 'Vrijgegeven',
      Onderwerp: entry.onderwerp,
      GestartOp: local(entry.datum),
      Organisatie: 'Tweede Kamer',
      Vergaderjaar: entry.vergaderjaar,
      Volgnummer: typeof entry.volgnummer === 'number' ? entry.volgnummer : -1,
      Afgedaan: Boolean(decided),
      GrootProject: false,
      ...stamps(`Zaak:${nummer}`, motion?.besluitDatum ?? entry.datum),
      Kabinetsappreciatie: motion?.kabinetsappreciatie ?? null,
    });
    this.store.link('Zaak', zaak.Id, 'Document', doc.Id);
    this.store.link('Zaak', zaak.Id, 'Kamerstukdossier', dossier.Id);
    if (motion) {
      entry.indieners.forEach((person, i) => {
        this.actor('ZaakActor', zaak, person, i === 0 ? 'Indiener' : 'Medeindiener', i);
      });
      // The committee row the real data carries on every motion: clients must pick Relatie 'Indiener'.
      const commissie = this.add('ZaakActor', {
        Id: tkGuid('ZaakActor', `${zaak.Id}:voortouw`),
        Zaak_Id: zaak.Id,
        ActorNaam: 'TK',
        ActorAfkorting: 'TK',
        Relatie: 'Voortouwcommissie',
        SidActor: sid('commissie:TK'),
        Commissie_Id: tkGuid('Commissie', 'TK'),
        ...stamps(`ZaakActor:${zaak.Id}:voortouw`, entry.datum),
      });
      this.store.link('ZaakActor', commissie.Id, 'Zaak', zaak.Id);
    }
    return zaak;
  }

  /** One Activiteit per kind and day (all votes of a Tuesday share one), with a new Agendapunt for each item. */
  agendapunt(soort: 'Stemmingen' | 'Plenair debat', date: string, onderwerp: string, key: string): Entity {
    const activityKey = `${soort}:${date}`;
    let activiteit = this.activities.get(activityKey);
    if (!activiteit) {
      const stemmingen = soort === 'Stemmingen';
      activiteit = this.add('Activiteit', {
        Id: tkGuid('Activiteit', activityKey),
        Soort: soort,
        Nummer: this.number('A', date.slice(0, 4), activityKey),
        Onderwerp: stemmingen ? 'Stemmingen' : onderwerp,
        Datumsoort: 'Dag',
        Datum: local(date),
        Aanvangstijd: local(date, stemmingen ? '15:00:00' : '10:15:00'),
        Eindtijd: local(date, stemmingen ? '15:45:00' : '18:00:00'),
        Locatie: 'Plenaire zaal',
        Besloten: false,
        Status: 'Uitgevoerd',
        Vergaderjaar: vergaderjaar(date),
        Kamer: 'Tweede Kamer',
        Voortouwnaam: 'Tweede Kamer',
        Voortouwafkorting: 'TK',
        Voortouwkortenaam: 'TK',
        ...stamps(`Activiteit:${activityKey}`, addDays(date, 1)),
      });
      this.activities.set(activityKey, activiteit);
    }
    const volgorde = (this.agendaLength.get(activityKey) ?? 0) + 1;
    this.agendaLength.set(activityKey, volgorde);
    const punt = this.add('Agendapunt', {
      Id: tkGuid('Agendapunt', key),
      Nummer: this.number('P', date.slice(0, 4), key),
      Onderwerp: onderwerp,
      Volgorde: volgorde,
      Rubriek: soort === 'Stemmingen' ? 'Stemmingen' : null,
      Status: 'Vrijgegeven',
      Activiteit_Id: activiteit.Id,
      ...stamps(`Agendapunt:${key}`, date),
    });
    this.store.link('Agendapunt', punt.Id, 'Activiteit', activiteit.Id);
    return punt;
  }

  besluit(
    key: string,
    zaak: Entity,
    punt: Entity | undefined,
    values: Record<string, string | null>,
    date: string,
  ): Entity {
    const besluit = this.add('Besluit', {
      Id: tkGuid('Besluit', key),
      AgendapuntZaakBesluitVolgorde: 1,
      ...values,
      ...stamps(`Besluit:${key}`, date),
    });
    this.store.link('Besluit', besluit.Id, 'Zaak', zaak.Id);
    if (punt) this.store.link('Besluit', besluit.Id, 'Agendapunt', punt.Id);
    return besluit;
  }

  private stemming(
    besluit: Entity,
    key: string,
    values: Record<string, string | number | boolean | null>,
    date: string,
  ): void {
    const stemming = this.add('Stemming', {
      Id: tkGuid('Stemming', `${besluit.Id}:${key}`),
      Besluit_Id: besluit.Id,
      Vergissing: false,
      ...values,
      ...stamps(`Stemming:${besluit.Id}:${key}`, date),
    });
    this.store.link('Stemming', stemming.Id, 'Besluit', besluit.Id);
  }

  /** Ingediend → Voorstel → decision with votes, as a motion goes through the real process. */
  motionProcess(entry: CatalogueEntry, motion: MotionFacts, zaak: Entity): void {
    const titel = entry.dossierTitel ?? `dossier ${entry.dossier}`;
    const debat = this.agendapunt('Plenair debat', entry.datum, `Debat over ${titel}`, `debat:${entry.obId}`);
    this.besluit(
      `${entry.obId}:ingediend`,
      zaak,
      debat,
      { BesluitSoort: 'Ingediend', BesluitTekst: 'Ingediend.', Status: 'Besluit' },
      entry.datum,
    );
    if (motion.outcome === 'ingediend' || !motion.besluitDatum) return;
    const date = motion.besluitDatum;
    const stemmingen = this.agendapunt(
      'Stemmingen',
      date,
      `Stemmingen over moties ingediend bij het debat over ${titel}`,
      `stemmingen:${entry.obId}`,
    );
    this.besluit(`${entry.obId}:voorstel`, zaak, stemmingen, { Status: 'Voorstel' }, addDays(date, -5));
    if (entry.obId === SUPERSEDED_MOTION) {
      // A decision entered wrongly and replaced: still served, with Verwijderd true, so clients must skip it.
      const old = this.besluit(
        `${entry.obId}:superseded`,
        zaak,
        stemmingen,
        {
          BesluitSoort: 'Stemmen - verworpen',
          BesluitTekst: 'Verworpen.',
          StemmingsSoort: motion.stemmingsSoort ?? null,
          Status: 'Besluit',
        },
        date,
      );
      old.Verwijderd = true;
    }
    const besluit = this.besluit(
      `${entry.obId}:besluit`,
      zaak,
      stemmingen,
      {
        BesluitSoort: `Stemmen - ${motion.outcome}`,
        BesluitTekst: OUTCOME_TEXT[motion.outcome],
        StemmingsSoort: motion.votes ? (motion.stemmingsSoort ?? null) : null,
        Status: 'Besluit',
      },
      date,
    );
    for (const vote of motion.votes ?? []) {
      this.stemming(
        besluit,
        vote.fractie,
        {
          Soort: vote.soort,
          FractieGrootte: vote.zetels,
          ActorNaam: vote.fractie,
          ActorFractie: vote.fractie,
          SidActorFractie: sid(`fractie:${vote.fractie}`),
          Fractie_Id: tkGuid('Fractie', vote.fractie),
        },
        date,
      );
      if (motion.stemmingsSoort !== 'Hoofdelijk') continue;
      for (let m = 0; m < Math.min(ROLL_CALL_MEMBERS, vote.zetels); m++) {
        const surname = SURNAMES[pick(`lid:${vote.fractie}:${m}`, SURNAMES.length)] as string;
        const initial = String.fromCharCode(65 + pick(`init:${vote.fractie}:${m}`, 26));
        const naam = `${surname}, ${initial}.`;
        this.stemming(
          besluit,
          `${vote.fractie}:${m}`,
          {
            Soort: vote.soort,
            FractieGrootte: vote.zetels,
            ActorNaam: naam,
            ActorFractie: vote.fractie,
            SidActorLid: sid(`lid:${vote.fractie}:${m}`),
            SidActorFractie: sid(`fractie:${vote.fractie}`),
            Persoon_Id: tkGuid('Persoon', `${vote.fractie}:${m}`),
            Fractie_Id: tkGuid('Fractie', vote.fractie),
          },
          date,
        );
      }
    }
  }

  catalogueEntry(entry: CatalogueEntry): void {
    if (!entry.documentNummer || entry.dossier === undefined) return;
    this.usedNumbers.add(entry.documentNummer);
    const dossier = this.dossier(
      entry.dossier,
      entry.toevoeging ?? null,
      entry.dossierTitel ?? `Kamerstukdossier ${entry.dossier}`,
      entry.datum,
    );
    const doc = this.document({
      key: entry.obId,
      soort: entry.soort,
      nummer: entry.documentNummer,
      titel: entry.dossierTitel ?? null,
      onderwerp: entry.onderwerp,
      datum: entry.datum,
      volgnummer: typeof entry.volgnummer === 'number' ? entry.volgnummer : -1,
      dossier,
    });
    this.documentActors(doc, entry.indieners);
    const zaak = this.zaak(entry, doc, dossier);
    if (entry.motion) this.motionProcess(entry, entry.motion, zaak);
  }

  private fillerDate(key: string): string {
    return `${2017 + pick(`y:${key}`, 4)}-${pad(1 + pick(`m:${key}`, 12))}-${pad(1 + pick(`d:${key}`, 28))}`;
  }

  private fillerDocument(key: string, dossier: Entity | undefined, volgnummer: number): void {
    const datum = this.fillerDate(key);
    const soort = dossier ? (FILLER_SOORTEN[pick(`soort:${key}`, FILLER_SOORTEN.length)] as string) : 'Bijlage';
    const titel = dossier ? (dossier.Titel as string) : null;
    this.document({
      key: `filler:${key}`,
      soort,
      nummer: this.number('D', datum.slice(0, 4), key),
      titel,
      onderwerp: dossier ? `${soort} over ${(titel ?? '').toLowerCase()} (${key})` : `Bijlage bij ${key}`,
      datum,
      volgnummer,
      ...(dossier ? { dossier } : {}),
    });
  }

  /**
   * ~620 documents unrelated to the catalogue: 260 more in 21501-20 (a real dossier with thousands of stukken,
   * so its Document navigation pages), a few more in each catalogue dossier, 20 unrelated dossiers of 15, and
   * unnumbered attachments.
   */
  filler(entries: CatalogueEntry[]): void {
    const taken = new Set(entries.map((e) => `${e.dossier}-${e.toevoeging ?? ''}-${e.volgnummer}`));
    const freeVolgnummers = (nummer: number, toevoeging: string | null, from: number, count: number): number[] => {
      const out: number[] = [];
      for (let v = from; out.length < count; v++) if (!taken.has(`${nummer}-${toevoeging ?? ''}-${v}`)) out.push(v);
      return out;
    };
    const europeseRaad = this.dossiers.get('21501-20');
    if (europeseRaad) {
      for (const v of freeVolgnummers(21501, '20', 1100, 260)) this.fillerDocument(`21501-20-${v}`, europeseRaad, v);
    }
    for (const [key, dossier] of this.dossiers) {
      if (key === '21501-20') continue;
      const nummer = dossier.Nummer as number;
      const toevoeging = dossier.Toevoeging as string | null;
      const base = Math.max(1, (dossier.HoogsteVolgnummer as number) - 12);
      for (const v of freeVolgnummers(nummer, toevoeging, base, 3)) this.fillerDocument(`${key}-${v}`, dossier, v);
    }
    for (const [nummer, titel] of FILLER_DOSSIERS) {
      const dossier = this.dossier(nummer, null, titel, this.fillerDate(`dossier:${nummer}`));
      const first = 1 + pick(`first:${nummer}`, 300);
      for (let i = 0; i < 15; i++) this.fillerDocument(`${nummer}-${first + i}`, dossier, first + i);
    }
    for (let i = 0; i < 20; i++) this.fillerDocument(`bijlage-${i}`, undefined, -1);
  }

  tombstones(): void {
    const document = typeOf('Document');
    const besluit = typeOf('Besluit');
    for (let i = 0; i < 3; i++)
      this.store.add('Document', tombstone(document, tkGuid('Document', `tombstone:${i}`), `2020-0${i + 3}-1${i}`));
    for (let i = 0; i < 2; i++)
      this.store.add('Besluit', tombstone(besluit, tkGuid('Besluit', `tombstone:${i}`), `2019-1${i}-0${i + 4}`));
  }
}

let cached: EntityStore | undefined;

/** The mock's TK entity sets (built once per process; treat as read-only). */
export function tkStore(): EntityStore {
  if (!cached) {
    const builder = new TkBuilder();
    const entries = catalogue();
    for (const entry of entries) builder.catalogueEntry(entry);
    builder.filler(entries);
    builder.tombstones();
    cached = builder.store;
  }
  return cached;
}
