import { findFootnotes } from './footnotes';
import { detectMotions } from './motions';
import { detectPapers } from './papers';
import { labelPillars } from './pillars';
import type { DetectContext, Footnote, Reference } from './types';

export { findFootnotes } from './footnotes';
export { dossierId, kamerstukId, obUrl, parseKamerstukId, urlFor } from './ids';
export { detectMotions } from './motions';
export { detectPapers } from './papers';
export { labelPillars } from './pillars';
export type {
  DetectContext,
  Footnote,
  MotionRef,
  PaperKind,
  PaperRef,
  PillarRef,
  Reference,
  RefKind,
  RefParts,
} from './types';

export interface DetectOptions {
  /** Also label sections and paragraphs with policy pillars (off by default: pillars are topics, not references). */
  pillars?: boolean;
  /** Footnote markers and notes, when the caller knows them from markup; otherwise they are read from the text. */
  footnotes?: readonly Footnote[];
  /**
   * What the page knows of itself (its own paper id or dossier): references whose dossier only the page gives are
   * then found too, at a lower confidence (papers/context.ts). Pure data: detection stays a function of its input.
   */
  context?: DetectContext;
}

/**
 * All references in a plain text, in order of appearance: papers and publications (never overlapping each other),
 * motion mentions, and with `pillars` the pillar labels of sections and paragraphs (which span other references).
 *
 * Pure: no DOM, no browser APIs, so it runs the same in Node (tests, CLI) and in the extension's background.
 */
export function detect(text: string, options: DetectOptions = {}): Reference[] {
  const papers = detectPapers(text, options.context);
  const motions = detectMotions(text, papers, options.footnotes ?? findFootnotes(text));
  const pillars = options.pillars ? labelPillars(text) : [];
  return [...papers, ...motions, ...pillars].sort((a, b) => a.start - b.start || b.end - a.end);
}
