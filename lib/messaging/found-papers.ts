import { MAX_ID_LENGTH } from '../contract/ids';
import { type PaperKind, REF_KINDS } from '../contract/kinds';
import { detectPapers } from '../refs/papers';
import type { DetectContext } from '../refs/types';

/*
 * The first pass finds a page's papers in the background, not in the page. A content script's code runs once per
 * page, so it never gets past the engine's slowest tier: the first run of `detectPapers` over the 130 KB verslag
 * took 11-13 ms in Node against 0.4 ms once warm, and on the page a build that neither detected nor linked added
 * 20-25 ms less than the whole (`npm run bench`'s measure, the two side by side). The background's engine stays warm
 * from page to page, and what it costs there is off the page's main thread. The page detects itself only when the
 * background cannot answer, or when the text is too long to send in one task (detect-in-background.ts SEND_MAX).
 */

/** A paper found in a text, as it travels to the page: what a link needs (annotate.ts `Linkable`), nothing more. */
export type FoundPaper = [kind: PaperKind, id: string, start: number, end: number];

/** The background's side: the papers of a page's text, in text order. */
export function findPapers(text: string, context?: DetectContext): FoundPaper[] {
  return detectPapers(text, context).map((r) => [r.kind, r.id, r.start, r.end]);
}

/** A found paper as the page links it. */
export interface FoundRef {
  kind: PaperKind;
  id: string;
  start: number;
  end: number;
}

const PAPER_KINDS: ReadonlySet<string> = new Set(REF_KINDS.filter((k) => k !== 'motion' && k !== 'pillar'));

/**
 * The page's side: the answer read back against the text it was found in. An answer that is not a list is no
 * answer (undefined: the page detects itself); an entry that is not a paper inside the text, after the one before
 * it, is dropped, so nothing is ever linked outside the text or twice.
 */
export function readFound(found: unknown, textLength: number): FoundRef[] | undefined {
  if (!Array.isArray(found)) return undefined;
  const refs: FoundRef[] = [];
  let after = 0;
  for (const entry of found as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) continue;
    const [kind, id, start, end] = entry as unknown[];
    if (typeof kind !== 'string' || !PAPER_KINDS.has(kind)) continue;
    if (typeof id !== 'string' || !id || id.length > MAX_ID_LENGTH) continue;
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue;
    const [from, to] = [start as number, end as number];
    if (from < after || to <= from || to > textLength) continue;
    refs.push({ kind: kind as PaperKind, id, start: from, end: to });
    after = to;
  }
  return refs;
}
