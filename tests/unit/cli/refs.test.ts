import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/refs';

/** A writable that keeps what it is given, standing in for stdout or stderr. */
function sink() {
  const chunks: string[] = [];
  return {
    stream: {
      write(s: string) {
        chunks.push(s);
        return true;
      },
    },
    text: () => chunks.join(''),
  };
}

function run(args: string[]) {
  const out = sink();
  const err = sink();
  const status = main(args, out.stream, err.stream);
  return {
    status,
    lines: out
      .text()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    err: err.text(),
  };
}

describe('the refs CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kamerlens-cli-'));
  const file = join(dir, 'brief.txt');
  writeFileSync(file, 'Zie Kamerstuk 19 637, nr. 2375 en Stb. 2019, 143.\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object per reference with file, kind, id, text and span', () => {
    const { status, lines } = run([file]);
    expect(status).toBe(0);
    expect(lines).toMatchObject([
      {
        file: 'brief.txt',
        kind: 'kamerstuk',
        id: 'kst-19637-2375',
        text: 'Kamerstuk 19 637, nr. 2375',
        start: 4,
        end: 30,
      },
      { file: 'brief.txt', kind: 'staatsblad', id: 'stb-2019-143', text: 'Stb. 2019, 143', start: 34, end: 48 },
    ]);
  });

  it('reports an unreadable file on stderr, still prints the others, and exits 1', () => {
    const { status, lines, err } = run([join(dir, 'missing.txt'), file]);
    expect(status).toBe(1);
    expect(err).toMatch(/cannot read .*missing\.txt/);
    expect(lines).toHaveLength(2);
  });

  it('reads the files as pages of a dossier with --dossier: references the page completes, at a lower confidence', () => {
    const page = join(dir, 'handelingen.txt');
    writeFileSync(page, 'In stemming komt de motie op stuk nr. 44. Zie ook Kamerstuk 19 637, nr. 2375.\n');
    expect(run([page]).lines.map((l) => l.id)).toEqual(['kst-19637-2375']);
    for (const args of [
      ['--dossier', '36333', page],
      [`--dossier=36 333`, page],
      [page, '--dossier', '36333'],
    ]) {
      const { status, lines } = run(args);
      expect(status).toBe(0);
      expect(lines.map((l) => [l.id, l.text])).toEqual([
        ['kst-36333-44', 'nr. 44'],
        ['kst-19637-2375', 'Kamerstuk 19 637, nr. 2375'],
      ]);
      expect(lines[0].confidence).toBeLessThan(lines[1].confidence);
      expect(lines[0].parts).toMatchObject({ dossier: '36333', number: '44', fromPage: true });
    }
    expect(run(['--dossier', '36410-XIV', page]).lines[0].id).toBe('kst-36410-XIV-44');
  });

  it('refuses a --dossier that is not a dossier number', () => {
    for (const args of [['--dossier'], ['--dossier', 'abc', file], ['--dossier=', file]]) {
      const { status, err, lines } = run(args);
      expect(status).toBe(2);
      expect(err).toMatch(/--dossier needs a dossier number/);
      expect(lines).toEqual([]);
    }
  });

  it('explains its usage when given no file', () => {
    const { status, err } = run([]);
    expect(status).toBe(2);
    expect(err).toMatch(/usage/);
  });
});
