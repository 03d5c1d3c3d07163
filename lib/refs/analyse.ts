import { detectMotions } from './motions';
import { detectPapers } from './papers';
import { labelPillars } from './pillars';
import type { Footnote, MotionRef, PillarRef } from './types';

export interface Analysis {
  motions: MotionRef[];
  pillars: PillarRef[];
}

/**
 * The part of detection that needs compromise (motion names, pillar vocabulary): run away from the page, in the
 * background, on the text the content script read. Papers are detected again here because motions take their ids
 * from citations; that costs well under a millisecond per page.
 */
export function analyseText(text: string, footnotes: readonly Footnote[]): Analysis {
  const papers = detectPapers(text);
  return { motions: detectMotions(text, papers, footnotes), pillars: labelPillars(text) };
}
