import type { GoldEntry } from './shared';

/** Matching found references against a gold entry: each gold mention is used once. */
export interface PaperScore {
  found: number;
  /** Found ids matched to a required gold mention, an optional one, or a prefix allowance. */
  matched: number;
  matchedRequired: number;
  required: number;
  /** Found ids the gold does not allow, and required gold mentions not found. */
  extra: string[];
  missed: string[];
}

function counts(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

function take(m: Map<string, number>, id: string): boolean {
  const n = m.get(id) ?? 0;
  if (n <= 0) return false;
  m.set(id, n - 1);
  return true;
}

export function scorePapers(foundIds: readonly string[], entry: GoldEntry): PaperScore {
  const required = counts(entry.refs);
  const optional = counts(entry.optional);
  const prefixes = entry.prefix.map((p) => ({ ...p }));
  let matchedRequired = 0;
  let matched = 0;
  const extra: string[] = [];
  for (const id of foundIds) {
    if (take(required, id)) {
      matchedRequired++;
      matched++;
    } else if (take(optional, id)) {
      matched++;
    } else {
      const prefix = prefixes.find((p) => p.count > 0 && id.startsWith(p.prefix));
      if (prefix) {
        prefix.count--;
        matched++;
      } else extra.push(id);
    }
  }
  const missed = [...required].flatMap(([id, n]) => Array<string>(Math.max(0, n)).fill(id));
  return { found: foundIds.length, matched, matchedRequired, required: entry.refs.length, extra, missed };
}
