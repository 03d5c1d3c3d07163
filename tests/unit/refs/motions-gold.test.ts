import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/refs';
import { findFootnotes } from '../../../lib/refs/footnotes';
import { detectMotions } from '../../../lib/refs/motions';
import type { MotionRef, PaperRef, Reference } from '../../../lib/refs/types';
import { corpusNames, corpusText, type GoldEntry, gold, HAS_SHARED, NO_SHARED } from '../../support/shared';

type GoldMotion = GoldEntry['motions'][number];

interface Score {
  gold: number;
  matched: number;
  /** Gold motions with an id that were found with exactly that id. */
  idsRight: number;
  idsWanted: number;
  /** Found motions whose id the gold contradicts (a different id, or one where the gold has none). */
  contradicted: string[];
  extra: number;
}

function isPaper(ref: Reference): ref is PaperRef {
  return ref.kind !== 'motion' && ref.kind !== 'pillar';
}

/**
 * Matches gold motions to found ones in order of appearance, each found motion used once: a gold motion matches the
 * next found motion with the same members.
 */
function score(expected: readonly GoldMotion[], found: readonly MotionRef[]): Score {
  const result: Score = { gold: expected.length, matched: 0, idsRight: 0, idsWanted: 0, contradicted: [], extra: 0 };
  let next = 0;
  for (const motion of expected) {
    if (motion.id) result.idsWanted++;
    const at = found.findIndex((f, i) => i >= next && f.members.join('|') === motion.members.join('|'));
    if (at < 0) continue;
    const hit = found[at]!;
    next = at + 1;
    result.matched++;
    if (motion.id && hit.id === motion.id) result.idsRight++;
    if (hit.id !== motion.id && hit.id !== undefined)
      result.contradicted.push(`${hit.text}: ${hit.id} (gold: ${motion.id ?? 'none'})`);
  }
  result.extra = found.length - result.matched;
  return result;
}

function motionsOf(text: string): MotionRef[] {
  return detectMotions(text, detect(text).filter(isPaper), findFootnotes(text));
}

describe.skipIf(!HAS_SHARED)('motion detection on the corpus', () => {
  const entries = HAS_SHARED ? gold() : {};
  const scores = new Map<string, Score>();
  for (const name of corpusNames()) scores.set(name, score(entries[name]?.motions ?? [], motionsOf(corpusText(name))));

  it('reports recall and ids per file and overall', () => {
    const total: Score = { gold: 0, matched: 0, idsRight: 0, idsWanted: 0, contradicted: [], extra: 0 };
    for (const [name, s] of scores) {
      console.log(
        `${name}: recall ${s.matched}/${s.gold}, ids ${s.idsRight}/${s.idsWanted}, contradicted ${s.contradicted.length}, extra ${s.extra}`,
      );
      total.gold += s.gold;
      total.matched += s.matched;
      total.idsRight += s.idsRight;
      total.idsWanted += s.idsWanted;
      total.contradicted.push(...s.contradicted);
      total.extra += s.extra;
    }
    const recall = total.gold ? total.matched / total.gold : 1;
    console.log(
      `overall: recall ${recall.toFixed(3)} (${total.matched}/${total.gold}), ids ${total.idsRight}/${total.idsWanted}, contradicted ${total.contradicted.length}, extra ${total.extra}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it.each(corpusNames())('finds every gold motion id in %s', (name) => {
    const s = scores.get(name)!;
    expect(s.idsRight).toBe(s.idsWanted);
  });

  it.each(corpusNames())('carries no id the gold contradicts in %s', (name) => {
    expect(scores.get(name)!.contradicted).toEqual([]);
  });
});

describe.skipIf(HAS_SHARED)('motion corpus', () => {
  it.skip(NO_SHARED, () => {});
});
