import { detectKamerstukken } from './kamerstuk';
import type { Reference } from './types';

export { kamerstukId, obUrl } from './ids';
export type { Reference, RefKind, RefParts } from './types';

/**
 * All references in a plain text, in order of appearance, never overlapping.
 *
 * Pure: no DOM, no browser APIs, so it runs the same in Node (tests, CLI) and in the content script.
 */
export function detect(text: string): Reference[] {
  return detectKamerstukken(text).sort((a, b) => a.start - b.start);
}
