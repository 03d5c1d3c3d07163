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

  it('explains its usage when given no file', () => {
    const { status, err } = run([]);
    expect(status).toBe(2);
    expect(err).toMatch(/usage/);
  });
});
