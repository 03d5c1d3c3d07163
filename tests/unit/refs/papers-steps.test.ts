import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cursor, type Pattern } from '../../../lib/refs/cursor';
import {
  ANCHOR,
  anchorEnd,
  BARE_DOSSIER,
  bareDossierEnd,
  DOSSIER_AT,
  eatDossier,
  eatNrWord,
  eatNumber,
  NR,
  NUMBER,
} from '../../../lib/refs/papers/steps';

/**
 * The citation parse's character-code readers (steps.ts) give exactly what their regexes give, from every position of
 * generated text: the same capture, and the cursor left at the same place (or unmoved where there is no match).
 * Fixed seed and bounded runs, so every run tries the same inputs.
 */
const SEED = 20_261_203;

/** What the patterns turn on: digits, every space they pass over, separators, the words and letters around them. */
const PIECES = [
  '1',
  '2',
  '0',
  '19',
  '637',
  '19 637',
  '2375',
  '12345',
  '123456',
  ' ',
  '  ',
  '         ',
  '\n',
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u3000',
  ',',
  '.',
  '-',
  '–',
  'stuk',
  'stuk ',
  'nr',
  'Nr',
  'NR',
  'nrs',
  'NRS',
  'NRs',
  'nummer',
  'Nummers',
  'nummerx',
  's',
  'S',
  'e',
  'x',
  'A',
  'AA',
  'Ab',
  'é',
  'É',
  'ß',
  '€',
  '(',
  '\u{1d400}',
  '21',
  '501',
  '21 501',
  '2150108',
  '08',
  'Kamerstuk',
  'kamerstuk',
  'KAMERSTUK',
  'ken',
  'KEN',
  'dossier',
  'Kamerstukken',
  'Tweede Kamer',
  'TK',
  ' 2019/20',
];

/** The regex's answer at `pos`: the capture (or the whole match) and where the cursor ends. */
function byRegex(re: Pattern, text: string, pos: number, group: number): [string | null, number] {
  const c = new Cursor(text, pos);
  const m = c.eat(re);
  return [m ? (m[group] ?? null) : null, c.pos];
}

function byReader(read: (c: Cursor) => string | null, text: string, pos: number): [string | null, number] {
  const c = new Cursor(text, pos);
  const value = read(c);
  return [value, c.pos];
}

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

/** Where a sticky regex's match at `pos` ends, or -1. */
function endByRegex(re: Pattern, text: string, pos: number): number {
  const c = new Cursor(text, pos);
  return c.eat(re) ? c.pos : -1;
}

function sameEverywhere(text: string): void {
  for (let pos = 0; pos <= text.length; pos++) {
    expect(bareDossierEnd(text, pos), `bare dossier at ${pos} of ${JSON.stringify(text)}`).toBe(
      endByRegex(BARE_DOSSIER, text, pos),
    );
    expect(anchorEnd(text, pos), `anchor at ${pos} of ${JSON.stringify(text)}`).toBe(endByRegex(ANCHOR, text, pos));
    expect(byReader(eatDossier, text, pos), `dossier at ${pos} of ${JSON.stringify(text)}`).toEqual(
      byRegex(DOSSIER_AT, text, pos, 1),
    );
    expect(byReader(eatNrWord, text, pos), `nr. at ${pos} of ${JSON.stringify(text)}`).toEqual(
      byRegex(NR, text, pos, 1),
    );
    expect(byReader(eatNumber, text, pos), `number at ${pos} of ${JSON.stringify(text)}`).toEqual(
      byRegex(NUMBER, text, pos, 0),
    );
  }
}

describe('the citation parse’s character-code readers', () => {
  // A generous timeout: every position of every text, five readers and their regexes, on a machine shared with
  // other work (the verdict does not depend on time).
  it('equal their regexes from every position of generated text', { timeout: 60_000 }, () => {
    fc.assert(fc.property(texts, sameEverywhere), { numRuns: 2000, seed: SEED });
  });

  it('equal them on the forms they were written for, and where they hand over to the regex', () => {
    for (const text of [
      'Kamerstuk 19 637, nr. 2375',
      '(33 529, nr. 1181)',
      'Kamerstuk 21 501-21, stuk nr. 2648',
      '36.496 , nrs. 12 en 13',
      '31-700,\u00a0Nummer 4e.',
      '19637          , nr.          12',
      '12 3456 nr.é 12é 12a1 1234a AA Ab 0 12345',
      'Kamerstukken II 2019/20, 2150108, 21 50108, 21\u200950108, 21\u00a050108, 19 637.5, 19637,12',
      'Kamerstukkenx KAMERSTUKKENé kamerstukdossier 36537 -8 Kamerstukje',
    ]) {
      sameEverywhere(text);
    }
  });
});
