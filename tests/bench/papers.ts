import { detectPapers } from '../../lib/refs/papers';
import { realTexts } from '../support/realtexts';
import { corpusNames, corpusText, HAS_SHARED, NO_SHARED } from '../support/shared';
import { report } from './measure';

/**
 * The same baseline as detection.ts (not exported there): one pass of OpenTK's (tkconv) single-regex Kamerstuk
 * detector, ../shared/reference/data-sources.md §4.
 */
const BARE = /([1234][0-9]{4}|[1234][0-9]\s[0-9]{3})([ -][0-9A-Z]{1,5})?[,nr.\s-]{1,6}([1-9][0-9]{0,3})/g;

function barePass(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(BARE)) n++;
  return n;
}

/** The fastest of `rounds` single runs of each function, alternated so a busy spell slows all of them alike. */
function bestMs(text: string, fns: ((text: string) => unknown)[], rounds: number): number[] {
  // Warm up the JIT and any lazy initialisation. After one warm-up run, one bench in three put the real texts at
  // about 10x, not 6.5x, for the whole run (best of 300 all the same: the code stayed in a slower tier); after 50, 12
  // runs of the detection and paper benches in a row all gave 6.5-7.4x.
  for (let w = 0; w < 50; w++) for (const fn of fns) fn(text);
  const best = fns.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      fn(text);
      best[i] = Math.min(best[i]!, performance.now() - t0);
    });
  }
  return best;
}

/**
 * Paper detection (what the content script runs) against one bare regex pass over the same text, measured side by
 * side in this run, over the letters of ../shared/corpus and over the real KOOP motions of ../shared/corpus/realtexts
 * (issue 9: aim ≤ 3×). Each figure is the best of many single runs, taken alternately: on a machine shared with other
 * work an average over a time budget (measure.ts) swung by 2–4× between runs, the best run hardly at all.
 */
export function benchPapers(): void {
  if (!HAS_SHARED) {
    console.log(`# ${NO_SHARED}: paper detection figures need the corpus`);
    return;
  }
  const sets: [string, string][] = [
    [
      'letters',
      corpusNames()
        .map((name) => corpusText(name))
        .join('\n\n'),
    ],
    [
      'real texts',
      realTexts()
        .map((r) => r.text)
        .join('\n\n'),
    ],
  ];
  for (const [name, text] of sets) {
    const [bare, papers] = bestMs(text, [barePass, (t) => detectPapers(t)], 300) as [number, number];
    const mb = Buffer.byteLength(text, 'utf8') / 1e6;
    report(`${name}: size`, mb * 1e3, 'kB');
    report(`${name}: bare regex pass`, mb / (bare / 1000), 'MB/s');
    report(`${name}: paper detection`, mb / (papers / 1000), 'MB/s');
    report(`${name}: paper detection time vs bare regex pass`, papers / bare, 'x', 2);
  }
}

if (process.argv[1]?.endsWith('papers.ts')) benchPapers();
