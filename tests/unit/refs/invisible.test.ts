import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, detectPapers } from '../../../lib/refs';
import { MAYBE_INVISIBLE, visibleText } from '../../../lib/refs/invisible';
import type { Reference } from '../../../lib/refs/types';
import { HAS_SHARED, sharedPath } from '../../support/shared';

/**
 * Invisible characters inside a citation (issue finding 5): a soft hyphen in `nr. 2\u00ad375` made the detector end
 * the number at `2` and link kst-19637-2, another paper. Whatever invisible character stands wherever in a citation,
 * the detector finds the same ids or none, never a different one, and its spans are those of the text as given.
 */

/** Invisible anywhere: soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM, bidi marks and isolates. */
const INVISIBLE = [
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
/** Combining marks, invisible as such after a digit (acute, diaeresis, dot below, combining enclosing keycap). */
const MARKS = ['\u0301', '\u0308', '\u0323', '\u20e3'];
const ALL = [...INVISIBLE, ...MARKS];

/** Known citations, one of every form (README), with what they must yield. */
const CITATIONS: [string, string[]][] = [
  ['Kamerstuk 19 637, nr. 2375', ['kst-19637-2375']],
  ['Kamerstukken 19 637 en 30 573, nr. 2375', ['kst-19637-2375']],
  ['(Kamerstuk 35 000 VI, nr. 59)', ['kst-35000-VI-59']],
  ['Kamerstuk 21 501-20, nr. 1265', ['kst-21501-20-1265']],
  ['Kamerstuk 22 112, nrs. 2955, 2956 en 2964', ['kst-22112-2955', 'kst-22112-2956', 'kst-22112-2964']],
  ['Kamerstuk 22 112, nrs. 1–3', ['kst-22112-1', 'kst-22112-2', 'kst-22112-3']],
  ['Kamerstukken I 2021/22, 35 925, nr. E', ['kst-35925-E']],
  ['TK 2008-2009, 31473, nummer 25', ['kst-31473-25']],
  ['zie 33576-105 hierover', ['kst-33576-105']],
  ['zie Kamerstuk 36 333 voor het wetsvoorstel', ['dossier-36333']],
  ['Handelingen II 2018/19, nr. 27, item 10', ['h-tk-20182019-27-10']],
  ['Aanhangsel Handelingen II 2019/20, nr. 89', ['ah-tk-20192020-89']],
  ['Stb. 2019, 143', ['stb-2019-143']],
  ['Stcrt. 2020, 31064', ['stcrt-2020-31064']],
  ['Trb. 2018, 41', ['trb-2018-41']],
  ['document 2019D41229 in zaak 2019Z19557', ['2019D41229', '2019Z19557']],
  ['(kst-36537-8)', ['kst-36537-8']],
];

const MOTION = 'conform de motie-Verhoeven/Groothuizen (Kamerstuk 21 501-20, nr. 1265) is';

const ids = (refs: readonly { id?: string }[]) => refs.flatMap((r) => (r.id ? [r.id] : []));

/** The text with the UTF-16 units at `inserted` taken out again (every inserted character is one unit). */
function without(text: string, inserted: ReadonlySet<number>): string {
  return text
    .split('')
    .filter((_, i) => !inserted.has(i))
    .join('');
}

interface Insertion {
  text: string;
  /** Offsets of the inserted characters in `text`. */
  at: Set<number>;
}

/** Inserts `chars` at `positions` (into the growing text, in order); marks only right after a digit. */
function insert(base: string, edits: readonly { pos: number; ch: string }[]): Insertion {
  let text = base;
  let at: number[] = [];
  for (const { pos, ch } of edits) {
    let p = pos % (text.length + 1);
    if (MARKS.includes(ch)) {
      // A mark goes after the next digit at or after p (none: not inserted).
      const digit = text.slice(p).search(/\d/);
      if (digit < 0) continue;
      p += digit + 1;
    }
    text = text.slice(0, p) + ch + text.slice(p);
    at = at.map((i) => (i >= p ? i + ch.length : i));
    at.push(p);
  }
  return { text, at: new Set(at) };
}

/** The original offset of `offset` in the mutated text: offset minus the inserted characters before it. */
const originalOffset = (offset: number, at: ReadonlySet<number>) => offset - [...at].filter((i) => i < offset).length;

/** Same ids or none; every span is the mutated text's own, and maps back onto the reference in the original. */
function expectReadThrough(
  before: readonly Reference[],
  mutated: Insertion,
  find: (text: string) => readonly Reference[],
) {
  const after = find(mutated.text);
  const found = ids(after);
  if (found.length) expect(found).toEqual(ids(before));
  if (!found.length) return;
  expect(after.map((r) => r.kind)).toEqual(before.map((r) => r.kind));
  after.forEach((ref, i) => {
    expect(mutated.text.slice(ref.start, ref.end)).toBe(ref.text);
    expect(without(ref.text, new Set([...mutated.at].map((a) => a - ref.start)))).toBe(before[i]!.text);
    expect(originalOffset(ref.start, mutated.at)).toBe(before[i]!.start);
    expect(originalOffset(ref.end, mutated.at)).toBe(before[i]!.end);
  });
}

describe('invisible characters inside a citation', () => {
  it('reads a soft hyphen inside a number through: kst-19637-2375, not kst-19637-2', () => {
    const text = 'Zie Kamerstuk 19 637, nr. 2\u00ad375 over de agenda.';
    const [ref, ...rest] = detectPapers(text);
    expect(rest).toEqual([]);
    expect(ref).toMatchObject({ id: 'kst-19637-2375', start: 4, end: 31, text: 'Kamerstuk 19 637, nr. 2\u00ad375' });
  });

  it.each(ALL.map((ch) => [`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, ch]))(
    'reads %s inside a dossier, a toevoeging and a number through',
    (_name, ch) => {
      expect(ids(detectPapers(`Kamerstuk 19 6${ch}37, nr. 23${ch}75`))).toEqual(['kst-19637-2375']);
      expect(ids(detectPapers(`Kamerstuk 35 000 V${MARKS.includes(ch) ? '' : ch}I, nr. 5${ch}9`))).toEqual([
        'kst-35000-VI-59',
      ]);
      expect(ids(detectPapers(`Stb. 20${ch}19, 14${ch}3`))).toEqual(['stb-2019-143']);
    },
  );

  it('keeps a combining mark on a letter: it makes another letter, not noise', () => {
    expect(visibleText('e\u0301en')).toBeUndefined();
    expect(visibleText('2\u0301 e\u0301')?.text).toBe('2 e\u0301');
  });

  it('costs nothing on text without them', () => {
    expect(visibleText('Kamerstuk 19 637, nr. 2375 — “é” ‘quotes’ €')).toBeUndefined();
  });

  it('finds the same ids, or none, with any one invisible character at any place of every form', () => {
    for (const [base, expected] of CITATIONS) {
      const before = detectPapers(base);
      expect(ids(before)).toEqual(expected);
      for (let p = 0; p <= base.length; p++) {
        for (const ch of ALL) expectReadThrough(before, insert(base, [{ pos: p, ch }]), detectPapers);
      }
    }
  }, 60_000);

  it('finds the same ids, or none, with several invisible characters anywhere (property, fixed seed)', () => {
    const edit = fc.record({ pos: fc.nat({ max: 200 }), ch: fc.constantFrom(...ALL) });
    fc.assert(
      fc.property(fc.constantFrom(...CITATIONS), fc.array(edit, { minLength: 1, maxLength: 6 }), ([base], edits) => {
        expectReadThrough(detectPapers(base), insert(base, edits), detectPapers);
      }),
      { seed: 20261201, numRuns: 1500 },
    );
  }, 60_000);

  it('gives a motion the same document, or none, with invisible characters anywhere (property, fixed seed)', () => {
    const edit = fc.record({ pos: fc.nat({ max: 200 }), ch: fc.constantFrom(...ALL) });
    expect(ids(detect(MOTION))).toEqual(['kst-21501-20-1265', 'kst-21501-20-1265']);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const mutated = insert(MOTION, edits);
        const found = ids(detect(mutated.text));
        for (const id of found) expect(id).toBe('kst-21501-20-1265');
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it.skipIf(!HAS_SHARED)(
    'finds the same ids, or none, in KOOP’s conformance strings with a soft hyphen anywhere',
    () => {
      const cases = JSON.parse(readFileSync(sharedPath('conformance', 'koop-kamerstuk-citations.json'), 'utf8'))
        .cases as { text: string }[];
      for (const { text } of cases) {
        const before = detectPapers(text);
        for (let p = 0; p <= text.length; p++)
          expectReadThrough(before, insert(text, [{ pos: p, ch: '\u00ad' }]), detectPapers);
      }
    },
    60_000,
  );
});

describe('the quick test for invisible characters', () => {
  it('lets through every code point the exact test matches (all of Unicode)', () => {
    const exact = /[\p{Default_Ignorable_Code_Point}\p{M}]/u;
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (exact.test(ch) && !MAYBE_INVISIBLE.test(ch)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('decides alone for Dutch text with its usual punctuation', () => {
    expect(MAYBE_INVISIBLE.test('Kostić’s «motie» – € 3,1 mld … • 36\u00a0410 ‘é’ ë ï')).toBe(false);
  });
});
