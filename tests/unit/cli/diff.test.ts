import { describe, expect, it } from 'vitest';
import { diffFile, diffMain, formatDiff, found, pairedSpeed, stripTags } from '../../../lib/cli/diff';

describe('stripTags', () => {
  it('keeps the text of a KOOP publication, blocks on their own lines, inline tags gone', () => {
    // From ../shared/corpus/realtexts/kst-24587-956.xml.
    const xml =
      '<al>constaterende dat de Kamer zowel het amendement op stuk nr. <extref doc="kst-36410-VI-37" soort="document">37 (36 410 VI)</extref> als</al><al>verzoekt &amp; gaat over tot de orde&#160;van de dag.</al>';
    expect(stripTags(xml)).toBe(
      'constaterende dat de Kamer zowel het amendement op stuk nr. 37 (36 410 VI) als\nverzoekt & gaat over tot de orde\u00a0van de dag.\n',
    );
  });

  it('leaves an unknown entity as it stands', () => {
    expect(stripTags('a &foo; b &#x110000; c')).toBe('a &foo; b &#x110000; c');
  });
});

describe('the corpus diff', () => {
  const base = found([
    { kind: 'kamerstuk', id: 'kst-19637-2375' },
    { kind: 'kamerstuk', id: 'kst-19637-2375' },
    { kind: 'motion', members: ['groothuizen'] },
  ]);
  const head = found([
    { kind: 'kamerstuk', id: 'kst-19637-2375' },
    { kind: 'kamerstuk', id: 'kst-36410-VI-37' },
    { kind: 'motion', members: ['groothuizen'] },
  ]);

  it('counts repeats, so a second mention gained or lost shows', () => {
    expect(diffFile('a.txt', base, head)).toEqual({
      name: 'a.txt',
      gained: ['kamerstuk kst-36410-VI-37'],
      lost: ['kamerstuk kst-19637-2375'],
      base: 3,
      head: 3,
    });
  });

  it('prints changed files, the totals and both speeds', () => {
    const files = [diffFile('a.txt', base, head), diffFile('b.txt', head, head)];
    expect(formatDiff('HEAD~1', files, { base: 22.04, head: 51.26 })).toBe(
      [
        'a.txt: 3 → 3',
        '  + kamerstuk kst-36410-VI-37',
        '  - kamerstuk kst-19637-2375',
        'total: 2 files, 1 changed; 6 references at HEAD~1, 6 in the working tree; +1 -1',
        'throughput (MB/s, same run): HEAD~1 22.0, working tree 51.3',
        '',
      ].join('\n'),
    );
  });

  it("prints the whole engine's speeds from passes taken in turn, when it has them", () => {
    const out = formatDiff(
      'main',
      [diffFile('a.txt', head, head)],
      { base: 1, head: 1 },
      {
        base: 7.04,
        head: 7.71,
        ratio: 1.0951,
        pairs: 40,
      },
    );
    expect(out).toContain(
      'with pillars (MB/s, median of 40 passes each, taken in turn): main 7.0, working tree 7.7; the working tree 1.095× as fast (median of the pairs)',
    );
  });

  it('times both engines in passes taken in turn, each first every other time, and gives the median ratio', () => {
    // A clock of the test's own: BASE takes 2 ms a text, the working tree 1 ms, and each pass is logged.
    let t = 0;
    const order: string[] = [];
    const slow = () => {
      t += 2;
      order.push('base');
    };
    const fast = () => {
      t += 1;
      order.push('head');
    };
    const speed = pairedSpeed(slow, fast, ['één', 'twee'], { budgetMs: 60, now: () => t });
    expect(speed.ratio).toBe(2);
    expect(speed.pairs).toBe(10);
    // 9 bytes of UTF-8 in 4 ms and in 2 ms.
    expect(speed.base).toBeCloseTo(9 / 4e-3 / 1e6, 10);
    expect(speed.head).toBeCloseTo(9 / 2e-3 / 1e6, 10);
    // After the warm-up pass of each: BASE first, then the working tree first, and so on.
    expect(order.slice(4, 12)).toEqual(['base', 'base', 'head', 'head', 'head', 'head', 'base', 'base']);
  });

  it('says so when nothing changed', () => {
    expect(formatDiff('main', [diffFile('a.txt', head, head)], { base: 1, head: 1 })).toContain('no change in 1 files');
  });

  it('asks for a revision', async () => {
    const err: string[] = [];
    const code = await diffMain([], { write: () => true }, { write: (s: string) => err.push(s) > 0 });
    expect(code).toBe(2);
    expect(err.join('')).toContain('usage');
  });

  it('refuses a revision git does not know, and says why', async () => {
    const err: string[] = [];
    const code = await diffMain(
      ['no-such-revision-xyz'],
      { write: () => true },
      { write: (s: string) => err.push(s) > 0 },
    );
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/refs --diff: /);
  });
});
