import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTES_ERRORS_NL } from '../../../lib/notes/errors';

const ROOT = join(__dirname, '..', '..', '..');
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'assets', 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

/** Every `t('notes_…')` / `t('popup_…')` / `key: 'notes_…'` key in the code of the notes pages, the options page and the background. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name))
        // `t('notes_…')`, and the keys an error carries to be translated where it is shown (`key: 'notes_…'`).
        for (const m of readFileSync(join(ROOT, path), 'utf8').matchAll(/\b(?:t\(|key: )'((?:notes|popup)_[a-z_]+)'/g))
          keys.add(m[1]!);
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(dir);
  return [...keys].sort();
}

describe('the notes texts', () => {
  it('use no `$1$`-shaped text, which Chrome reads as a named placeholder and refuses to load the extension for', () => {
    for (const lang of ['nl', 'en']) {
      const bad = Object.entries(locale(lang)).filter(([, v]) => /\$\d+\$/.test(v.message));
      expect(bad.map(([k]) => `${lang}: ${k}`)).toEqual([]);
    }
  });

  it('exist in Dutch and English for every key the code uses, with the same placeholders', () => {
    const nl = locale('nl');
    const en = locale('en');
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !nl[k])).toEqual([]);
    expect(keys.filter((k) => !en[k])).toEqual([]);
    const holes = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
    for (const k of keys) expect(holes(en[k]!.message), k).toEqual(holes(nl[k]!.message));
  });

  it('finds the error keys, and the Dutch defaults of lib/notes are word for word the Dutch messages', () => {
    const nl = locale('nl');
    const en = locale('en');
    const keys = usedKeys();
    expect(keys).toContain('notes_error_version');
    expect(keys).toContain('notes_problem_duplicate');
    for (const [key, text] of Object.entries(NOTES_ERRORS_NL)) {
      expect(keys, key).toContain(key);
      expect(nl[key]?.message, key).toBe(text);
      expect(en[key]?.message, key).toBeTruthy();
    }
  });
});
