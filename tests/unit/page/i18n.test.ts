import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_LABEL, MOTION_STATUS, REF_ERROR_LABEL, REF_KINDS, STATE_BADGE } from '../../../lib/contract';
import { messages } from './setup';

/**
 * Every text key the page code, the extension's pages (popup, all notes, options) and their components ask for
 * exists in both languages, with the same placeholders.
 */
const ROOT = join(import.meta.dirname, '../../..');
const SOURCES = [
  'lib/page',
  'lib/dom',
  'components',
  'entrypoints/options',
  'entrypoints/popup',
  'entrypoints/notes',
  // The options page's reasons for refusing an address.
  'lib/settings-validation.ts',
];
const used = new Set<string>();
for (const source of SOURCES) {
  const files = /\.tsx?$/.test(source) ? [source] : readdirSync(join(ROOT, source)).map((f) => join(source, f));
  for (const file of files) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\bt(?:Parts)?\(\s*'((?:badge|card|panel|page|options|notes|popup)_[a-z_]+)'/g)) {
      used.add(m[1]!);
    }
  }
}
for (const kind of REF_KINDS) used.add(KIND_LABEL[kind]);
for (const row of Object.values(MOTION_STATUS)) used.add(row.label);
for (const b of Object.values(STATE_BADGE)) if (b.label) used.add(b.label);
for (const key of Object.values(REF_ERROR_LABEL)) used.add(key);
for (const f of ['all', 'motions', 'adopted', 'rejected', 'held']) used.add(`panel_filter_${f}`);

describe('texts', () => {
  const nl = messages('nl');
  const en = messages('en');
  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(150);
  });
  it.each([...used].sort())('%s is in nl and en with the same placeholders', (key) => {
    expect(nl[key]?.message).toBeTruthy();
    expect(en[key]?.message).toBeTruthy();
    expect(Object.keys(nl[key]!.placeholders ?? {})).toEqual(Object.keys(en[key]!.placeholders ?? {}));
  });
});
