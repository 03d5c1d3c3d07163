import { ATTR, has } from '../contract/attrs';
import { detectPapers } from '../refs/papers';
import type { DetectContext, PaperRef } from '../refs/types';
import { type Linkable, LinkWriter, type LinkWriterOptions, REF_CLASS } from './annotate';
import { PIECE_MAX } from './long-text';
import { runStepsSliced } from './scheduler';
import { type TextMap, textMapSteps } from './text-map';

/**
 * Detection runs on chunks of the text map, one per step, sized so that a step (detection and the links it makes)
 * takes a few milliseconds: the size adapts to how dense the text is and how fast the page's engine runs it (cold
 * code at the start of a page is several times slower). Chunks are cut anywhere, also inside one long paragraph, but
 * only at a place no reference spans, and the detector sees some text on either side of the chunk.
 */
const CHUNK_MIN = 1_000;
const CHUNK_START = 2_000;
const CHUNK_MAX = 16_000;
/** What one step should take. */
const STEP_MS = 3;
/**
 * The links go into the page in batches, at most this often (and at the end): every change to a page makes the
 * browser lay it out again, which on a large page costs tens of milliseconds whatever the change, so linking in every
 * slice would make every frame a long one.
 */
const COMMIT_MS = 250;
/** ... or when this many text nodes wait for their links, so that one batch stays short. */
const COMMIT_NODES = 1_000;
/**
 * What one step of a batch may take. Putting a batch into a large page costs more than its size says (a burst of
 * 20 000 paragraphs: 1 000 nodes took 47 ms in one task, traced by `npm run bench`), so a batch goes in over as
 * many steps as it needs; the page lays out once per frame whatever the number of steps in it.
 */
const COMMIT_STEP_MS = 6;
/**
 * How much text the detector sees beyond each end of a chunk: more than a citation's reach around its triggers
 * (lib/refs/papers/prefilter.ts reads 160 characters either side), so it finds the same references there as in the
 * whole text.
 */
const MARGIN = 400;

/** Whitespace by character code: ASCII, no-break and the Unicode spaces. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

/**
 * Where to end a chunk in [lo, hi]: a place no reference in `refs` (sorted, not overlapping) spans. A block boundary
 * ('\n') if one is free, the latest; otherwise whitespace in the middle of the widest stretch between references,
 * so the cut stands as far from them as it can. Without any free place (a reference over the whole range, which
 * cannot happen with real text) it is the end of the reference that covers `hi`.
 */
export function cutPoint(
  text: string,
  refs: readonly { start: number; end: number }[],
  lo: number,
  hi: number,
): number {
  let bestA = -1;
  let bestB = -1;
  let bestNewline = false;
  const consider = (a: number, b: number) => {
    if (b < a) return;
    // Only this stretch is read (lastIndexOf would run back through all the text before it).
    const newline = text.slice(a, b + 1).includes('\n');
    if (newline ? true : !bestNewline && b - a >= bestB - bestA) {
      bestA = a;
      bestB = b;
      bestNewline = newline;
    }
  };
  let from = lo;
  let cover: { start: number; end: number } | undefined;
  for (const r of refs) {
    if (r.end <= lo) continue;
    if (r.start >= hi) break;
    if (r.start > from) consider(from, r.start);
    if (r.end > hi) cover = r;
    from = Math.max(from, r.end);
  }
  if (from <= hi) consider(from, hi);
  if (bestA < 0) return cover ? cover.end : hi;
  if (bestNewline) return text.lastIndexOf('\n', bestB);
  const mid = (bestA + bestB) >> 1;
  for (let d = 0; mid + d <= bestB || mid - d >= bestA; d++) {
    if (mid + d <= bestB && isSpace(text.charCodeAt(mid + d))) return mid + d;
    if (mid - d >= bestA && isSpace(text.charCodeAt(mid - d))) return mid - d;
  }
  return bestA;
}

function detectIn(text: string, start: number, end: number, context?: DetectContext): PaperRef[] {
  const found = detectPapers(start === 0 && end === text.length ? text : text.slice(start, end), context);
  return start ? found.map((r) => ({ ...r, start: r.start + start, end: r.end + start })) : found;
}

/**
 * The references of the chunk that starts at `from` and is about `size` long, and where it ends. The detector reads
 * MARGIN more on each side; what it finds there belongs to the chunks before and after.
 */
export function nextChunk(
  text: string,
  from: number,
  size: number,
  context?: DetectContext,
): { refs: PaperRef[]; cut: number } {
  const winStart = Math.max(0, from - MARGIN);
  if (from + size >= text.length) {
    return { refs: detectIn(text, winStart, text.length, context).filter((r) => r.start >= from), cut: text.length };
  }
  const hi = from + size;
  const found = detectIn(text, winStart, Math.min(text.length, hi + MARGIN), context);
  const cut = cutPoint(text, found, from + Math.ceil(size / 2), hi);
  return { refs: found.filter((r) => r.start >= from && r.end <= cut), cut };
}

export interface ScanOptions {
  exclude?: (el: Element) => boolean;
  signal?: AbortSignal;
  /** Receives each new reference's first link (the element with `data-kamerlens-ref`). */
  links?: Element[];
  /** Called for each new reference's first link as it goes into the page. */
  onLink?: LinkWriterOptions['onLink'];
  now?: () => number;
  /** The page's own identity (identity.ts pageContext): references whose dossier only the page gives. */
  context?: DetectContext;
  /** Which kinds to link (the options' "Wat Kamerlens markeert"); all when absent. */
  kinds?: (kind: string) => boolean;
  /**
   * Finds the papers of the whole text elsewhere: the background (lib/messaging/found-papers.ts says why). When it
   * answers nothing or fails, the text is detected here, chunk by chunk, as without it. `scanRoots` only.
   */
  detect?: (text: string, context?: DetectContext) => Promise<readonly Linkable[] | undefined>;
}

/** The references of the chunk from `from` on, and where it ends: no reference spans the cut. */
type Chunker = (from: number) => { refs: readonly Linkable[]; cut: number };

/** Chunks detected here, each sized so that detecting it takes about STEP_MS. */
function detectingChunker(text: string, options: ScanOptions, now: () => number): Chunker {
  let size = CHUNK_START;
  return (from) => {
    const t0 = now();
    const chunk = nextChunk(text, from, size, options.context);
    const ms = now() - t0;
    size = Math.round(Math.min(CHUNK_MAX, Math.max(CHUNK_MIN, size * Math.min(2, STEP_MS / Math.max(ms, 0.01)))));
    return chunk;
  };
}

/** References found elsewhere, FOUND_STEP at a time (in text order, as `found` holds them). */
const FOUND_STEP = 256;

function foundChunker(text: string, found: readonly Linkable[]): Chunker {
  let next = 0;
  return () => {
    const refs = found.slice(next, next + FOUND_STEP);
    next += refs.length;
    return { refs, cut: next < found.length ? found[next]!.start : text.length };
  };
}

/** Links the chunks' references into the map's text, a step at a time, in batches (COMMIT_MS, COMMIT_NODES). */
function* linkSteps(map: TextMap, chunks: Chunker, options: ScanOptions, now: () => number): Generator<void, number> {
  const writer = new LinkWriter(map, { links: options.links, onLink: options.onLink, now });
  let committed = now();
  for (let from = 0; from < map.text.length; ) {
    const { refs, cut } = chunks(from);
    for (const ref of refs) if (!options.kinds || options.kinds(ref.kind)) writer.add(ref);
    from = cut;
    if (writer.pending >= COMMIT_NODES || now() - committed >= COMMIT_MS) {
      yield;
      while (!writer.commit(cut, now() + COMMIT_STEP_MS)) yield;
      committed = now();
    }
    yield;
  }
  while (!writer.commit(Number.POSITIVE_INFINITY, now() + COMMIT_STEP_MS)) yield;
  return writer.count;
}

function mapSteps(roots: readonly Element[], options: ScanOptions): Generator<void, TextMap> {
  return textMapSteps(roots, { exclude: options.exclude, cutLongerThan: PIECE_MAX });
}

/**
 * Finds and links the references under `roots` (which must not contain one another) as one sequence of small steps:
 * the text map of all roots, then chunk by chunk detection and linking. However many roots there are, a step is
 * small and the caller's slice clock runs across all of them. Resolves with the number of references linked.
 */
export function* scanSteps(roots: readonly Element[], options: ScanOptions = {}): Generator<void, number> {
  const map = yield* mapSteps(roots, options);
  const now = options.now ?? (() => performance.now());
  return yield* linkSteps(map, detectingChunker(map.text, options, now), options, now);
}

/**
 * Finds and links the references under each root, a slice at a time: with `detect`, the text map's papers are
 * found by it while the page goes on. Safe to run again on the same roots: text already inside a Kamerlens link (or
 * any link) is skipped, and so is text the page changed while `detect` ran (annotate.ts). Resolves with the number
 * of references linked.
 */
export async function scanRoots(roots: readonly Element[], options: ScanOptions = {}): Promise<number> {
  if (!roots.length) return 0;
  const { signal, detect } = options;
  if (!detect) return (await runStepsSliced(scanSteps(roots, options), { signal })) ?? 0;
  const map = await runStepsSliced(mapSteps(roots, options), { signal });
  if (!map) return 0;
  const found = await detect(map.text, options.context).catch(() => undefined);
  if (signal?.aborted) return 0;
  const now = options.now ?? (() => performance.now());
  const chunks = found ? foundChunker(map.text, found) : detectingChunker(map.text, options, now);
  return (await runStepsSliced(linkSteps(map, chunks, options, now), { signal })) ?? 0;
}

/** The references linked under the roots now: the papers' first links (motions are counted apart). */
export function countLinked(roots: readonly Element[]): number {
  let n = 0;
  for (const root of roots)
    n += root.querySelectorAll(`.${REF_CLASS}${has(ATTR.kind)}:not(${has(ATTR.kind, 'motion')})`).length;
  return n;
}
