import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_LABEL, MOTION_STATUS, REF_ERROR_LABEL, REF_KINDS, STATE_BADGE } from '../../../lib/contract';
import { PAGE_TEXT_KEYS } from '../../../lib/messaging/page-texts';
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

/**
 * The keys the page layer asks for (its code, the tables of lib/contract, the dates of lib/i18n.ts): any literal key,
 * whatever its prefix, so that one the background's page texts lack (lib/messaging/page-texts.ts) is caught here
 * rather than loading the message catalogues on every page.
 */
const pageUsed = new Set<string>();
for (const dir of ['lib/page', 'lib/dom', 'entrypoints/content']) {
  for (const file of readdirSync(join(ROOT, dir))) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(join(ROOT, dir, file), 'utf8');
    for (const m of text.matchAll(/\bt(?:Parts)?\(\s*'([a-z_]+)'/g)) pageUsed.add(m[1]!);
  }
}
for (const key of readFileSync(join(ROOT, 'lib/i18n.ts'), 'utf8').matchAll(/\bt\(\s*'([a-z_]+)'/g))
  pageUsed.add(key[1]!);
for (let month = 1; month <= 12; month++) pageUsed.add(`date_month_${month}`).add(`date_month_short_${month}`);
for (const kind of REF_KINDS) pageUsed.add(KIND_LABEL[kind]);
for (const row of Object.values(MOTION_STATUS)) pageUsed.add(row.label);
for (const b of Object.values(STATE_BADGE)) if (b.label) pageUsed.add(b.label);
for (const key of Object.values(REF_ERROR_LABEL)) pageUsed.add(key);
for (const f of ['all', 'motions', 'adopted', 'rejected', 'held']) pageUsed.add(`panel_filter_${f}`);

describe('the page texts the background hands over', () => {
  it.each([...pageUsed].sort())('include %s', (key) => {
    expect(PAGE_TEXT_KEYS).toContain(key);
  });
  it('are found in the page code', () => {
    expect(pageUsed.size).toBeGreaterThan(90);
  });
});

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
