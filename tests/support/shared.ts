import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `../shared` beside the project: read in place, never copied. `KAMERLENS_SHARED` points elsewhere when the project
 * is checked out on its own.
 */
export const SHARED_DIR = resolve(process.env.KAMERLENS_SHARED ?? join(PROJECT_ROOT, '../shared'));

export const HAS_SHARED = existsSync(join(SHARED_DIR, 'corpus', 'gold.json'));

/** Said by every test that is skipped for want of ../shared, so a run shows what it did not check. */
export const NO_SHARED = `../shared not found at ${SHARED_DIR} (set KAMERLENS_SHARED): corpus and conformance tests skipped`;

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** Corpus texts by base name (`kst-19637-2535`), or none when ../shared is absent. */
export function corpusNames(): string[] {
  if (!HAS_SHARED) return [];
  return readdirSync(sharedPath('corpus'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function corpusText(name: string): string {
  return readFileSync(sharedPath('corpus', `${name}.txt`), 'utf8');
}

/** The paragraphs (split at blank lines) of every corpus letter, in order; none without ../shared. */
export function corpusParagraphs(): string[] {
  return corpusNames().flatMap((name) => corpusText(name).split(/\n\s*\n/));
}

export interface GoldEntry {
  refs: string[];
  optional: string[];
  prefix: { kind: string; prefix: string; count: number }[];
  motions: { members: string[]; id?: string }[];
}

export function gold(): Record<string, GoldEntry> {
  const raw = JSON.parse(readFileSync(sharedPath('corpus', 'gold.json'), 'utf8')) as Record<string, unknown>;
  const entries: Record<string, GoldEntry> = {};
  for (const [file, entry] of Object.entries(raw)) {
    if (file.endsWith('.txt')) entries[file.slice(0, -4)] = entry as GoldEntry;
  }
  return entries;
}
