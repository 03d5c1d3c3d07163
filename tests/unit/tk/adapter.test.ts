import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  documentNummerFilter,
  filterSize,
  kamerstukFilter,
  mapDocument,
  motionStatus,
  type RawDocument,
} from '../../../lib/tk/adapter';
import { HAS_SHARED, sharedPath } from '../../support/shared';

type Besluit = Parameters<typeof motionStatus>[0][number];

function besluit(over: Partial<Besluit>): Besluit {
  return {
    Id: over.Id ?? 'b',
    BesluitSoort: null,
    BesluitTekst: null,
    Status: 'Besluit',
    StemmingsSoort: null,
    AgendapuntZaakBesluitVolgorde: 1,
    ApiGewijzigdOp: '2019-01-01T00:00:00Z',
    Verwijderd: false,
    ...over,
  };
}

const on = (datum: string) => ({ Activiteit: { Datum: `${datum}T10:00:00+01:00` } });

describe('motionStatus', () => {
  it.each([
    ['no decisions: ingediend', [], 'ingediend'],
    ['only the registration', [besluit({ BesluitSoort: 'Ingediend', BesluitTekst: 'Ingediend.' })], 'ingediend'],
    ['a proposal does not count', [besluit({ Status: 'Voorstel', BesluitSoort: 'Stemmen - aangenomen' })], 'ingediend'],
    [
      'the vote',
      [
        besluit({ BesluitSoort: 'Ingediend' }),
        besluit({ BesluitSoort: 'Stemmen - aangenomen', Agendapunt: on('2018-12-04') }),
      ],
      'aangenomen',
    ],
    [
      'held, then rejected: the latest counts',
      [
        besluit({ Id: 'b1', BesluitSoort: 'Stemmen - aangehouden', Agendapunt: on('2018-12-04') }),
        besluit({ Id: 'b2', BesluitSoort: 'Stemmen - verworpen', Agendapunt: on('2019-01-22') }),
      ],
      'verworpen',
    ],
    [
      'a deleted decision does not count',
      [
        besluit({ Id: 'b1', BesluitSoort: 'Stemmen - aangenomen', Agendapunt: on('2018-12-04') }),
        besluit({ Id: 'b2', BesluitSoort: 'Stemmen - verworpen', Agendapunt: on('2019-01-22'), Verwijderd: true }),
      ],
      'aangenomen',
    ],
    ['withdrawn', [besluit({ BesluitSoort: 'Stemmen - ingetrokken', Agendapunt: on('2020-11-10') })], 'ingetrokken'],
    ['adopted without a vote', [besluit({ BesluitSoort: 'Stemmen - zonder stemming aannemen' })], 'aangenomen'],
    ['an unfamiliar decision', [besluit({ BesluitSoort: '[Vrij tekstveld / geen Parlisproces]' })], 'onbekend'],
  ] as const)('%s', (_name, besluiten, expected) => {
    expect(motionStatus(besluiten as unknown as Besluit[]).status).toBe(expected);
  });

  it('dates the status by the decision’s agenda item', () => {
    const { decision } = motionStatus([
      besluit({ BesluitSoort: 'Stemmen - aangenomen', Agendapunt: on('2018-12-04') }),
    ]);
    expect(decision?.datum).toBe('2018-12-04');
  });
});

describe('filters', () => {
  it('groups Kamerstukken by dossier and quotes toevoegingen', () => {
    expect(
      kamerstukFilter([
        { dossier: 19637, volgnummer: 2375 },
        { dossier: 19637, volgnummer: 2535 },
        { dossier: 35000, toevoeging: 'VI', volgnummer: 59 },
      ]),
    ).toBe(
      'Verwijderd eq false and ((Kamerstukdossier/any(d: d/Nummer eq 19637) and (Volgnummer eq 2375 or Volgnummer eq 2535)) or ' +
        "(Kamerstukdossier/any(d: d/Nummer eq 35000 and d/Toevoeging eq 'VI') and (Volgnummer eq 59)))",
    );
  });

  it('escapes quotes in string literals', () => {
    expect(documentNummerFilter(["2019D'1"])).toContain("DocumentNummer eq '2019D''1'");
  });

  it('counts the nodes the server limits', () => {
    // Three comparisons of ~5 nodes, two `and`s, one lambda of ~3.
    expect(filterSize(kamerstukFilter([{ dossier: 19637, volgnummer: 1 }]))).toBe(20);
  });
});

describe.skipIf(!HAS_SHARED)('mapping real API records', () => {
  const examples = (file: string) => JSON.parse(readFileSync(sharedPath('reference', 'odata-examples', file), 'utf8'));

  it('maps a real motion zaak with its actors, taking indieners only', () => {
    const zaken = examples('odata-example-zaak-motie-expand.json') as RawDocument['Zaak'];
    const zaak = zaken![0]!;
    const raw: RawDocument = {
      Id: 'd',
      Soort: 'Motie',
      DocumentNummer: '2025D43129',
      Titel: zaak.Onderwerp,
      Onderwerp: zaak.Onderwerp,
      Datum: '2025-10-02T00:00:00+02:00',
      Vergaderjaar: '2025-2026',
      Volgnummer: -1,
      ApiGewijzigdOp: '2025-10-02T17:21:23.1025312Z',
      Verwijderd: false,
      Zaak: [zaak],
    };
    const mapped = mapDocument(raw, '2025D43129', 'tk-document', 7);
    expect(mapped.motion).toMatchObject({
      zaakNummer: '2025Z18657',
      indieners: [{ naam: 'D.A. Ergin', fractie: 'DENK', relatie: 'Indiener' }],
      kabinetsappreciatie: 'Niet beschikbaar bij gewijzigde moties en/of amendementen',
      status: 'ingediend',
    });
    expect(mapped.document).toMatchObject({
      datum: '2025-10-02',
      zaakNummer: '2025Z18657',
      source: 'tk',
      fetchedAt: 7,
    });
  });

  it('counts a real roll-call row as one member and a fractie row as its seats', () => {
    const stemmingen = examples('odata-example-stemming.json') as NonNullable<Besluit['Stemming']>;
    const raw: RawDocument = {
      Id: 'd',
      Soort: 'Motie',
      DocumentNummer: '2024D1',
      Titel: null,
      Onderwerp: null,
      Datum: null,
      Vergaderjaar: null,
      Volgnummer: 1,
      ApiGewijzigdOp: null,
      Verwijderd: false,
      Zaak: [
        {
          Id: 'z',
          Nummer: '2024Z1',
          Soort: 'Motie',
          Onderwerp: null,
          Kabinetsappreciatie: null,
          ApiGewijzigdOp: null,
          Verwijderd: false,
          Besluit: [besluit({ Id: 'b', BesluitSoort: 'Stemmen - verworpen', Stemming: stemmingen })],
        },
      ],
    };
    const { votes } = mapDocument(raw, 'kst-1-1', 'kamerstuk', 0);
    for (const [row, vote] of stemmingen.map((s, i) => [s, votes[i]!] as const)) {
      expect(vote.zetels).toBe(row.Persoon_Id ? 1 : row.FractieGrootte);
    }
  });
});
