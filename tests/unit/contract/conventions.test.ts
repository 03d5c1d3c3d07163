import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * One vocabulary (lib/contract/): no other module spells a `data-kamerlens-` name or an id prefix rule. The
 * detector (lib/refs/papers) reads ids out of running text with its own patterns and is left out on purpose: it
 * finds ids, it does not decide what an id is (its kinds must agree with the contract, checked below).
 */

const ROOT = join(import.meta.dirname, '../../..');
const DIRS = ['lib', 'entrypoints', 'components'];
const EXEMPT = [/^lib\/contract\//, /^lib\/refs\/papers\//];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The file without its comments, so that a comment citing `data-kamerlens-ref` or `kst-36333-39` is fine. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const files = DIRS.flatMap(sources)
  .map((path) => relative(ROOT, join(ROOT, path)))
  .filter((path) => !EXEMPT.some((re) => re.test(path)));

/** A string literal or a regex that names one of our attributes. */
const ATTRIBUTE = /['"`]data-kamerlens(?:-|['"`])/;
/** An id prefix as code tests or builds it: `'kst-'`, `/^kst-/`, `startsWith('h-tk-')`, `(kst|h-tk)-`. */
const PREFIX = /(?:['"`/^(|]|\\b)(?:kst|h-tk|h-ek|ah-tk|ah-ek|stb|stcrt|trb|dossier)(?:-|\|)/;

describe('one vocabulary', () => {
  it('reads source files at all', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('lib/dom/badges.ts');
  });

  it.each(files)('%s spells no data-kamerlens- name', (path) => {
    const lines = code(readFileSync(join(ROOT, path), 'utf8'))
      .split('\n')
      .filter((line) => ATTRIBUTE.test(line));
    expect(lines).toEqual([]);
  });

  it.each(files)('%s spells no id prefix rule', (path) => {
    const lines = code(readFileSync(join(ROOT, path), 'utf8'))
      .split('\n')
      .filter((line) => PREFIX.test(line));
    expect(lines).toEqual([]);
  });

  it('catches a spelled attribute and a prefix rule (the checks can fail)', () => {
    expect(ATTRIBUTE.test(`el.getAttribute('data-kamerlens-ref')`)).toBe(true);
    expect(ATTRIBUTE.test(`html.setAttribute("data-kamerlens", 'ready')`)).toBe(true);
    expect(PREFIX.test(`if (id.startsWith('kst-')) return 1;`)).toBe(true);
    expect(PREFIX.test('const re = /^(kst|h-tk)-/;')).toBe(true);
    expect(PREFIX.test(`const meeting = /^h-tk-(\\d{8})$/`)).toBe(true);
    expect(code('// data-kamerlens-ref\n/* kst-1 */ x')).not.toMatch(/kamerlens|kst/);
  });
});
