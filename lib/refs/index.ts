import { detectPapers } from './papers';
import type { Reference } from './types';

export { dossierId, kamerstukId, obUrl, urlFor } from './ids';
export { detectPapers } from './papers';
export type { Footnote, MotionRef, PaperKind, PaperRef, PillarRef, Reference, RefKind, RefParts } from './types';

/**
 * All references in a plain text, in order of appearance, never overlapping.
 *
 * Pure: no DOM, no browser APIs, so it runs the same in Node (tests, CLI) and in the extension.
 */
export function detect(text: string): Reference[] {
  return detectPapers(text);
}
