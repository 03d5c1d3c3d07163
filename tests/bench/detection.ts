import { detect, detectPapers } from '../../lib/refs';
import { corpusNames, corpusText, HAS_SHARED, NO_SHARED } from '../support/shared';
import { report, throughput } from './measure';

/**
 * The baseline: one pass of a single-regex Kamerstuk detector, the generic pattern OpenTK (tkconv) links with
 * (../shared/reference/data-sources.md §4): dossier, optional toevoeging, separator, volgnummer.
 */
const BARE = /([1234][0-9]{4}|[1234][0-9]\s[0-9]{3})([ -][0-9A-Z]{1,5})?[,nr.\s-]{1,6}([1-9][0-9]{0,3})/g;

export function benchDetection(): void {
  if (!HAS_SHARED) {
    console.log(`# ${NO_SHARED}: detection figures need the corpus`);
    return;
  }
  const text = corpusNames()
    .map((name) => corpusText(name))
    .join('\n\n');
  const bare = throughput(text, (t) => {
    let n = 0;
    for (const _ of t.matchAll(BARE)) n++;
    return n;
  });
  const papers = throughput(text, detectPapers);
  const withMotions = throughput(text, (t) => detect(t));
  const full = throughput(text, (t) => detect(t, { pillars: true }));
  report('corpus size', Buffer.byteLength(text, 'utf8') / 1e3, 'kB');
  report('bare regex pass', bare, 'MB/s');
  report('paper detection (content script)', papers, 'MB/s');
  report('paper detection time vs bare regex pass', bare / papers, 'x', 2);
  report('detection with motions', withMotions, 'MB/s');
  report('detection with motions time vs bare regex pass', bare / withMotions, 'x', 2);
  report('full detection with motions and pillars', full, 'MB/s');
  report('full detection time vs bare regex pass', bare / full, 'x', 2);
}
