import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Decision, motionStatus, type Row, readDocument } from '../../../lib/tk/mapping';
import { TK_V5_RENAMES } from '../../support/mock-api/tk-versions';
import { HAS_SHARED, sharedPath } from '../../support/shared';
import { mockVocabulary } from '../../support/tk-vocabulary';

const d = (over: Partial<Decision>): Decision => ({ id: over.id ?? 'b', status: 'Besluit', volgorde: 1, ...over });

describe('motionStatus', () => {
  it.each([
    ['no decisions: ingediend', [], 'ingediend'],
    ['only the registration', [d({ soort: 'Ingediend', tekst: 'Ingediend.' })], 'ingediend'],
    ['a proposal does not count', [d({ status: 'Voorstel', soort: 'Stemmen - aangenomen' })], 'ingediend'],
    [
      'the vote',
      [d({ soort: 'Ingediend' }), d({ id: 'v', soort: 'Stemmen - aangenomen', datum: '2018-12-04' })],
      'aangenomen',
    ],
    [
      'held, then rejected: the latest counts',
      [
        d({ id: 'b1', soort: 'Stemmen - aangehouden', datum: '2018-12-04' }),
        d({ id: 'b2', soort: 'Stemmen - verworpen', datum: '2019-01-22' }),
      ],
      'verworpen',
    ],
    ['withdrawn', [d({ soort: 'Stemmen - ingetrokken', datum: '2020-11-10' })], 'ingetrokken'],
    ['adopted without a vote', [d({ soort: 'Stemmen - zonder stemming aannemen' })], 'aangenomen'],
    ['an unfamiliar decision', [d({ soort: '[Vrij tekstveld / geen Parlisproces]' })], 'onbekend'],
  ] as const)('%s', (_name, decisions, expected) => {
    expect(motionStatus(decisions as unknown as Decision[]).status).toBe(expected);
  });

  it('dates the status by the decision’s agenda item', () => {
    expect(motionStatus([d({ soort: 'Stemmen - aangenomen', datum: '2018-12-04' })]).decision?.datum).toBe(
      '2018-12-04',
    );
  });
});

/** A v4/2.0 row as v5 names it (the renames of data-sources.md §1.1a), nested rows included. */
function toV5(row: Row, type: string): Row {
  const out: Row = {};
  const nested: Record<string, string> = {
    Kamerstukdossier: 'Kamerstukdossier',
    DocumentActor: 'DocumentActor',
    Zaak: 'Zaak',
    ZaakActor: 'ZaakActor',
    Besluit: 'Besluit',
    Stemming: 'Stemming',
    Agendapunt: 'Agendapunt',
    Activiteit: 'Activiteit',
  };
  for (const [key, value] of Object.entries(row)) {
    const rename = TK_V5_RENAMES.find((r) => r.type === type && r.v4 === key);
    if (rename && rename.v5 === null) continue;
    const name = rename?.v5 ?? key;
    if (nested[key] && Array.isArray(value)) out[name] = value.map((v) => toV5(v as Row, nested[key]!));
    else if (nested[key] && value && typeof value === 'object') out[name] = toV5(value as Row, nested[key]!);
    else out[name] = value;
  }
  return out;
}

const motionRow = (zaak: Row, extra: Row = {}): Row => ({
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
  ...extra,
});

describe.skipIf(!HAS_SHARED)('mapping the real API records of ../shared/reference/odata-examples', () => {
  const examples = (file: string) => JSON.parse(readFileSync(sharedPath('reference', 'odata-examples', file), 'utf8'));

  it('maps a real motion zaak with its actors, taking indieners only', () => {
    const zaak = (examples('odata-example-zaak-motie-expand.json') as Row[])[0]!;
    const doc = readDocument(mockVocabulary('v4'), motionRow(zaak))!;
    const mapped = doc.toRecords('2025D43129', 'tk-document', 7);
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
    expect(doc.kamerstukKeys).toEqual([]); // Volgnummer -1: no ondernummer yet
  });

  it('counts a real roll-call row as one member and a fractie row as its seats', () => {
    const stemmingen = examples('odata-example-stemming.json') as Row[];
    const zaak: Row = {
      Id: 'z',
      Nummer: '2024Z1',
      Soort: 'Motie',
      Verwijderd: false,
      Besluit: [
        { Id: 'b', BesluitSoort: 'Stemmen - verworpen', Status: 'Besluit', Verwijderd: false, Stemming: stemmingen },
      ],
    };
    const { votes } = readDocument(mockVocabulary('v4'), motionRow(zaak))!.toRecords('kst-1-1', 'kamerstuk', 0);
    expect(votes).toHaveLength(stemmingen.length);
    for (const [row, vote] of stemmingen.map((s, i) => [s, votes[i]!] as const)) {
      expect(vote.zetels).toBe(row.Persoon_Id ? 1 : row.FractieGrootte);
      expect(vote.fractie).toBe(row.ActorFractie);
    }
  });

  it('reads the same records from the same data in v5 names', () => {
    const zaak = (examples('odata-example-zaak-motie-expand.json') as Row[])[0]!;
    const stemmingen = examples('odata-example-stemming.json') as Row[];
    const withVotes = {
      ...zaak,
      Besluit: [
        { Id: 'b', BesluitSoort: 'Stemmen - aangenomen', Status: 'Besluit', Verwijderd: false, Stemming: stemmingen },
      ],
    };
    const v4 = readDocument(mockVocabulary('v4'), motionRow(withVotes, { Volgnummer: 12 }))!;
    const v5 = readDocument(mockVocabulary('v5'), toV5(motionRow(withVotes, { Volgnummer: 12 }), 'Document'))!;
    expect(v5.toRecords('x', 'kamerstuk', 1)).toEqual(v4.toRecords('x', 'kamerstuk', 1));
    expect(v5.tkNummer).toBe('2025D43129');
  });

  it('keeps the real decisions but the tombstone, and counts neither proposals nor the deleted one', () => {
    const besluiten = examples('odata-example-besluit.json') as Row[];
    const zaak: Row = { Id: 'z', Nummer: '2024Z9', Soort: 'Motie', Verwijderd: false, Besluit: besluiten };
    const { decisions, motion } = readDocument(mockVocabulary('v4'), motionRow(zaak))!.toRecords('x', 'kamerstuk', 0);
    expect(decisions.map((d) => d.id)).toEqual(besluiten.filter((b) => !b.Verwijderd).map((b) => b.Id));
    // The latest real decision is a free-text one: no outcome the badge can name.
    expect(motion?.status).toBe('onbekend');
    expect(motion?.decisionId).not.toBe('59d9d1fa-9be1-48d0-a747-209ea70617c2');
  });

  it('skips the real tombstone among the documents', () => {
    const rows = examples('odata-example-document.json') as Row[];
    const read = rows.map((r) => readDocument(mockVocabulary('v4'), r));
    expect(read.filter((r) => r === undefined)).toHaveLength(rows.filter((r) => r.Verwijderd).length);
  });
});

describe('odd values', () => {
  const v = mockVocabulary('v5');

  it('an odd value costs its own field, never the record', () => {
    const doc = readDocument(v, {
      Id: 'd',
      Nummer: '2024D1',
      Ondernummer: '12',
      Datum: '20240101',
      Soort: 42,
      Onderwerp: 'Een brief',
      Kamerstukdossier: 'geen lijst',
      Zaak: [
        null,
        'x',
        {
          Id: 'z',
          Nummer: '2024Z1',
          Soort: 'Motie',
          Besluit: [{ Id: 'b', Stemming: [{ Id: 's', Soort: 'Misschien' }] }],
        },
      ],
    })!;
    const { document, motion, votes } = doc.toRecords('2024D1', 'tk-document', 0);
    expect(document).toMatchObject({ id: '2024D1', tkNummer: '2024D1', titel: 'Een brief' });
    expect(document.datum).toBeUndefined();
    expect(document.soort).toBeUndefined();
    expect(doc.kamerstukKeys).toEqual([]);
    expect(motion?.status).toBe('onbekend');
    expect(votes).toEqual([]);
  });

  it('a row without a key, or deleted, is no document', () => {
    expect(readDocument(v, { Nummer: '2024D1' })).toBeUndefined();
    expect(readDocument(v, { Id: 'd', Verwijderd: true })).toBeUndefined();
  });

  it('a motion whose decisions the service no longer describes says why', () => {
    const lacking = mockVocabulary('v5', { Besluit: ['BesluitSoort'] });
    const { document } = readDocument(lacking, { Id: 'd', Soort: 'Motie', Nummer: '2024D1' })!.toRecords(
      'x',
      'kamerstuk',
      0,
    );
    expect(document.motionUnknown).toBe(
      'de Tweede Kamer API levert de besluitsoort (aangenomen, verworpen, …) niet meer',
    );
  });
});
