import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveVocabulary, type Vocabulary } from '../../../lib/tk/concepts';
import type { ServiceSchema } from '../../../lib/tk/metadata';
import {
  amsterdamLiteral,
  changedInDossiersFilter,
  documentNumberFilter,
  documentShape,
  documentsUrl,
  filterSize,
  kamerstukFilter,
} from '../../../lib/tk/query';
import { TK_TYPES } from '../../support/mock-api/tk-data';
import { mockSchema, mockVocabulary } from '../../support/tk-vocabulary';

const KEYS = [
  { dossier: 19637, volgnummer: 2375 },
  { dossier: 19637, volgnummer: 2535 },
  { dossier: 35000, toevoeging: 'VI', volgnummer: 59 },
];

describe('filters', () => {
  it('groups Kamerstukken by dossier and quotes toevoegingen, in v5 names', () => {
    expect(kamerstukFilter(mockVocabulary('v5'), KEYS)).toBe(
      'Verwijderd eq false and ((Kamerstukdossier/any(d: d/Nummer eq 19637) and (Ondernummer eq 2375 or Ondernummer eq 2535)) or ' +
        "(Kamerstukdossier/any(d: d/Nummer eq 35000 and d/Toevoeging eq 'VI') and (Ondernummer eq 59)))",
    );
  });

  it('speaks v4/2.0 to a v4/2.0 service', () => {
    expect(kamerstukFilter(mockVocabulary('v4'), KEYS)).toContain('Volgnummer eq 2375');
    expect(documentNumberFilter(mockVocabulary('v4'), ['2019D41229'])).toBe(
      "Verwijderd eq false and (DocumentNummer eq '2019D41229')",
    );
  });

  it('escapes quotes in string literals', () => {
    expect(documentNumberFilter(mockVocabulary('v5'), ["2019D'1"])).toContain("Nummer eq '2019D''1'");
  });

  it('leaves out the deleted filter when the service has no such field', () => {
    expect(documentNumberFilter(mockVocabulary('v5', { Document: ['Verwijderd'] }), ['2019D1'])).toBe(
      "(Nummer eq '2019D1')",
    );
  });

  it('counts the nodes the server limits', () => {
    // Three comparisons of ~5 nodes, two `and`s, one lambda of ~3.
    expect(filterSize(kamerstukFilter(mockVocabulary('v5'), [{ dossier: 19637, volgnummer: 1 }]))).toBe(20);
  });

  it('dates the incremental refresh in Dutch time, with the API’s seven digits kept', () => {
    expect(changedInDossiersFilter(mockVocabulary('v5'), [19637], '2025-10-02T17:21:23.1025312Z')).toBe(
      'Verwijderd eq false and ApiGewijzigdOp gt 2025-10-02T19:21:23.1025312+02:00 and ' +
        '(Kamerstukdossier/any(k: k/Nummer eq 19637))',
    );
  });
});

describe('amsterdamLiteral', () => {
  it.each([
    ['2026-01-15T10:00:00Z', '2026-01-15T11:00:00+01:00'],
    ['2026-07-15T10:00:00.5Z', '2026-07-15T12:00:00.5+02:00'],
    // The switches: 01:00 UTC on the last Sunday of March and October.
    ['2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25T00:59:59Z', '2026-10-25T02:59:59+02:00'],
    ['2026-10-25T01:00:00Z', '2026-10-25T02:00:00+01:00'],
    ['2025-10-02T19:20:49.48+02:00', '2025-10-02T19:20:49.48+02:00'],
  ])('%s → %s', (input, expected) => {
    expect(amsterdamLiteral(input)).toBe(expected);
  });

  it('refuses what is no instant, instead of sending it', () => {
    expect(() => amsterdamLiteral('20240101')).toThrow(RangeError);
    expect(() => amsterdamLiteral("2024-01-01T00:00:00Z') or (1 eq 1")).toThrow(RangeError);
  });
});

/** Splits `a;b(c;d);e` at `sep` outside parentheses. */
function splitTop(text: string, sep: string[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (i === text.length || (depth === 0 && sep.includes(c!))) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return parts.filter(Boolean);
}

/** Every property and navigation name a query's $select/$expand/$orderby uses, with the type it is looked up on. */
function namesUsed(v: Vocabulary, schema: ServiceSchema, url: string): { type: string; name: string }[] {
  const out: { type: string; name: string }[] = [];
  const walk = (typeName: string, options: string) => {
    const type = schema.types.get(typeName)!;
    for (const part of splitTop(options, ['&', ';'])) {
      const option = part.slice(0, part.indexOf('='));
      const value = part.slice(part.indexOf('=') + 1);
      if (option === '$select' || option === '$orderby')
        for (const name of value.split(',')) out.push({ type: type.name, name });
      if (option === '$expand')
        for (const item of splitTop(value, [','])) {
          const nav = item.slice(0, item.indexOf('('));
          out.push({ type: type.name, name: nav });
          const target = type.navigations.get(nav);
          if (target) walk(target.type, item.slice(item.indexOf('(') + 1, -1));
        }
    }
  };
  const query = decodeURIComponent(url.slice(url.indexOf('?') + 1)).replace(/^\$filter=[^&]*&/, '');
  walk(schema.sets.get(v.set)!, query);
  return out;
}

describe('documentShape', () => {
  const declared = (schema: ServiceSchema, { type, name }: { type: string; name: string }) => {
    const t = schema.types.get(type)!;
    return t.properties.has(name) || t.navigations.has(name);
  };

  it('asks a v5 service for everything a badge needs, in its names', () => {
    const shape = documentShape(mockVocabulary('v5'));
    expect(shape).toContain('$select=Id,Nummer,Ondernummer,');
    expect(shape).toContain(
      'Stemming($select=Id,Soort,FractieGrootte,FractieNaam,ActorNaam,Persoon_Id,Vergissing,Verwijderd)',
    );
    expect(shape).toContain('Agendapunt($select=Id;$expand=Activiteit($select=Id,Datum))');
  });

  it('never names a property the service does not declare, whatever it dropped', () => {
    const droppable = TK_TYPES.flatMap((t) =>
      t.properties.filter((p) => p.name !== 'Id').map((p) => [t.name, p.name] as const),
    );
    fc.assert(
      fc.property(fc.subarray(droppable), fc.constantFrom('v5' as const, 'v4' as const), (drops, version) => {
        const drop: Record<string, string[]> = {};
        for (const [type, name] of drops) drop[type] = [...(drop[type] ?? []), name];
        const schema = mockSchema(version, drop);
        const v = resolveVocabulary(schema);
        const used = namesUsed(v, schema, documentsUrl('https://x/OData/v5', v, 'x', true));
        expect(used.length).toBeGreaterThan(0);
        for (const u of used) expect(declared(schema, u), `${u.type}.${u.name}`).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('always says $orderby, and never $top', () => {
    const url = documentsUrl('https://x/OData/v5', mockVocabulary('v5'), 'Verwijderd eq false', false);
    expect(url).toContain('&$orderby=Id&');
    expect(url).not.toContain('$top');
    expect(documentsUrl('https://x/OData/v5', mockVocabulary('v5'), 'x', true)).toContain(
      `$orderby=${encodeURIComponent('ApiGewijzigdOp,Id')}`,
    );
  });
});
