/**
 * `npm run --silent refs -- [--pillars] [--dossier 36333] FILE...`: the references in plain-text files, one JSON
 * object per line.
 *
 *   {"file":"kst-19637-2535.txt","kind":"kamerstuk","id":"kst-19637-2375","text":"Kamerstukken 19 637 en 30 573, nr. 2375","start":…,"end":…,…}
 *
 * Motions add "members" (and "id" when the text names the motion's document); with --pillars, pillar lines add
 * "pillar" (1–6) and "confidence". With --dossier the files are read as pages of that dossier (a paper's own page, the
 * Handelingen of its debate): `motie op stuk nr. 44` and `TER VERVANGING VAN DIE GEDRUKT ONDER NR. 404` then name
 * papers in it (lib/refs/papers/context.ts), at a lower confidence. Errors (an unreadable file) go to stderr and make the exit code 1, after the
 * other files have been printed.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { detect } from '../refs';
import type { Reference } from '../refs/types';
import { diffMain } from './diff';

function line(file: string, ref: Reference): string {
  const { kind, text, start, end, confidence } = ref;
  const base = { file, kind, ...('id' in ref && ref.id !== undefined ? { id: ref.id } : {}), text, start, end };
  if (ref.kind === 'motion') return JSON.stringify({ ...base, members: ref.members, cs: ref.cs, confidence });
  if (ref.kind === 'pillar') return JSON.stringify({ ...base, agenda: ref.agenda, pillar: ref.pillar, confidence });
  return JSON.stringify({ ...base, confidence, parts: ref.parts });
}

/** Where the CLI writes: stdout and stderr, or anything with a write method (tests). */
type Output = Pick<NodeJS.WritableStream, 'write'>;

const USAGE = 'usage: npm run --silent refs -- [--pillars] [--dossier NUMBER] FILE...\n';

export function main(argv: readonly string[], out: Output = process.stdout, err: Output = process.stderr): number {
  let pillars = false;
  let dossier: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--pillars') pillars = true;
    else if (arg === '--dossier' || arg.startsWith('--dossier=')) {
      const value = arg === '--dossier' ? argv[++i] : arg.slice('--dossier='.length);
      // `36333`, `36 333`, `36333-VI`: the dossier, optionally with its toevoeging.
      const m = value === undefined ? null : /^\s*(\d[\d ]{3,7}\d)(?:-([0-9A-Za-z]{1,6}))?\s*$/.exec(value);
      if (!m) {
        err.write(`refs: --dossier needs a dossier number (36333, 36333-VI), not ${JSON.stringify(value ?? '')}\n`);
        return 2;
      }
      dossier = m[2] ? `${m[1]}-${m[2]}` : m[1];
    } else files.push(arg);
  }
  if (!files.length) {
    err.write(USAGE);
    return 2;
  }
  const [number, toevoeging] = dossier?.split('-') ?? [];
  const context = number ? { dossier: number, ...(toevoeging ? { toevoeging } : {}) } : undefined;
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      err.write(`refs: cannot read ${file}: ${(error as Error).message}\n`);
      status = 1;
      continue;
    }
    for (const ref of detect(text, { pillars, ...(context ? { context } : {}) })) {
      out.write(`${line(basename(file), ref)}\n`);
    }
  }
  return status;
}

// `refs … | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (process.argv[1]?.endsWith('refs.ts')) {
  const argv = process.argv.slice(2);
  // `--diff BASE`: this engine against a git revision's, over the corpus (lib/cli/diff.ts).
  if (argv[0] === '--diff') void diffMain(argv.slice(1)).then((code) => (process.exitCode = code));
  else process.exitCode = main(argv);
}
