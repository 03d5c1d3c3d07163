import { detectPapers } from '../../lib/refs/papers';
import { realTexts } from '../support/realtexts';
import { corpusNames, corpusText, HAS_SHARED, NO_SHARED } from '../support/shared';
import { report, throughput } from './measure';

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

/**
 * Paper detection (what the content script runs) against one bare regex pass over the same text, measured side by
 * side in this run, over the letters of ../shared/corpus and over the real KOOP motions of ../shared/corpus/realtexts
 * (issue 9: aim ≤ 3×). Each pair is measured twice, alternately, and the better of each kept, so a busy spell on a
 * shared machine slows both sides alike.
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
    let bare = 0;
    let papers = 0;
    for (let round = 0; round < 2; round++) {
      bare = Math.max(bare, throughput(text, barePass, 1000));
      papers = Math.max(
        papers,
        throughput(text, (t) => detectPapers(t), 1000),
      );
    }
    report(`${name}: size`, Buffer.byteLength(text, 'utf8') / 1e3, 'kB');
    report(`${name}: bare regex pass`, bare, 'MB/s');
    report(`${name}: paper detection`, papers, 'MB/s');
    report(`${name}: paper detection time vs bare regex pass`, bare / papers, 'x', 2);
  }
}

if (process.argv[1]?.endsWith('papers.ts')) benchPapers();
