import { describe, expect, it } from 'vitest';
import { FIELDS, LINKS, lackMessage } from '../../../lib/tk/concepts';
import { mockVocabulary } from '../../support/tk-vocabulary';

describe('resolveVocabulary', () => {
  it('reads the v5 names from a v5 service', () => {
    const v = mockVocabulary('v5');
    expect(v.names).toMatchObject({ documentNumber: 'Nummer', ondernummer: 'Ondernummer', stemPartij: 'FractieNaam' });
    expect(v.can).toEqual({ paper: true, number: true, decision: true });
    expect(v.lacking).toEqual([]);
    expect(v.set).toBe('Document');
    expect(v.keys.document).toBe('Id');
  });

  it('reads the v4/2.0 names from a v4/2.0 service', () => {
    const v = mockVocabulary('v4');
    expect(v.names).toMatchObject({
      documentNumber: 'DocumentNummer',
      ondernummer: 'Volgnummer',
      stemPartij: 'ActorFractie',
    });
    expect(v.lacking).toEqual([]);
  });

  it('an optional field the service dropped is lacking, and nothing else changes', () => {
    const full = mockVocabulary('v5');
    const v = mockVocabulary('v5', { Zaak: ['Kabinetsappreciatie'] });
    expect(v.names.kabinetsappreciatie).toBeUndefined();
    expect(v.lacking.map((l) => l.concept)).toEqual(['kabinetsappreciatie']);
    expect(v.can).toEqual(full.can);
    expect(lackMessage(v, 'decision')).toBeUndefined();
  });

  it.each([
    [
      { Besluit: ['BesluitSoort'] },
      'decision',
      'de Tweede Kamer API levert de besluitsoort (aangenomen, verworpen, …) niet meer',
    ],
    [{ Document: ['Ondernummer'] }, 'paper', 'de Tweede Kamer API levert het ondernummer van Kamerstukken niet meer'],
    [{ Document: ['Nummer'] }, 'number', 'de Tweede Kamer API levert het documentnummer niet meer'],
  ] as const)('an essential field dropped (%o) takes away %s, and says so', (drop, need, message) => {
    const v = mockVocabulary('v5', drop as unknown as Record<string, string[]>);
    expect(v.can[need]).toBe(false);
    expect(lackMessage(v, need)).toBe(message);
    for (const other of (['paper', 'number', 'decision'] as const).filter((n) => n !== need))
      expect(v.can[other]).toBe(true);
  });

  it('lists every concept with candidates, the current API’s name first', () => {
    for (const row of [...Object.values(FIELDS), ...Object.values(LINKS)]) {
      expect(row.names.length).toBeGreaterThan(0);
      expect(row.label).not.toBe('');
    }
    expect(FIELDS.documentNumber.names).toEqual(['Nummer', 'DocumentNummer']);
    expect(FIELDS.ondernummer.names).toEqual(['Ondernummer', 'Volgnummer']);
  });
});
