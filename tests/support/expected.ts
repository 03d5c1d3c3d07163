import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './shared';

/** What a hand-written fixture page must yield, kept once beside the pages (tests/fixtures/expected/<page>.json). */
export interface ExpectedPage {
  papers: string[];
  late?: string;
}

export function expectedFor(page: string): ExpectedPage {
  return JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'expected', `${page}.json`), 'utf8'),
  ) as ExpectedPage;
}

/** The papers of the OB edge-case page once its late paragraph is in: the late one before the footnote. */
export function withLate(expected: ExpectedPage): string[] {
  const papers = [...expected.papers];
  if (expected.late) papers.splice(papers.length - 1, 0, expected.late);
  return papers;
}
