import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_LABEL, MOTION_STATUS, REF_ERROR_LABEL, REF_KINDS, STATE_BADGE } from '../../../lib/contract';
import { messages } from './setup';

/** Every text key the page code asks for exists in both languages, with the same placeholders. */
const ROOT = join(import.meta.dirname, '../../..');
const used = new Set<string>();
for (const dir of ['lib/page', 'lib/dom', 'entrypoints/options']) {
  for (const file of readdirSync(join(ROOT, dir))) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(join(ROOT, dir, file), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'((?:badge|card|panel|page)_[a-z_]+)'/g)) used.add(m[1]!);
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
    expect(used.size).toBeGreaterThan(30);
  });
  it.each([...used].sort())('%s is in nl and en with the same placeholders', (key) => {
    expect(nl[key]?.message).toBeTruthy();
    expect(en[key]?.message).toBeTruthy();
    expect(Object.keys(nl[key]!.placeholders ?? {})).toEqual(Object.keys(en[key]!.placeholders ?? {}));
  });
});
