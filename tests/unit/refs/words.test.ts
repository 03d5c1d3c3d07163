import nlp from 'compromise/one';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFootnotes } from '../../../lib/refs/footnotes';
import { detectMotions } from '../../../lib/refs/motions';
import { TAG } from '../../../lib/refs/motions/lexicon';
import { compileMatch, matchAtStart, tokenizeWindow, withCompromise } from '../../../lib/refs/motions/tokens';
import { detectPapers } from '../../../lib/refs/papers';
import { labelPillars } from '../../../lib/refs/pillars';
import { segment } from '../../../lib/refs/pillars/segment';
import { pieces, tokenizePiece, unwrap } from '../../../lib/refs/pillars/tokens';
import { sentencesOf, type Term, WordList } from '../../../lib/refs/words';
import { realTexts } from '../../support/realtexts';
import { corpusNames, corpusText, HAS_SHARED, NO_SHARED } from '../../support/shared';
import { kamerstukSoup, motionDense, randomAscii, randomBmp } from '../../support/texts';

/*
 * lib/refs/words.ts is compromise's tokeniser without compromise; it must give what compromise gives, term for term
 * (text, punctuation before and after, normal and machine forms, sentences), wherever it does not hand a piece
 * back to compromise, and the pillar labels must be the same as when compromise tokenises everything.
 */

/** compromise's own terms for a text, with the fields `sentencesOf` gives. */
function compromiseTerms(text: string): Term[][] {
  tokenizePiece('x'); // installs the Dutch abbreviations, as the labeller does before its first piece
  const docs = nlp.tokenize(text).docs as unknown as Term[][];
  return docs.map((terms) =>
    terms.map(({ text, pre, post, normal, machine }) => ({
      text,
      pre,
      post,
      normal,
      ...(machine !== undefined && machine !== normal ? { machine } : {}),
    })),
  );
}

/** Where the hand-written scan reads a text, it reads compromise's terms; the tokens are the same either way. */
function expectCompromisesTerms(text: string): void {
  const own = ownTerms(text);
  if (own) expect(own).toEqual(compromiseTerms(text));
  expect(tokenizePiece(text)).toEqual(tokenizePiece(text, { compromise: true }));
}

function ownTerms(text: string): Term[][] | undefined {
  return sentencesOf(text)?.map((terms) =>
    terms.map(({ text, pre, post, normal, machine }) => ({
      text,
      pre,
      post,
      normal,
      ...(machine !== undefined && machine !== normal ? { machine } : {}),
    })),
  );
}

/** The pieces the labeller tokenises: headings and unwrapped paragraphs, cut as `pieces` cuts them. */
function piecesOf(text: string): string[] {
  const layout = segment(text);
  return [
    ...layout.headings.map((h) => h.title.replace(/[*_#]/g, ' ')),
    ...layout.paragraphs.map((p) => unwrap(text.slice(p.start, p.end))),
  ].flatMap(pieces);
}

const texts = (): [string, string][] => [
  ...corpusNames().map((name): [string, string] => [name, corpusText(name)]),
  ...realTexts().map((r): [string, string] => [r.name, r.text]),
];

/** Checks every piece; returns how many compromise still had to read. */
function checkPieces(all: readonly string[]): number {
  let handedBack = 0;
  for (const piece of all) {
    const own = ownTerms(piece);
    if (own) expect(own, piece).toEqual(compromiseTerms(piece));
    else handedBack++;
    expect(tokenizePiece(piece), piece).toEqual(tokenizePiece(piece, { compromise: true }));
  }
  return handedBack;
}

describe('the tokeniser without compromise', () => {
  it.skipIf(!HAS_SHARED)('gives compromise’s terms on every piece of the corpus letters and the real texts', () => {
    const all = texts().flatMap(([, text]) => piecesOf(text));
    const handedBack = checkPieces(all);
    // Contractions (`d’r`, `5km`) are rare in Dutch parliamentary text: nearly every piece is read without compromise.
    expect(handedBack / all.length).toBeLessThan(0.05);
  });

  it.skipIf(!HAS_SHARED)('gives the same pillar labels as compromise on every letter and real text', () => {
    for (const [name, text] of texts())
      expect(labelPillars(text), name).toEqual(labelPillars(text, { compromise: true }));
  });

  it('gives compromise’s terms on random and adversarial texts', () => {
    const all = [randomAscii(30_000), randomBmp(30_000), kamerstukSoup(30_000)].flatMap(piecesOf);
    checkPieces(all);
  });

  const FRAGMENTS = [
    'Het ',
    'kabinet',
    ' ',
    '  ',
    '\u00a0',
    '\ufeff',
    '\u200b',
    ', ',
    '. ',
    '.',
    '? ',
    '! ',
    '... ',
    '…',
    ' - ',
    '-',
    '–',
    '—',
    '(',
    ')',
    '[',
    ']',
    '"',
    '“',
    '”',
    "'",
    '’',
    '«',
    '»',
    '/',
    ' / ',
    ':',
    ';',
    '*',
    '•',
    '#',
    '@',
    '%',
    '+',
    '°',
    '2019',
    '2019 ',
    ' 2017 - 2018',
    '10) ',
    '7a',
    'B12 ',
    '0,',
    '2019-2020',
    '2 - 4',
    '9-17',
    '12:30-14:00',
    '5km',
    // Numbers glued to a unit, split by the contraction pass (`numberUnit`): the corpus letters' `artikel 25bis` and
    // `2015.³` (a footnote marker), amounts, a sign, a decimal comma, a unit compromise does not split (`3rd`).
    '25bis',
    '2015.³',
    '10mln',
    '+5km',
    '2,5km',
    '3rd',
    '2e',
    '1.000',
    '3,5',
    '(800)',
    '500+',
    'nr. ',
    'jl. ',
    'c.s. ',
    'M.B. ',
    'I.N.D.',
    'IND',
    "IND's",
    'LVV’s',
    "zo'n",
    "'t",
    'd’r',
    "don't",
    'imo',
    'gonna',
    'EU-Turkije',
    'EU–Turkije-',
    'SP-fractie',
    'Faber-van',
    'COVID-19',
    'a-b-c',
    'B1-niveau',
    're-integratie',
    'asiel-',
    'Libië',
    'geïnformeerd',
    'Özütok',
    'e\u0301',
    'ß',
    'ÀÉÎÕÜ',
    'Þ',
    'ÿ',
    'Ÿ',
    'µ',
    'Ærø ',
    '×',
    'ΣΑΣ',
    '京',
    '。',
    ':-)',
    '<3',
    'a',
    'A',
    'x',
    '\n',
  ];

  it('gives compromise’s terms on random sequences of hard fragments (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (parts) =>
        expectCompromisesTerms(parts.join('')),
      ),
      { seed: 9, numRuns: 2_000 },
    );
  });

  /** What the plain scan of `sentencesOf` takes (letters, digits, Latin-1, hyphens) and what it must refuse. */
  const PLAIN_FRAGMENTS = [
    'de',
    'Kamer',
    'EU',
    'B',
    'e',
    'ë',
    'Ö',
    'ß',
    'Þ',
    '19',
    '2019',
    '7',
    '-',
    '–',
    '—',
    ' ',
    '  ',
    '\n',
    ', ',
    '. ',
    ')',
    ') ',
    ' (',
    ' - ',
    ':',
    '\u00a0',
    'anti',
    're',
    'km',
    '-,',
    '—.',
    '.',
    'c.s.',
    'c.',
    'M.',
    ' c.s. ',
    '(',
    '(Kamerstuk ',
    '(EU-',
    '6 ) ',
    '2380 ). ',
    '(7 ) ',
  ];

  it('gives compromise’s terms on random sequences of words, numbers and hyphens (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PLAIN_FRAGMENTS), { maxLength: 30 }), (parts) =>
        expectCompromisesTerms(parts.join('')),
      ),
      { seed: 11, numRuns: 3_000 },
    );
  });

  it('gives compromise’s terms on random strings (fixed seed)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), expectCompromisesTerms), {
      seed: 9,
      numRuns: 1_000,
    });
  });

  it.runIf(!HAS_SHARED)('says what it skipped', () => {
    console.log(NO_SHARED);
  });
});

describe('the list of contraction words', () => {
  it('holds exactly its words, whatever their first character and length', () => {
    const words = ['imo', 'gonna', 'ça', '', 'a', 'supercalifragilisticexpialidocious-ish'];
    const list = new WordList(words);
    for (const word of words) expect(list.has(word), word).toBe(true);
    for (const word of ['im', 'imo ', 'Imo', 'gonne', 'ç', 'b', 'supercalifragilisticexpialidocious-is', 'ça!'])
      expect(list.has(word), word).toBe(false);
    expect(new WordList(['imo']).has('')).toBe(false);
    expect(new WordList(['imo']).has('ça')).toBe(false);
  });
});

describe('the motion windows without compromise', () => {
  const PATTERNS = [
    `^#${TAG.motion} van+ (het|de)? #${TAG.member}`,
    `^#${TAG.motion} van+ (het|de)? #${TAG.title}`,
    `^#${TAG.motion} van`,
  ].map(compileMatch);

  /** Tokens and pattern matches of the window after every motion word, by both tokenisers. */
  function checkWindows(text: string): void {
    for (const m of text.matchAll(/motie/gi)) {
      for (const length of [40, 160]) {
        const end = Math.min(text.length, m.index + length);
        const own = tokenizeWindow(text, m.index, end);
        const theirs = withCompromise(() => tokenizeWindow(text, m.index, end));
        const where = text.slice(m.index, end);
        expect(own.tokens, where).toEqual(theirs.tokens);
        for (const pattern of PATTERNS) expect(matchAtStart(own, pattern), where).toBe(matchAtStart(theirs, pattern));
      }
    }
  }

  const sameMotions = (text: string) => {
    const papers = detectPapers(text);
    const footnotes = findFootnotes(text);
    expect(detectMotions(text, papers, footnotes)).toEqual(
      withCompromise(() => detectMotions(text, papers, footnotes)),
    );
  };

  it.skipIf(!HAS_SHARED)('gives compromise’s tokens, matches and motions on the corpus letters and real texts', () => {
    for (const [, text] of texts()) {
      checkWindows(text);
      sameMotions(text);
    }
  });

  it('gives compromise’s tokens, matches and motions on motion-dense, random and adversarial texts', () => {
    for (const text of [motionDense(60_000), randomAscii(30_000), randomBmp(30_000), kamerstukSoup(60_000)]) {
      checkWindows(text);
      sameMotions(text);
    }
  });

  const NAME_FRAGMENTS = [
    'motie ',
    'Motie',
    'MOTIE ',
    'moties ',
    '-',
    '–',
    'van ',
    'Van ',
    'van van ',
    'het ',
    'de ',
    'lid ',
    'leden ',
    'Kamerlid ',
    'mr. ',
    'dr.',
    'Groothuizen',
    'Van der Molen',
    'in ’t Veld',
    "'t ",
    'D’Hondt',
    "d'Hondt ",
    'Özütok',
    'Versnel-Schmitz',
    'Groot-\nhuizen',
    ' c.s.',
    ' c.s',
    ' (PVV)',
    ' (GL-PvdA)',
    '/',
    ' en ',
    ' & ',
    ', ',
    '. ',
    '.',
    ' ',
    '\n',
    '\n\n',
    '\u00a0',
    '\u200b',
    '¹',
    '2',
    'M.B. ',
    'A. ',
    'PVV ',
    'Tweede ',
    'imo ',
    'gonna ',
    '5km ',
    '2019-2020 ',
    '…',
    '"',
    '“',
    '(',
    ')',
    'e\u0301',
  ];

  it('gives compromise’s tokens, matches and motions on random sequences of hard fragments (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NAME_FRAGMENTS), { maxLength: 30 }), (parts) => {
        const text = `motie ${parts.join('')}`;
        checkWindows(text);
        sameMotions(text);
      }),
      { seed: 9, numRuns: 1_500 },
    );
  });
});
