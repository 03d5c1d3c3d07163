import { detectMotions, motionScanner } from './motions';
import { detectPapers } from './papers';
import { labelPillars, pillarLabelling } from './pillars';
import type { Footnote, MotionRef, PillarRef } from './types';

export interface Analysis {
  motions: MotionRef[];
  pillars: PillarRef[];
}

/**
 * The part of detection that follows compromise's rules (motion names, pillar vocabulary): run away from the page,
 * in the background, on the text the content script read. Papers are detected again here because motions take their ids
 * from citations; that costs well under a millisecond per page.
 */
export function analyseText(text: string, footnotes: readonly Footnote[]): Analysis {
  const papers = detectPapers(text);
  return { motions: detectMotions(text, papers, footnotes), pillars: labelPillars(text) };
}

/**
 * Characters per window. With compromise tokenising, the analysis read 0.3–1 MB/s where a text is dense with
 * motions or pillar vocabulary (2 MB in 8 000-character windows: a median window of 12–29 ms on a busy two-core
 * machine); without it (lib/refs/words.ts) it reads two to four times as fast (`npm run bench`), so the background
 * answers other tabs' lookups between windows well within the 50 ms a task may take before it is felt.
 */
export const ANALYSIS_WINDOW = 8_000;

/** Waits for the next macrotask, so that messages already queued (other tabs' lookups) are handled first. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface WindowOptions {
  /** Characters per window; see ANALYSIS_WINDOW. */
  window?: number;
  /** What runs between windows; by default `nextTask`. */
  pause?: () => Promise<void>;
  /**
   * Stops the analysis at its next pause, with the signal's reason: no one wants it any more (its tab closed, its
   * page asked again; lib/messaging/turns.ts).
   */
  signal?: AbortSignal;
}

/**
 * Where a window that should end near `at` ends: at the last blank line, else the last white space, in the second
 * half of the window — never inside a word, where a motion word or a name would be cut — or at `at` itself.
 */
export function windowEnd(text: string, from: number, at: number): number {
  if (at >= text.length) return text.length;
  const floor = from + Math.floor((at - from) / 2);
  const blank = text.lastIndexOf('\n\n', at);
  if (blank > floor) return blank + 1;
  for (let i = at; i > floor; i--) if (/\s/.test(text[i]!)) return i;
  return at;
}

/**
 * `analyseText` in windows, with a pause between them: one long page (the cap is 2 MB) never keeps the background
 * busy so that every other tab's lookups wait behind it (issue 8, finding 10: 1 MB of motion-dense text took 6–23 s
 * in one go). Each window reads the motions whose motion word stands in it, and about as many characters of the
 * pillar labeller's pieces; each reads the whole text around what it looks at, so the result is the one of
 * `analyseText`, whatever the window (tests/unit/refs/analyse.test.ts). Paper detection runs over the whole text
 * first, in one step: it is the content script's fast pass (`npm run bench`), and its references must not be cut;
 * the pillar labeller's layout pass is one more step. Both are linear and far faster than the windows.
 */
export async function analyseTextInWindows(
  text: string,
  footnotes: readonly Footnote[],
  options: WindowOptions = {},
): Promise<Analysis> {
  const size = Math.max(1, options.window ?? ANALYSIS_WINDOW);
  const { signal } = options;
  const wait = options.pause ?? nextTask;
  const pause = async () => {
    await wait();
    signal?.throwIfAborted();
  };
  signal?.throwIfAborted();
  const papers = detectPapers(text);
  await pause();
  const motionsUntil = motionScanner(text, papers, footnotes);
  // Its layout pass reads the whole text: a step of its own.
  const labelling = pillarLabelling(text);
  await pause();
  const motions: MotionRef[] = [];
  let labelled = false;
  for (let from = 0; from < text.length || !labelled; ) {
    const to = windowEnd(text, from, from + size);
    motions.push(...motionsUntil(to));
    if (!labelled) labelled = labelling.step(size);
    from = to;
    if (from < text.length || !labelled) await pause();
  }
  return { motions, pillars: labelling.labels() };
}
