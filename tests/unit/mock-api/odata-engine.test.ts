import { describe, expect, it } from 'vitest';
import { bindFilter, countNodes } from '../../support/mock-api/odata/binder';
import { parseTicks, parseWallClockTicks } from '../../support/mock-api/odata/datetime';
import { parseExpression } from '../../support/mock-api/odata/parser';
import { tkStore } from '../../support/mock-api/tk-data';

/** The query engine's parts on their own: node counting (the 100-node limit) and instant parsing. */

function nodes(filter: string, set = 'Document'): number {
  const store = tkStore();
  return countNodes(bindFilter(parseExpression(filter), store, store.type(set)));
}

describe('node count', () => {
  it('counts operator, property, range variable, literal and its Convert node', () => {
    expect(nodes('Verwijderd eq false')).toBe(5);
    expect(nodes("Soort eq 'Motie'")).toBe(4);
    expect(nodes("Soort eq 'Motie' and Verwijderd eq false")).toBe(10);
  });

  it('counts lambdas with their source and body', () => {
    // any + collection navigation + $it + body (d/Nummer eq 19637: 1 + 2 + 2)
    expect(nodes('Kamerstukdossier/any(d: d/Nummer eq 19637)')).toBe(8);
    expect(nodes('Kamerstukdossier/any()')).toBe(3);
  });

  it('counts navigation steps and function calls', () => {
    expect(nodes("Besluit/BesluitSoort eq 'Ingediend'", 'Stemming')).toBe(5);
    expect(nodes("contains(tolower(Onderwerp), 'x')")).toBe(5);
  });
});

describe('parseTicks', () => {
  it('compares offsets and 7-digit fractions exactly', () => {
    expect(parseTicks('2025-10-02T19:20:49.48+02:00')).toBe(parseTicks('2025-10-02T17:20:49.4800000Z'));
    expect(
      (parseTicks('2025-10-02T17:21:23.1025313Z') ?? 0n) - (parseTicks('2025-10-02T17:21:23.1025312Z') ?? 0n),
    ).toBe(1n);
    expect(parseTicks('2025-10-02')).toBe(parseTicks('2025-10-02T00:00:00Z'));
    expect(parseTicks('yesterday')).toBeUndefined();
  });
});

describe('parseWallClockTicks', () => {
  it('reads the wall-clock time in the zone, in summer and winter time, keeping 7-digit fractions', () => {
    const zone = 'Europe/Amsterdam';
    expect(parseWallClockTicks('2018-03-29T00:00:00Z', zone)).toBe(parseTicks('2018-03-29T00:00:00+02:00'));
    expect(parseWallClockTicks('2018-01-15T00:00:00Z', zone)).toBe(parseTicks('2018-01-15T00:00:00+01:00'));
    expect(parseWallClockTicks('2025-10-02T17:21:23.1025312Z', zone)).toBe(
      parseTicks('2025-10-02T17:21:23.1025312+02:00'),
    );
    // Either side of the change to summer time (last Sunday of March 2018: 25 March, 02:00 → 03:00).
    expect(parseWallClockTicks('2018-03-25T01:30:00Z', zone)).toBe(parseTicks('2018-03-25T01:30:00+01:00'));
    expect(parseWallClockTicks('2018-03-25T03:30:00Z', zone)).toBe(parseTicks('2018-03-25T03:30:00+02:00'));
    expect(parseWallClockTicks('2018-10-28T04:00:00Z', zone)).toBe(parseTicks('2018-10-28T04:00:00+01:00'));
    expect(parseWallClockTicks('nonsense', zone)).toBeUndefined();
  });
});
