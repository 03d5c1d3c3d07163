/*
 * How the three signals become one confidence. Each signal is a probability that the span is about the pillar;
 * independent signals combine by noisy-or (1 − Π(1 − p)), so agreeing evidence raises confidence and no signal
 * alone can reach 1. Headings are the strongest signal, then explicit mentions, then vocabulary.
 */

/** The confidence each signal gives on its own; tests and callers may compare against these. */
export const CONFIDENCE = {
  /** `4. Minder illegaliteit, meer terugkeer`: number and words agree. */
  headingNumbered: 0.97,
  /** `Pijler 4: terugkeer` as a heading. */
  headingMention: 0.97,
  /** `Terugkeer en vertrek` as a heading: words only. */
  headingWorded: 0.9,
  /** The words name the pillar but the heading's number is another (the document numbers differently). */
  headingOtherNumber: 0.8,
  /** `onder pijler 4 valt …` in a paragraph. */
  mention: 0.8,
  /** `zoals onder pijler drie genoemd`: a pointer elsewhere, weaker evidence for this paragraph. */
  crossReference: 0.5,
  /** Vocabulary alone never gets above this. */
  vocabularyMax: 0.75,
} as const;

/** Vocabulary score below which a paragraph is not labelled on vocabulary alone (about two typical terms). */
export const VOCABULARY_MIN = 5;
/** The leading pillar must have at least this many times the runner-up's score: a clear majority. */
export const VOCABULARY_MARGIN = 2;

/** Combined confidence of independent signals: the chance that not all of them are wrong. */
export function noisyOr(...ps: number[]): number {
  return 1 - ps.reduce((rest, p) => rest * (1 - p), 1);
}

export interface Ranked {
  pillar: number;
  score: number;
  /** The runner-up's score, 0 if none. */
  second: number;
  /** Sum over all pillars. */
  total: number;
}

/** Pillars by score; undefined when nothing scored. */
export function rank(scores: ReadonlyMap<number, number>): Ranked | undefined {
  let best: [number, number] | undefined;
  let second = 0;
  let total = 0;
  for (const [pillar, score] of scores) {
    total += score;
    if (!best || score > best[1]) {
      if (best) second = Math.max(second, best[1]);
      best = [pillar, score];
    } else second = Math.max(second, score);
  }
  return best && { pillar: best[0], score: best[1], second, total };
}

/**
 * Confidence from vocabulary alone, or undefined when there is no clear majority. Grows with the amount of evidence
 * and shrinks with the runner-up's share.
 */
export function vocabularyConfidence(r: Ranked | undefined): number | undefined {
  if (!r || r.score < VOCABULARY_MIN || r.score < VOCABULARY_MARGIN * r.second) return undefined;
  const amount = Math.min(CONFIDENCE.vocabularyMax, 0.35 + 0.03 * r.score);
  return amount * (1 - (0.5 * r.second) / r.score);
}

/** How much a paragraph's vocabulary supports a pillar it mentions: up to 0.3 when it is all about that pillar. */
export function vocabularySupport(scores: ReadonlyMap<number, number>, pillar: number): number {
  let total = 0;
  for (const s of scores.values()) total += s;
  return total ? (0.3 * (scores.get(pillar) ?? 0)) / total : 0;
}
