import { describe, expect, it } from 'vitest';
import { IMA } from '../../../lib/refs/pillars';
import { compileUnits, scanMentions } from '../../../lib/refs/pillars/mentions';
import { HEADINGS, indexAgenda, type PieceEvidence, readPiece } from '../../../lib/refs/pillars/reader';
import { pieces, tokenizePiece, unwrap } from '../../../lib/refs/pillars/tokens';
import { compileTerms, findTerms, pillarTerms } from '../../../lib/refs/pillars/vocabulary';
import { corpusNames, corpusParagraphs } from '../../support/shared';
import { kamerstukSoup, motionDense, random, randomAscii } from '../../support/texts';

/*
 * The labeller reads a piece's evidence in one pass (lib/refs/pillars/reader.ts `readPiece`); it must find what the
 * four passes it replaced find: `findTerms` with each of the three lists and `scanMentions`, term for term, in order.
 */

const lists = [
  compileTerms(pillarTerms(IMA, 'vocabulary')),
  compileTerms(pillarTerms(IMA, 'headings')),
  compileTerms(IMA.context.map((t) => [0, t] as const)),
];
const units = compileUnits(IMA.units);
const index = indexAgenda(lists, units);
const count = IMA.pillars.length;

function same(piece: string, headings: boolean): void {
  const sentences = tokenizePiece(piece);
  const into: PieceEvidence = { terms: lists.map(() => []), mentions: [], overview: false };
  readPiece(sentences, index, count, headings, into);
  const terms = lists.map((matcher, k) =>
    k === HEADINGS && !headings ? [] : findTerms(sentences, matcher).map((hit) => hit.term),
  );
  expect(into.terms, piece).toEqual(terms);
  expect({ mentions: into.mentions, overview: into.overview }, piece).toEqual(scanMentions(sentences, units, count));
}

/** Texts thick with the agenda's words: its terms, units and numbers, in random order. */
function pillarSoup(n: number, seed: number): string {
  const r = random(seed);
  const words = [
    ...IMA.pillars.flatMap((p) => [...p.vocabulary, ...p.headings].map(([term]) => term)),
    ...IMA.context.map(([term]) => term),
    ...IMA.units,
    'pijler',
    'pijlers',
    'de vierde pijler',
    'onder pijler drie',
    'zoals genoemd',
    'per pijler',
    '4',
    'II',
    '.',
    ',',
    'arbeids',
    'beleid',
  ];
  let out = '';
  while (out.length < n) out += `${words[Math.floor(r() * words.length)]}${r() < 0.1 ? '. ' : ' '}`;
  return out;
}

describe('the labeller’s one pass over a piece', () => {
  it.skipIf(!corpusNames().length)('finds the terms and mentions of the four passes on every corpus piece', () => {
    for (const paragraph of corpusParagraphs()) {
      for (const piece of pieces(unwrap(paragraph))) {
        same(piece, false);
        same(piece, true);
      }
    }
  });

  it.each([
    ['pillar words', pillarSoup],
    ['Kamerstuk soup', kamerstukSoup],
    ['motion-dense text', motionDense],
    ['random ASCII', randomAscii],
  ])('and on %s', (_name, make) => {
    for (let seed = 1; seed <= 40; seed++) for (const piece of pieces(make(600, seed))) same(piece, seed % 2 === 0);
  });
});
