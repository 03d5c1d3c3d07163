import { expectedFor, withLate } from '../expected';
import { gold, HAS_SHARED } from '../shared';

/**
 * The publications the mock services know: one entry per document, from which both the Tweede Kamer OData mock and
 * the KOOP SRU mock build their records, so the two always agree. Every reference in ../shared/corpus/gold.json is
 * here (read in place at run time), plus those of the hand-written pages under tests/fixtures/pages. Details of the
 * documents the corpus cites (titles, dates, indieners, outcomes) are written after the real ones where known; the
 * rest are filled in plausibly and deterministically, so runs are repeatable.
 */

export type Outcome = 'aangenomen' | 'verworpen' | 'aangehouden' | 'ingetrokken' | 'ingediend';

export interface Vote {
  fractie: string;
  zetels: number;
  soort: 'Voor' | 'Tegen' | 'Niet deelgenomen';
}

export interface MotionFacts {
  zaakNummer: string;
  kabinetsappreciatie: string;
  outcome: Outcome;
  /** Date of the vote (or of the decision to hold or withdraw). */
  besluitDatum?: string;
  stemmingsSoort?: 'Met handopsteken' | 'Hoofdelijk';
  votes?: Vote[];
}

export interface Person {
  naam: string;
  fractie?: string;
  functie: string;
}

export interface CatalogueEntry {
  /** The officielebekendmakingen id: `kst-19637-2375`, `h-tk-20182019-27-10`, `stb-2019-143`, `ah-tk-…`. */
  obId: string;
  publicatie:
    | 'Kamerstuk'
    | 'Handelingen'
    | 'Staatsblad'
    | 'Staatscourant'
    | 'Tractatenblad'
    | 'Aanhangsel van de Handelingen';
  dossier?: number;
  toevoeging?: string | null;
  /** Document.Volgnummer for TK kamerstukken; the EK letter (`B`) for Eerste Kamer documents. */
  volgnummer?: number | string;
  /** Set when the Tweede Kamer API has the document (TK papers since 2008); EK and journal items have none. */
  documentNummer?: string;
  soort: string;
  dossierTitel?: string;
  onderwerp: string;
  datum: string;
  vergaderjaar: string;
  kamer: 1 | 2;
  indieners: Person[];
  motion?: MotionFacts;
}

/** The 2017–2021 Tweede Kamer: fracties and seats (150). */
export const FRACTIES: [string, number][] = [
  ['VVD', 33],
  ['PVV', 20],
  ['CDA', 19],
  ['D66', 19],
  ['GroenLinks', 14],
  ['SP', 14],
  ['PvdA', 9],
  ['ChristenUnie', 5],
  ['PvdD', 5],
  ['50PLUS', 4],
  ['SGP', 3],
  ['DENK', 3],
  ['FvD', 2],
];

function votes(voor: readonly string[]): Vote[] {
  return FRACTIES.map(([fractie, zetels]) => ({ fractie, zetels, soort: voor.includes(fractie) ? 'Voor' : 'Tegen' }));
}

const COALITION = ['VVD', 'CDA', 'D66', 'ChristenUnie'];

const DOSSIER_TITLES: Record<string, string> = {
  '19637': 'Vreemdelingenbeleid',
  '30573': 'Migratiebeleid',
  '35000-VI':
    'Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI) voor het jaar 2019',
  '35300-VI':
    'Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI) voor het jaar 2020',
  '34300-XVII':
    'Vaststelling van de begrotingsstaat van Buitenlandse Handel en Ontwikkelingssamenwerking (XVII) voor het jaar 2016',
  '35300-XVII':
    'Vaststelling van de begrotingsstaat van Buitenlandse Handel en Ontwikkelingssamenwerking (XVII) voor het jaar 2020',
  '35000': 'Miljoenennota 2019',
  '22112': 'Nieuwe Commissievoorstellen en initiatieven van de lidstaten van de Europese Unie',
  '28638': 'Mensenhandel',
  '29544': 'Arbeidsmarktbeleid',
  '32824': 'Integratiebeleid',
  '32317': 'JBZ-Raad',
  '32847': 'Integrale visie op de woningmarkt',
  '34952': 'Investeren in Perspectief',
  '35438': 'Tijdelijke voorziening betreffende verlenging van de termijnen in verband met de uitbraak van COVID-19',
  '35483': 'Wijziging van de Wet inburgering 2021',
  '21501-20': 'Europese Raad',
  '34482': 'Wijziging van de Wet inburgering in verband met de aanpassing van de participatieverklaring',
  '36100': 'Nationaal Programma Rotterdam Zuid',
  '35510': 'Parlementaire ondervraging Kinderopvangtoeslag',
};

/** Documents the corpus cites, as they really are (subjects from the citing letters, motions from the gold). */
const KNOWN: Record<string, Partial<CatalogueEntry> & { onderwerp: string; datum: string }> = {
  'kst-19637-2375': { soort: 'Brief regering', onderwerp: 'Integrale Migratieagenda', datum: '2018-03-29' },
  'kst-19637-2535': {
    soort: 'Brief regering',
    onderwerp: 'Voortgangsrapportage Integrale Migratieagenda',
    datum: '2019-10-14',
  },
  'kst-35000-VI-59': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage over de migratieagenda',
    datum: '2018-11-22',
    indieners: [{ naam: 'M. Groothuizen', fractie: 'D66', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2018Z22093',
      kabinetsappreciatie: 'Oordeel Kamer',
      outcome: 'aangenomen',
      besluitDatum: '2018-12-04',
      stemmingsSoort: 'Met handopsteken',
      votes: votes([...COALITION, 'GroenLinks', 'PvdA', 'SP', 'PvdD', '50PLUS', 'DENK', 'SGP']),
    },
  },
  'kst-35000-VI-78': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Groothuizen c.s. over jaarlijks rapporteren over de voortgang van de migratieagenda',
    datum: '2018-11-22',
    indieners: [{ naam: 'M. Groothuizen', fractie: 'D66', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2018Z22114',
      kabinetsappreciatie: 'Oordeel Kamer',
      outcome: 'aangenomen',
      besluitDatum: '2018-12-04',
      stemmingsSoort: 'Met handopsteken',
      votes: votes([...COALITION, 'GroenLinks', 'PvdA', 'SP', 'PvdD', '50PLUS', 'SGP']),
    },
  },
  'kst-34300-XVII-34': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Van Laar over het aanpakken van grondoorzaken van migratie',
    datum: '2015-11-12',
    indieners: [{ naam: 'M. van Laar', fractie: 'PvdA', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2015Z21513',
      kabinetsappreciatie: 'Niet beschikbaar bij moties en/of amendementen vóór 1 april 2019',
      outcome: 'aangenomen',
      besluitDatum: '2015-11-17',
      stemmingsSoort: 'Met handopsteken',
      votes: votes(['VVD', 'PvdA', 'CDA', 'D66', 'ChristenUnie', 'GroenLinks', 'SP', 'SGP', '50PLUS']),
    },
  },
  'kst-35300-XVII-34': {
    soort: 'Motie',
    onderwerp: 'Motie van de leden Kuik en Voordewind over mensenhandel langs de migratieroutes',
    datum: '2019-11-14',
    indieners: [
      { naam: 'A.H. Kuik', fractie: 'CDA', functie: 'Tweede Kamerlid' },
      { naam: 'J.S. Voordewind', fractie: 'ChristenUnie', functie: 'Tweede Kamerlid' },
    ],
    motion: {
      zaakNummer: '2019Z22385',
      kabinetsappreciatie: 'Oordeel Kamer',
      outcome: 'aangenomen',
      besluitDatum: '2019-11-19',
      stemmingsSoort: 'Met handopsteken',
      votes: votes(['VVD', 'CDA', 'D66', 'ChristenUnie', 'GroenLinks', 'SP', 'PvdA', 'PvdD', 'SGP', '50PLUS', 'DENK']),
    },
  },
  'kst-19637-2623': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Bisschop over afspraken met West-Europese landen over migranten uit veilige landen',
    datum: '2020-06-24',
    indieners: [{ naam: 'R.R. Bisschop', fractie: 'SGP', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2020Z12002',
      kabinetsappreciatie: 'Ontraden tenzij gewijzigd',
      outcome: 'aangehouden',
      besluitDatum: '2020-06-30',
    },
  },
  'kst-35000-8': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Dijkhoff over een verkenning naar de omvang en samenstelling van de bevolking',
    datum: '2018-09-20',
    indieners: [{ naam: 'K.H.D.M. Dijkhoff', fractie: 'VVD', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2018Z16847',
      kabinetsappreciatie: 'Niet beschikbaar bij moties en/of amendementen vóór 1 april 2019',
      outcome: 'aangenomen',
      besluitDatum: '2018-09-25',
      stemmingsSoort: 'Met handopsteken',
      votes: votes([...COALITION, 'PVV', 'SGP', 'FvD', '50PLUS']),
    },
  },
  'kst-19637-2380': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Fritsma over geen arbeidskrachten van buiten de EU als beloning',
    datum: '2018-04-12',
    indieners: [{ naam: 'S. Fritsma', fractie: 'PVV', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2018Z06846',
      kabinetsappreciatie: 'Niet beschikbaar bij moties en/of amendementen vóór 1 april 2019',
      outcome: 'aangenomen',
      besluitDatum: '2018-04-17',
      stemmingsSoort: 'Met handopsteken',
      votes: votes(['VVD', 'PVV', 'CDA', 'SGP', 'FvD', '50PLUS']),
    },
  },
  'kst-21501-20-1265': {
    soort: 'Motie',
    onderwerp: 'Motie van de leden Verhoeven en Groothuizen over een monitoringsmechanisme voor de Libische kustwacht',
    datum: '2017-11-15',
    indieners: [
      { naam: 'K. Verhoeven', fractie: 'D66', functie: 'Tweede Kamerlid' },
      { naam: 'M. Groothuizen', fractie: 'D66', functie: 'Tweede Kamerlid' },
    ],
    motion: {
      zaakNummer: '2017Z16022',
      kabinetsappreciatie: 'Niet beschikbaar bij moties en/of amendementen vóór 1 april 2019',
      outcome: 'aangenomen',
      besluitDatum: '2017-11-21',
      stemmingsSoort: 'Met handopsteken',
      votes: votes([...COALITION, 'GroenLinks', 'PvdA', 'SP', 'PvdD', 'DENK']),
    },
  },
  'kst-19637-2321': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Van Ojik c.s. over harder inzetten op gedwongen terugkeer',
    datum: '2017-10-11',
    indieners: [{ naam: 'B. van Ojik', fractie: 'GroenLinks', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2017Z13518',
      kabinetsappreciatie: 'Niet beschikbaar bij moties en/of amendementen vóór 1 april 2019',
      outcome: 'verworpen',
      besluitDatum: '2017-10-17',
      stemmingsSoort: 'Hoofdelijk',
      votes: votes(['GroenLinks', 'SP', 'PvdA', 'PvdD', 'DENK', '50PLUS']),
    },
  },
  'kst-35300-VI-37': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Becker c.s. over migratieovereenkomsten met landen van herkomst',
    datum: '2019-11-27',
    indieners: [{ naam: 'B.C. Becker', fractie: 'VVD', functie: 'Tweede Kamerlid' }],
    motion: { zaakNummer: '2019Z23601', kabinetsappreciatie: 'Oordeel Kamer', outcome: 'ingediend' },
  },
  'kst-19637-2685': {
    soort: 'Motie',
    onderwerp: 'Motie van het lid Jasper van Dijk over het terugdringen van de asielinstroom uit veilige landen',
    datum: '2020-11-05',
    indieners: [{ naam: 'J.J. van Dijk', fractie: 'SP', functie: 'Tweede Kamerlid' }],
    motion: {
      zaakNummer: '2020Z21148',
      kabinetsappreciatie: 'Ontraden',
      outcome: 'ingetrokken',
      besluitDatum: '2020-11-10',
    },
  },
  'kst-34482-B': { soort: 'Memorie van antwoord', onderwerp: 'Memorie van antwoord', datum: '2017-06-20' },
};

const MINISTER: Person = { naam: 'F. Grapperhaus', functie: 'Minister van Justitie en Veiligheid' };

/** A number derived from an id, so generated details are the same on every run. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function vergaderjaarOf(datum: string): string {
  const [y, m] = datum.split('-').map(Number) as [number, number];
  const start = m >= 9 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** `kst-21501-20-1265` → dossier 21501, toevoeging 20, volgnummer 1265; `kst-34482-B` → letter B. */
function parseKst(id: string): { dossier: number; toevoeging: string | null; volgnummer: number | string } {
  const parts = id.split('-').slice(1);
  const last = parts.pop()!;
  const dossier = Number(parts.shift());
  return {
    dossier,
    toevoeging: parts.length ? parts.join('-') : null,
    volgnummer: /^\d+$/.test(last) ? Number(last) : last,
  };
}

function kamerstuk(obId: string): CatalogueEntry {
  const known = KNOWN[obId];
  const { dossier, toevoeging, volgnummer } = parseKst(obId);
  const key = toevoeging ? `${dossier}-${toevoeging}` : String(dossier);
  const h = hash(obId);
  const datum =
    known?.datum ??
    `${2016 + (h % 5)}-${String(1 + ((h >>> 3) % 12)).padStart(2, '0')}-${String(1 + ((h >>> 7) % 28)).padStart(2, '0')}`;
  const eersteKamer = typeof volgnummer === 'string';
  const year = Number(datum.slice(0, 4));
  return {
    obId,
    publicatie: 'Kamerstuk',
    dossier,
    toevoeging,
    volgnummer,
    // The TK API has Tweede Kamer papers since 2008; Eerste Kamer letters only KOOP has.
    ...(eersteKamer || year < 2009
      ? {}
      : { documentNummer: `${year}D${String(10000 + (h % 89999)).padStart(5, '0')}` }),
    soort: known?.soort ?? 'Brief regering',
    dossierTitel: DOSSIER_TITLES[key] ?? DOSSIER_TITLES[String(dossier)] ?? `Kamerstukdossier ${key}`,
    onderwerp:
      known?.onderwerp ??
      `Brief van de minister over ${DOSSIER_TITLES[key] ?? 'het beleid'}`.toLowerCase().replace(/^b/, 'B'),
    datum,
    vergaderjaar: vergaderjaarOf(datum),
    kamer: eersteKamer ? 1 : 2,
    indieners: known?.indieners ?? [MINISTER],
    ...(known?.motion ? { motion: known.motion } : {}),
  };
}

function other(obId: string): CatalogueEntry | undefined {
  const h = /^h-tk-(\d{4})(\d{4})-(\d+)(?:-(\d+))?$/.exec(obId);
  if (h) {
    return {
      obId,
      publicatie: 'Handelingen',
      soort: 'Handelingen',
      onderwerp: h[4] ? `Vergadering ${h[3]}, agendapunt ${h[4]}` : `Vergadering ${h[3]}`,
      datum: `${h[1]}-11-${String(1 + (Number(h[3]) % 28)).padStart(2, '0')}`,
      vergaderjaar: `${h[1]}-${h[2]}`,
      kamer: 2,
      indieners: [],
    };
  }
  const j = /^(stb|stcrt|trb)-(\d{4})-(\d+)$/.exec(obId);
  if (j) {
    const publicatie = ({ stb: 'Staatsblad', stcrt: 'Staatscourant', trb: 'Tractatenblad' } as const)[j[1] as 'stb'];
    return {
      obId,
      publicatie,
      soort: publicatie,
      onderwerp:
        obId === 'stb-2019-143'
          ? 'Besluit tot wijziging van het Vreemdelingenbesluit 2000'
          : `${publicatie} ${j[2]}, ${j[3]}`,
      datum: `${j[2]}-04-12`,
      vergaderjaar: vergaderjaarOf(`${j[2]}-04-12`),
      kamer: 2,
      indieners: [],
    };
  }
  const a = /^ah-tk-(\d{4})(\d{4})-(\d+)$/.exec(obId);
  if (a) {
    return {
      obId,
      publicatie: 'Aanhangsel van de Handelingen',
      soort: 'Antwoord schriftelijke vragen',
      onderwerp: `Antwoord op vragen, nr. ${a[3]}`,
      datum: `${a[1]}-12-10`,
      vergaderjaar: `${a[1]}-${a[2]}`,
      kamer: 2,
      indieners: [MINISTER],
    };
  }
  return undefined;
}

/** References of the hand-written pages (tests/fixtures/pages), which exist without ../shared too. */
const FIXTURE_IDS = withLate(expectedFor('kst-99999-1')).filter((id) => /^(kst|h-tk|ah-tk|stb|stcrt|trb)-/.test(id));

/** Every entry, in a stable order, once per id. Prefix-only gold mentions (an open Handelingen item) are left out. */
export function catalogue(): CatalogueEntry[] {
  const ids = new Set(FIXTURE_IDS);
  if (HAS_SHARED) {
    for (const entry of Object.values(gold())) {
      for (const id of [...entry.refs, ...entry.optional]) ids.add(id);
      for (const m of entry.motions) if (m.id) ids.add(m.id);
    }
  }
  for (const id of Object.keys(KNOWN)) ids.add(id);
  const entries: CatalogueEntry[] = [];
  for (const id of [...ids].sort()) {
    const entry = id.startsWith('kst-') ? kamerstuk(id) : other(id);
    if (entry) entries.push(entry);
  }
  return entries;
}
