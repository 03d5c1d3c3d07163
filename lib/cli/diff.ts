/**
 * `npm run refs -- --diff BASE`: the engine of the working tree against the engine of a git revision, over the
 * corpus letters (`../shared/corpus/*.txt`) and the real KOOP texts (`../shared/corpus/realtexts/*.xml`, tags
 * stripped): per file the ids gained and lost (papers, motions and pillar labels), the totals, and the throughput of
 * both engines measured side by side in this one run (issue 9: paper detection slowed from 51 to 22 MB/s over three
 * commits without anyone noticing): of papers and motions as the content script and the tests call `detect`, and of
 * the whole engine, pillars included, in passes taken in turn (`pairedSpeed`).
 *
 * BASE's `lib/` is materialised with `git archive` into a temporary directory (with a `node_modules` symlink to
 * the project's, so it resolves the same packages), its `lib/refs/index.ts` is loaded with a dynamic import (tsx compiles it),
 * and the directory is removed afterwards, also when something fails. Both engines load the same compromise module
 * (the symlink resolves to one file), so a lexicon plugin that BASE registers is seen by the working tree's engine
 * too: a change to the motion lexicon shows only half its effect here; the paper detectors use no compromise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One text of the corpus, by file name. */
export interface CorpusFile {
  name: string;
  text: string;
}

/** Elements of KOOP's XML that end a line of text; every other tag is dropped without a trace (`<extref>`). */
const BLOCK_END =
  /<\/(?:al|titel|tekstregel|stuknr|datumtekst|dossiernr|li|kop|regel|naam|functie|ondertekening|p)>|<br\s*\/?>/g;
const TAG = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The plain text of a KOOP XML publication: blocks on lines of their own, inline tags gone, entities decoded. */
export function stripTags(xml: string): string {
  return xml
    .replace(BLOCK_END, '\n')
    .replace(TAG, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** The letters and the real texts of `../shared/corpus`, in name order; an absent folder gives nothing. */
export function readCorpus(corpusDir: string): CorpusFile[] {
  const read = (dir: string, ext: string, toText: (raw: string) => string, prefix: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(ext))
          .sort()
          .map((f) => ({ name: prefix + f, text: toText(readFileSync(join(dir, f), 'utf8')) }))
      : [];
  return [
    ...read(corpusDir, '.txt', (raw) => raw, ''),
    ...read(join(corpusDir, 'realtexts'), '.xml', stripTags, 'realtexts/'),
  ];
}

/** What changed in one file: ids (with their kind, `kamerstuk kst-19637-2375`) found only by one engine. */
export interface FileDiff {
  name: string;
  gained: string[];
  lost: string[];
  base: number;
  head: number;
}

/** The ids an engine finds, as `kind id` (motions without an id as `motion members`), counted per file. */
export type Found = ReadonlyMap<string, number>;

/** Counts of `kind id` keys in a list of references; repeats count, so a second mention gained shows. */
export function found(refs: readonly { kind: string; id?: string; members?: string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ref of refs) {
    const key = `${ref.kind} ${ref.id ?? ref.members?.join('/') ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The multiset difference: keys the head has more of are gained (once per extra), fewer lost. */
export function diffFile(name: string, base: Found, head: Found): FileDiff {
  const gained: string[] = [];
  const lost: string[] = [];
  for (const key of new Set([...base.keys(), ...head.keys()])) {
    const delta = (head.get(key) ?? 0) - (base.get(key) ?? 0);
    for (let i = 0; i < Math.abs(delta); i++) (delta > 0 ? gained : lost).push(key);
  }
  const total = (m: Found) => [...m.values()].reduce((a, b) => a + b, 0);
  return { name, gained: gained.sort(), lost: lost.sort(), base: total(base), head: total(head) };
}

/** Throughput of one engine over the whole corpus, in MB/s of UTF-8. */
export interface Speed {
  base: number;
  head: number;
}

/**
 * The whole engine (with the pillar labeller) of both revisions, passes over the corpus taken in turn: the median
 * pass of each in MB/s, and the median of the paired ratios, which is what shows a change of a few per cent. On a
 * shared two-core machine the best of two one-second runs of each swung by ±12% between runs of the same code; the
 * median paired ratio of two builds of the same code, run in one process, stayed within about 1%.
 */
export interface PairedSpeed {
  base: number;
  head: number;
  /** How many times as fast the working tree is: the median over the pairs of BASE's time / the working tree's. */
  ratio: number;
  pairs: number;
}

/**
 * `PairedSpeed` of two engines over the texts, passes alternating in order (BASE first, then the working tree first)
 * until `budgetMs` is used, after a warm-up pass of each. `now` is the clock (a test's own).
 */
export function pairedSpeed(
  base: (text: string) => unknown,
  head: (text: string) => unknown,
  texts: readonly string[],
  { budgetMs = 4000, now = () => performance.now() }: { budgetMs?: number; now?: () => number } = {},
): PairedSpeed {
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0);
  const pass = (fn: (text: string) => unknown) => {
    const t0 = now();
    for (const t of texts) fn(t);
    return now() - t0;
  };
  pass(base);
  pass(head);
  const baseMs: number[] = [];
  const headMs: number[] = [];
  const ratios: number[] = [];
  for (const start = now(); now() - start < budgetMs || !ratios.length; ) {
    // Every other pair the working tree goes first, so neither always runs in the other's wake.
    let b: number;
    let h: number;
    if (ratios.length % 2) {
      h = pass(head);
      b = pass(base);
    } else {
      b = pass(base);
      h = pass(head);
    }
    baseMs.push(b);
    headMs.push(h);
    ratios.push(b / Math.max(h, 1e-9));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  const mbps = (ms: number) => bytes / (Math.max(ms, 1e-9) / 1000) / 1e6;
  return { base: mbps(median(baseMs)), head: mbps(median(headMs)), ratio: median(ratios), pairs: ratios.length };
}

/** The report: changed files with their ids, then totals and the speeds side by side. */
export function formatDiff(baseName: string, files: readonly FileDiff[], speed: Speed, full?: PairedSpeed): string {
  const lines: string[] = [];
  for (const f of files) {
    if (!f.gained.length && !f.lost.length) continue;
    lines.push(`${f.name}: ${f.base} → ${f.head}`);
    for (const key of f.gained) lines.push(`  + ${key}`);
    for (const key of f.lost) lines.push(`  - ${key}`);
  }
  const sum = (pick: (f: FileDiff) => number) => files.reduce((a, f) => a + pick(f), 0);
  const changed = files.filter((f) => f.gained.length || f.lost.length).length;
  if (!changed) lines.push(`no change in ${files.length} files`);
  lines.push(
    `total: ${files.length} files, ${changed} changed; ${sum((f) => f.base)} references at ${baseName}, ${sum((f) => f.head)} in the working tree; +${sum((f) => f.gained.length)} -${sum((f) => f.lost.length)}`,
  );
  lines.push(
    `throughput (MB/s, same run): ${baseName} ${speed.base.toFixed(1)}, working tree ${speed.head.toFixed(1)}`,
  );
  if (full) {
    lines.push(
      `with pillars (MB/s, median of ${full.pairs} passes each, taken in turn): ${baseName} ${full.base.toFixed(1)}, ` +
        `working tree ${full.head.toFixed(1)}; the working tree ${full.ratio.toFixed(3)}× as fast (median of the pairs)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What the diff needs of an engine: `detect` as lib/refs/index.ts exports it. */
export type Detect = (
  text: string,
  options?: { pillars?: boolean },
) => { kind: string; id?: string; members?: string[] }[];

/** MB/s of `detect` over the texts: repeated until `budgetMs` is used, after one warm-up pass. */
export function measure(detect: Detect, texts: readonly string[], budgetMs = 1000): number {
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0);
  for (const t of texts) detect(t);
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    for (const t of texts) detect(t);
    runs++;
  }
  return (bytes * runs) / ((performance.now() - t0) / 1000) / 1e6;
}

/** Runs the diff; `out` gets the report. Throws when BASE is no revision (git's message says why). */
export async function runDiff(
  base: string,
  projectRoot: string,
  corpusDir: string,
  head: Detect,
  out: Pick<NodeJS.WritableStream, 'write'>,
): Promise<void> {
  const files = readCorpus(corpusDir);
  if (!files.length) throw new Error(`no corpus at ${corpusDir}`);
  const commit = execFileSync('git', ['rev-parse', '--verify', `${base}^{commit}`], {
    cwd: projectRoot,
    encoding: 'utf8',
  }).trim();
  // The base's imports of packages (compromise) resolve through the node_modules symlink.
  const dir = mkdtempSync(join(tmpdir(), 'kamerlens-diff-'));
  try {
    execFileSync('sh', ['-c', `git archive ${commit} lib | tar -x -C "${dir}"`], { cwd: projectRoot });
    symlinkSync(resolve(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // The project's module type, so BASE's files load as ES modules, as the working tree's do: without a
    // package.json tsx compiles them to CommonJS, whose imports read every binding through a getter (seen in
    // profiles as `get` frames in lib/refs/ids.ts and cursor.ts), so the two engines were not measured alike.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const engine = (await import(pathToFileURL(join(dir, 'lib/refs/index.ts')).href)) as { detect: Detect };
    // With the pillar labels: a change to the labeller shows as labels gained and lost (`pillar pijler-ima-4`).
    const all = { pillars: true };
    const diffs = files.map((f) => diffFile(f.name, found(engine.detect(f.text, all)), found(head(f.text, all))));
    const texts = files.map((f) => f.text);
    // Alternately, twice each, so a busy spell slows both alike; the better of each.
    const speeds = { base: 0, head: 0 };
    for (let round = 0; round < 2; round++) {
      speeds.base = Math.max(speeds.base, measure(engine.detect, texts));
      speeds.head = Math.max(speeds.head, measure(head, texts));
    }
    const full = pairedSpeed(
      (t) => engine.detect(t, all),
      (t) => head(t, all),
      texts,
    );
    out.write(formatDiff(base, diffs, speeds, full));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The command: `--diff BASE` (its flag already taken off by refs.ts); returns the exit code. */
export async function diffMain(
  argv: readonly string[],
  out: Pick<NodeJS.WritableStream, 'write'> = process.stdout,
  err: Pick<NodeJS.WritableStream, 'write'> = process.stderr,
): Promise<number> {
  const [base, ...rest] = argv;
  if (!base || rest.length) {
    err.write('usage: npm run --silent refs -- --diff BASE   (BASE: a git revision, e.g. HEAD~3 or main)\n');
    return 2;
  }
  const shared = resolve(process.env.KAMERLENS_SHARED ?? join(PROJECT_ROOT, '../shared'));
  try {
    const { detect } = await import('../refs');
    await runDiff(base, PROJECT_ROOT, join(shared, 'corpus'), detect, out);
    return 0;
  } catch (error) {
    err.write(`refs --diff: ${(error as Error).message}\n`);
    return 1;
  }
}
