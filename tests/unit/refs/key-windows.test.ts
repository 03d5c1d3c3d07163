import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMA } from '../../../lib/refs/pillars';
import { keyWindows } from '../../../lib/refs/pillars/key-windows';
import { compileUnits } from '../../../lib/refs/pillars/mentions';
import { keySet, searchable } from '../../../lib/refs/pillars/prefilter';
import { indexAgenda, type PieceEvidence, readPiece } from '../../../lib/refs/pillars/reader';
import { pieces, tokenizePiece, unwrap } from '../../../lib/refs/pillars/tokens';
import { compileTerms, pillarTerms } from '../../../lib/refs/pillars/vocabulary';
import {
  inOneSentenceEach,
  isPlainLetter,
  isSpace,
  model,
  sentencesOrTexts,
  splitSentences,
  type Term,
} from '../../../lib/refs/words';
import { corpusParagraphs } from '../../support/shared';
import { motionDense } from '../../support/texts';

/*
 * The labeller tokenises only the words near a key (lib/refs/pillars/key-windows.ts). Two things make that change
 * nothing, each checked here: the words of a window are the sentence's own words there, and the evidence read from
 * the windows of a piece is the evidence read from all of it, as whole objects.
 */

const matchers = [
  compileTerms(pillarTerms(IMA, 'vocabulary')),
  compileTerms(pillarTerms(IMA, 'headings')),
  compileTerms(IMA.context.map((t) => [0, t] as const)),
];
const units = compileUnits(IMA.units);
const keys = keySet(
  matchers,
  units.map((u) => u.stem),
);
const index = indexAgenda(matchers, units);

function evidence(piece: string, windowed: boolean, heading: boolean): PieceEvidence {
  const into: PieceEvidence = { terms: [[], [], []], mentions: [], overview: false };
  const windows = (text: string) => keyWindows(text, keys);
  const sentences = tokenizePiece(piece, windowed ? { select: windows, within: windows } : {});
  readPiece(sentences, index, IMA.pillars.length, heading, into);
  return into;
}

function expectSameEvidence(text: string): void {
  for (const piece of pieces(unwrap(text))) {
    for (const heading of [false, true]) {
      expect(evidence(piece, true, heading), JSON.stringify(piece)).toEqual(evidence(piece, false, heading));
    }
  }
}

/** Terms, phrases of every length, units and cross-reference cues, between words that match nothing. */
const FRAGMENTS = [
  'pijler ',
  'pijlers ',
  'zespijleragenda ',
  'vierde ',
  '4, ',
  '5 en 6 ',
  'IV ',
  'tweede en derde ',
  'per ',
  'pijler-4 ',
  'vier/vijf ',
  'vier-en-vijf, ',
  'zes ',
  '5en ',
  'één ',
  '4e ',
  'kinda ',
  '(4) ',
  'Zoals onder ',
  'genoemd ',
  'terugkeer ',
  'Terugkeerbeleid ',
  'asielaanvragen ',
  'opvang in de regio ',
  'opvang ',
  'in de ',
  'regio ',
  'eerste opvang ',
  'landen van herkomst ',
  'herkomst ',
  'irreguliere migratie ',
  'arbeidsmigratie ',
  'legale ',
  'migratie',
  'IND ',
  "IND's ",
  'I.N.D. ',
  'COA ',
  'azc’s ',
  'LVV-',
  'taal ',
  'B1 ',
  'DT&V ',
  're-integratie ',
  'reïntegratie ',
  'terugkeer\u00adbeleid ',
  'migrati\u00eb ',
  'asielzoekersopvang. ',
  'Libië ',
  'het kabinet ',
  'zet in op ',
  'de Kamer ',
  'wordt ',
  '(Kamerstuk 19 637, nr. 2375) ',
  '(29 ',
  '2017 - 2018 ',
  '2019-2020 ',
  '5km ',
  ' - ',
  '– ',
  '“',
  '” ',
  '(',
  ') ',
  ', ',
  '. ',
  'c.s. ',
  'c.s.\u00a0',
  'nr. ',
  'nr.\u00a0',
  'blz.  ',
  'M.B. ',
  'A. ',
  '... ',
  '… ',
  '! ',
  "auto's ",
  'imo ',
  "don't ",
  '\u00a0',
  '\n',
  '\n\n',
  'x',
  // Footnote markers as KOOP letters write them, and other letters and digits outside ASCII that the key search keeps.
  '.²⁴ ',
  '¹ ',
  '⁵, ',
  'terugkeer³ ',
  'ta²al ',
  'ß',
  'ª ',
  'ǂ',
  // The literal key of `DT&V`, as a word and glued to others.
  'de DT&V ',
  'dt&v',
  '(DT&V) ',
  '& ',
];

describe('the windows of a sentence near its keys', () => {
  it('give the evidence of the whole pieces on random sequences of terms and other words (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 50 }), (parts) =>
        expectSameEvidence(parts.join('')),
      ),
      { numRuns: 1500, seed: 20_261_205 },
    );
  });

  it('give the evidence of the whole pieces where a unit’s lists run far, or its sentence has a cue', () => {
    for (const text of [
      'Het kabinet zet in op de pijlers 3 en vier-en-vijf, zes en meer dan dat in de regio.',
      'Over de pijlers 3, 5en 6 en over terugkeer, en daarna over veel meer.',
      'Onder pijler 4 en één gaat het kabinet verder met veel andere dingen.',
      'Zoals eerder onder pijler drie genoemd, gaat het kabinet door met veel andere zaken.',
      'Het kabinet ziet dat de tweede, derde en vierde pijler nu de basis zijn van veel beleid.',
      'Het kabinet werkt sinds vorig jaar per pijler aan veel zaken, zoals terugkeer.',
      'Bij pijler IV en V en nog veel meer tekst daarna, zie hierboven.',
      '(pijler 4) – en dan (5), 6 en 7 na een streep – en terugkeer.',
    ]) {
      expectSameEvidence(text);
    }
  });

  it('give the evidence of the whole pieces with every character of the folded ranges, in and between words', () => {
    for (let c = 0x80; c < 0x20a0; c++) {
      const ch = String.fromCharCode(c);
      expectSameEvidence(
        `Het kabinet schreef${ch} over terugkeer${ch}beleid, de ${ch}IND${ch} en ta${ch} in de regio${ch}.`,
      );
    }
  });

  it('may fold each run alone to find a literal key: white space folds to white space', () => {
    // `literalRuns` in key-windows.ts: a key never spans two runs of the folded text, which holds no key's character.
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch)) expect(searchable(ch).folded, c.toString(16)).toMatch(/^\s+$/);
    }
    for (const key of keys.literal) expect(key).not.toMatch(/\s/);
  });

  it('give the evidence of the whole pieces on the corpus and on motion-dense text', () => {
    for (const paragraph of corpusParagraphs()) expectSameEvidence(paragraph);
    expectSameEvidence(motionDense(100_000));
  });

  it('are narrower than their sentence where most of its words are far from a key', () => {
    const sentence = 'Het kabinet heeft de Kamer gisteren een brief gestuurd over terugkeer en over veel meer dan dat.';
    const windows = keyWindows(sentence, keys) as number[];
    expect(windows.length).toBe(2);
    expect(sentence.slice(windows[0], windows[1])).toMatch(/^terugkeer /);
    expect(sentence.slice(windows[1])).toBe('veel meer dan dat.');
    expect(keyWindows('Het kabinet heeft de Kamer een brief gestuurd.', keys)).toBe(false);
    // Punctuation before the first word is that word's `pre`: its window starts at the sentence's start.
    const after = keyWindows('“) terugkeer” en dan nog veel meer woorden van het kabinet.', keys) as number[];
    expect(after[0]).toBe(0);
    // A unit reads the lists around it: its whole sentence where a cross-reference cue may be in it.
    const unit = 'Het kabinet zet nu al onder de tweede en derde pijler 4, 5 en 6 in op veel meer dan dat.';
    const lists = keyWindows(unit, keys) as number[];
    expect(lists.length).toBe(2);
    expect(unit.slice(lists[0], lists[1])).toBe('de tweede en derde pijler 4, 5 en 6 in ');
    expect(keyWindows('Zoals het kabinet al eerder onder pijler drie heeft genoemd.', keys)).toBe(true);
    // A footnote marker (`domein.²⁴`, as KOOP letters write them) and the DT&V's ampersand made the whole piece be
    // tokenised: a fifth of what the labeller tokenised of the corpus letters.
    for (const marked of [
      'Het kabinet heeft de Kamer op 1 juli geïnformeerd.²⁴ Het gaat daarbij ook over terugkeer en over veel meer.',
      'Het kabinet heeft de Kamer geïnformeerd over de DT&V en over veel meer dan dat, in een brief van gisteren.',
    ]) {
      const narrow = keyWindows(marked, keys);
      expect(Array.isArray(narrow), marked).toBe(true);
      expect(marked.slice((narrow as number[])[0], (narrow as number[])[1])).toMatch(/^(terugkeer|DT&V) /);
    }
    // A phrase reaches back from the word it is searched by.
    const phrase = keyWindows('Het kabinet heeft de Kamer gisteren geschreven over opvang in de regio en meer.', keys);
    expect(phrase).not.toBe(true);
    const text = 'Het kabinet heeft de Kamer gisteren geschreven over opvang in de regio en meer.';
    expect((phrase as number[]).length).toBe(2);
    expect(text.slice((phrase as number[])[0], (phrase as number[])[1])).toContain('opvang in de regio');
  });
});

/** The offsets of a sentence's terms, from the text they keep: `pre`, `text` and `post` rebuild the sentence. */
function offsets(terms: readonly Term[]): number[] {
  let at = 0;
  return terms.map((t) => {
    const start = at;
    at += (t.pre ?? '').length + t.text.length + t.post.length;
    return start;
  });
}

/**
 * Where a window may start or end: the sentence's start, or a run of white space before a letter after the first
 * word (white space and punctuation before a sentence's first word are that word's `pre`).
 */
function letterRunStarts(sentence: string): number[] {
  const out = [0];
  const firstWord = sentence.search(/[\p{L}\p{N}]/u);
  for (let i = Math.max(1, firstWord + 1); i < sentence.length; i++) {
    if (
      isSpace(sentence.charCodeAt(i - 1)) &&
      !isSpace(sentence.charCodeAt(i)) &&
      isPlainLetter(sentence.charCodeAt(i))
    )
      out.push(i);
  }
  return out;
}

describe('a window of a sentence from a run before a letter', () => {
  it('holds the sentence’s own terms there, cut at every such run (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) => {
        for (const sentence of sentencesOrTexts(parts.join('')) ?? []) {
          if (typeof sentence === 'string') continue;
          const whole = sentence.map((t) => `${t.pre ?? ''}${t.text}${t.post}`).join('');
          // Where compromise moves punctuation into a number's text (`6 )` → `6)`), the terms rebuild another text.
          if (!isDeepStrictEqual(sentencesOrTexts(whole), [sentence])) continue;
          const at = offsets(sentence);
          for (const cut of letterRunStarts(whole)) {
            for (const [from, to] of [
              [0, cut],
              [cut, whole.length],
            ] as const) {
              if (from >= to) continue;
              const windowed = sentencesOrTexts(whole, { select: () => [from, to] })!;
              if (windowed.length === 1 && typeof windowed[0] === 'string') continue;
              const own = sentence.filter((_, i) => at[i]! >= from && at[i]! < to);
              expect(windowed, JSON.stringify({ whole, from, to })).toEqual([own]);
            }
          }
        }
      }),
      { numRuns: 1000, seed: 20_261_206 },
    );
  });
});

describe('windows that lie in one sentence each', () => {
  it('are found so only where no sentence of the text ends inside one (fixed seed)', () => {
    let inOne = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const windows = keyWindows(text, keys);
        if (typeof windows === 'boolean' || !inOneSentenceEach(text, windows)) return;
        inOne++;
        // Where the sentences end, as `splitSentences` cuts the text.
        const ends = new Set<number>();
        let at = 0;
        for (const sentence of splitSentences(text, model().model.abbreviations)) {
          at += sentence.length;
          ends.add(at);
        }
        for (let w = 0; w < windows.length; w += 2) {
          for (const end of ends) {
            expect(end > windows[w]! && end < windows[w + 1]!, JSON.stringify({ text, windows })).toBe(false);
          }
        }
      }),
      { numRuns: 3000, seed: 20_261_208 },
    );
    expect(inOne).toBeGreaterThan(500);
  });
});
