import { describe, expect, it } from 'vitest';
import { catalogue } from '../../support/mock-api/catalogue';
import { many, one, type Row, useMockApi } from '../../support/mock-api/test-helpers';
import { tkStore } from '../../support/mock-api/tk-data';

/**
 * The mock's TK data covers the catalogue, and motions resolve to their facts the way a client would walk them, on
 * the default API version (v5; v4/2.0 serves the same rows under its own names, see odata-versions.test.ts).
 */

const mockApi = useMockApi();

async function rows(path: string): Promise<Row[]> {
  const res = await fetch(`${mockApi().baseUrl.tk}/${path}`);
  const body = (await res.json()) as { value: Row[] };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.value;
}

const inTkApi = catalogue().filter((e) => e.obId.startsWith('kst-') && e.documentNummer);
const motions = inTkApi.filter((e) => e.motion);

describe('catalogue coverage', () => {
  it('has every kst- entry with a documentNummer, found by dossier, toevoeging and volgnummer', async () => {
    expect(inTkApi.length).toBeGreaterThan(10);
    for (const entry of inTkApi) {
      const toevoeging = entry.toevoeging ? `'${entry.toevoeging}'` : 'null';
      const docs = await rows(
        `Document?$filter=Verwijderd eq false and Ondernummer eq ${entry.volgnummer}` +
          ` and Kamerstukdossier/any(d: d/Nummer eq ${entry.dossier} and d/Toevoeging eq ${toevoeging})&$expand=Kamerstukdossier`,
      );
      expect(
        docs.map((d) => d.Nummer),
        entry.obId,
      ).toEqual([entry.documentNummer]);
      const [doc] = docs;
      expect(doc?.Soort).toBe(entry.soort);
      expect(doc?.Onderwerp).toBe(entry.onderwerp);
      expect(String(doc?.Datum).slice(0, 10)).toBe(entry.datum);
      const [dossier] = many(doc, 'Kamerstukdossier');
      expect(dossier?.Titel).toBe(entry.dossierTitel);
      expect(dossier?.AantalDocumenten as number).toBeGreaterThanOrEqual(entry.volgnummer as number);
    }
  });

  it('has no documents for entries the TK API lacks (Eerste Kamer letters, journals)', async () => {
    const without = catalogue().filter((e) => !e.documentNummer);
    expect(without.length).toBeGreaterThan(0);
    for (const entry of without) {
      const onderwerp = entry.onderwerp.replace(/'/g, "''");
      expect(await rows(`Document?$filter=Onderwerp eq '${onderwerp}'`), entry.obId).toEqual([]);
    }
  });

  it('has the expected number of entities per set', () => {
    const store = tkStore();
    const counts = Object.fromEntries(store.types.map((t) => [t.name, store.all(t.name).length]));
    expect(counts.Document).toBeGreaterThan(600);
    expect(counts.Zaak).toBe(inTkApi.length);
    expect(store.all('Besluit').filter((b) => b.Verwijderd).length).toBe(3);
  });
});

describe('motions', () => {
  it.each(motions.map((m) => [m.obId, m] as const))(
    '%s resolves Document → Zaak → Besluit → Stemming',
    async (_, entry) => {
      const facts = entry.motion!;
      const [doc] = await rows(
        `Document?$filter=Nummer eq '${entry.documentNummer}'&$select=Nummer` +
          '&$expand=DocumentActor($select=ActorNaam,Relatie),Zaak($select=Nummer,Kabinetsappreciatie,Soort;' +
          '$expand=ZaakActor($select=ActorNaam,ActorFractie,Relatie),' +
          'Besluit($expand=Stemming,Agendapunt($expand=Activiteit($select=Datum,Soort))))',
      );
      const [zaak] = many(doc, 'Zaak');
      expect(zaak).toMatchObject({
        Nummer: facts.zaakNummer,
        Soort: 'Motie',
        Kabinetsappreciatie: facts.kabinetsappreciatie,
      });
      const actors = many(zaak, 'ZaakActor');
      expect(actors.find((a) => a.Relatie === 'Indiener')?.ActorNaam).toBe(entry.indieners[0]?.naam);
      expect(actors.filter((a) => a.Relatie === 'Medeindiener').map((a) => a.ActorNaam)).toEqual(
        entry.indieners.slice(1).map((p) => p.naam),
      );
      expect(many(doc, 'DocumentActor').find((a) => a.Relatie === 'Eerste ondertekenaar')?.ActorNaam).toBe(
        entry.indieners[0]?.naam,
      );

      // What a client does: skip deleted rows, proposals and the Ingediend step; take the latest by activity date.
      const besluiten = many(zaak, 'Besluit').filter(
        (b) => b.Verwijderd === false && b.Status !== 'Voorstel' && b.BesluitSoort !== 'Ingediend',
      );
      const dated = besluiten
        .map((b) => ({ b, datum: String(one(one(b, 'Agendapunt'), 'Activiteit').Datum) }))
        .sort((x, y) => x.datum.localeCompare(y.datum));
      const latest = dated.at(-1);
      expect(many(zaak, 'Besluit').some((b) => b.BesluitSoort === 'Ingediend')).toBe(true);
      if (facts.outcome === 'ingediend') {
        expect(latest).toBeUndefined();
        return;
      }
      expect(latest?.b.BesluitSoort).toBe(`Stemmen - ${facts.outcome}`);
      expect(latest?.datum.slice(0, 10)).toBe(facts.besluitDatum);
      const stemmingen = many(latest?.b, 'Stemming');
      if (!facts.votes) {
        expect(stemmingen).toEqual([]);
        return;
      }
      expect(latest?.b.StemmingsSoort).toBe(facts.stemmingsSoort);
      const fractieRows = stemmingen.filter((s) => s.Persoon_Id === null);
      expect(fractieRows.reduce((sum, s) => sum + (s.FractieGrootte as number), 0)).toBe(150);
      for (const row of fractieRows) expect(row.ActorNaam).toBe(row.FractieNaam);
      const seats = (soort: string) =>
        fractieRows.filter((s) => s.Soort === soort).reduce((sum, s) => sum + (s.FractieGrootte as number), 0);
      if (facts.outcome === 'aangenomen') expect(seats('Voor')).toBeGreaterThan(seats('Tegen'));
      if (facts.outcome === 'verworpen') expect(seats('Voor')).toBeLessThan(seats('Tegen'));
      const members = stemmingen.filter((s) => s.Persoon_Id !== null);
      if (facts.stemmingsSoort === 'Hoofdelijk') {
        expect(members.length).toBeGreaterThan(0);
        for (const m of members) expect(m.ActorNaam).toMatch(/^[A-Z][a-z]+( [a-z]+)*, [A-Z]\.$/);
      } else {
        expect(members).toEqual([]);
      }
    },
  );

  it('keeps a superseded decision as Verwijderd, so clients that do not skip it read the wrong outcome', async () => {
    const [zaak] = await rows("Zaak?$filter=Nummer eq '2018Z22093'&$expand=Besluit");
    const deleted = many(zaak, 'Besluit').filter((b) => b.Verwijderd === true);
    expect(deleted.map((b) => b.BesluitSoort)).toEqual(['Stemmen - verworpen']);
  });

  it('has a Voorstel Besluit with all decision fields null before each vote', async () => {
    const voorstellen = await rows("Besluit?$filter=Status eq 'Voorstel'");
    expect(voorstellen.length).toBe(motions.filter((m) => m.motion?.besluitDatum).length);
    for (const v of voorstellen)
      expect(v).toMatchObject({ BesluitSoort: null, BesluitTekst: null, StemmingsSoort: null });
  });
});
