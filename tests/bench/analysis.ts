import { readCorpus } from '../../lib/cli/diff';
import { analyseText } from '../../lib/refs/analyse';
import { findFootnotes } from '../../lib/refs/footnotes';
import { detectMotions } from '../../lib/refs/motions';
import { withCompromise } from '../../lib/refs/motions/tokens';
import { detectPapers } from '../../lib/refs/papers';
import { labelPillars } from '../../lib/refs/pillars';
import { HAS_SHARED, NO_SHARED, sharedPath } from '../support/shared';
import { motionDense } from '../support/texts';
import { report, runStats, throughput } from './measure';

/**
 * The background's full analysis (`analyseText`: papers again, motions, pillars) and, for the record, the
 * footnotes the content script passes it; over the corpus letters, KOOP's real texts (tags stripped) and 1 MB of
 * generated motion-dense text (tests/support/texts.ts). Issue 9 asks ≥ 10 MB/s; it was about 1. Beside each, the
 * same analysis with compromise tokenising every window and piece, as before lib/refs/words.ts, measured in the
 * same run: the two give the same result (tests/unit/refs/words.test.ts).
 */
export function benchAnalysis(): void {
  const sets: [string, string][] = [['motion-dense text', motionDense(1_000_000)]];
  if (HAS_SHARED) {
    const files = readCorpus(sharedPath('corpus'));
    sets.unshift(
      [
        'letters',
        files
          .filter((f) => !f.name.startsWith('realtexts/'))
          .map((f) => f.text)
          .join('\n\n'),
      ],
      [
        'real texts',
        files
          .filter((f) => f.name.startsWith('realtexts/'))
          .map((f) => f.text)
          .join('\n\n'),
      ],
    );
  } else console.log(`# ${NO_SHARED}: analysis figures for the motion-dense text only`);
  for (const [name, text] of sets) {
    const footnotes = findFootnotes(text);
    const papers = detectPapers(text);
    const stats = runStats(text, (t) => analyseText(t, footnotes));
    const now = stats.mean;
    const before = throughput(text, (t) =>
      withCompromise(() => ({
        motions: detectMotions(t, detectPapers(t), footnotes),
        pillars: labelPillars(t, { compromise: true }),
      })),
    );
    report(`full analysis on ${name}`, now, 'MB/s');
    report(`  full analysis on ${name}, median run`, stats.median, 'MB/s');
    report(`  full analysis on ${name}, fastest run`, stats.best, 'MB/s');
    report(`  with compromise tokenising, as before, on ${name}`, before, 'MB/s');
    report(`  speed-up over compromise tokenising on ${name}`, now / before, 'x');
    // The parts by their median run: their means, each over a budget of its own, were seen below the mean of the
    // whole analysis they are part of, when the machine was busier for them.
    report(
      `  motions on ${name}, median run`,
      runStats(text, (t) => detectMotions(t, papers, footnotes)).median,
      'MB/s',
    );
    report(`  pillars on ${name}, median run`, runStats(text, (t) => labelPillars(t)).median, 'MB/s');
    report(`  footnotes on ${name}`, throughput(text, findFootnotes), 'MB/s');
  }
}

if (process.argv[1]?.endsWith('analysis.ts')) benchAnalysis();
