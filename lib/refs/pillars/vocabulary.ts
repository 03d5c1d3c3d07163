import type { Agenda, Term } from './taxonomy';
import { type Token, tokenize } from './tokens';

/*
 * Matching taxonomy terms against tokens. A one-word term matches a token with the same stem, and, when the term is
 * at least COMPOUND_MIN letters, a compound that ends with it (`arbeidsparticipatie` for `participatie`: Dutch
 * compounds put the head last) or starts with it (`terugkeerbeleid` for `terugkeer`: the modifier names the topic
 * just as well). The other part of the compound must be at least PART_MIN letters, so `illegaal` is no `legaal` and
 * `irregulier` no `regulier`. A phrase matches consecutive tokens by stem; its last word may be a compound
 * (`legale migratieroutes` for `legale migratie`). All lookups are hash lookups of bounded-length slices, so matching
 * is linear in the number of tokens.
 */

export const COMPOUND_MIN = 5;
const PART_MIN = 3;

/** One term of one pillar, ready for matching. */
export interface CompiledTerm {
  pillar: number;
  weight: number;
  /** The term as written in the taxonomy: identifies repeats. */
  key: string;
  stems: string[];
  forms: string[];
  compound: boolean;
}

/** The terms of one list (vocabulary or headings) of one agenda, indexed for lookup. */
export interface Matcher {
  exact: Map<string, CompiledTerm[]>;
  prefixes: Map<string, CompiledTerm[]>;
  suffixes: Map<string, CompiledTerm[]>;
  /** Phrases by the stem of their first word, longest first. */
  phrases: Map<string, CompiledTerm[]>;
  /** Longest key in prefixes/suffixes: bounds the slices tried per token. */
  longest: number;
  /**
   * The first (last) COMPOUND_MIN characters of every key in prefixes (suffixes): a token whose form (stem) does
   * not start (end) with one of them matches no compound, and its slices are not tried.
   */
  heads: Set<string>;
  tails: Set<string>;
  /** The first (last) character of every head (tail), by code. */
  headStarts: Set<number>;
  tailEnds: Set<number>;
}

function add(map: Map<string, CompiledTerm[]>, key: string, term: CompiledTerm): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

/** The terms of one list (vocabulary or headings) of every pillar, each with its pillar's number. */
export function pillarTerms(agenda: Agenda, list: 'vocabulary' | 'headings'): [number, Term][] {
  return agenda.pillars.flatMap((p) => p[list].map((t): [number, Term] => [p.number, t]));
}

/** Indexes terms, each with the number of the pillar it signals, for `findTerms`. */
export function compileTerms(terms: readonly (readonly [pillar: number, term: Term])[]): Matcher {
  const matcher: Matcher = {
    exact: new Map(),
    prefixes: new Map(),
    suffixes: new Map(),
    phrases: new Map(),
    longest: 0,
    heads: new Set(),
    tails: new Set(),
    headStarts: new Set(),
    tailEnds: new Set(),
  };
  for (const [pillar, [written, weight, match]] of terms) {
    const tokens = tokenize(written).flat();
    const first = tokens[0];
    if (!first) continue;
    const term: CompiledTerm = {
      pillar,
      weight,
      key: written,
      stems: tokens.map((t) => t.stem),
      forms: tokens.map((t) => t.form),
      compound: match !== 'exact',
    };
    if (tokens.length > 1) {
      add(matcher.phrases, first.stem, term);
      continue;
    }
    add(matcher.exact, first.stem, term);
    if (!term.compound) continue;
    for (const key of new Set([first.stem, first.form])) {
      if (key.length < COMPOUND_MIN) continue;
      add(matcher.prefixes, key, term);
      matcher.longest = Math.max(matcher.longest, key.length);
    }
    if (first.stem.length >= COMPOUND_MIN) add(matcher.suffixes, first.stem, term);
  }
  for (const list of matcher.phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  for (const key of matcher.prefixes.keys()) matcher.heads.add(key.slice(0, COMPOUND_MIN));
  for (const key of matcher.suffixes.keys()) matcher.tails.add(key.slice(-COMPOUND_MIN));
  for (const head of matcher.heads) matcher.headStarts.add(head.charCodeAt(0));
  for (const tail of matcher.tails) matcher.tailEnds.add(tail.charCodeAt(tail.length - 1));
  return matcher;
}

const NONE: readonly CompiledTerm[] = [];

/**
 * Terms a single token matches: same stem, or as the head or the modifier of a compound. Nearly no token matches
 * anything, so the shared empty list is returned without allocating, and the slice of the head (tail) is taken only
 * when its first (last) character can start (end) one: an array and two slices for every token, three matchers per
 * piece, were 7% of the analysis of the corpus letters, with the garbage they left (in a profile).
 */
function singleMatches(token: Token, matcher: Matcher): readonly CompiledTerm[] {
  const exact = matcher.exact.get(token.stem);
  let found: CompiledTerm[] | undefined;
  const { form, stem } = token;
  const maxPrefix = Math.min(matcher.longest, form.length - PART_MIN);
  if (
    maxPrefix >= COMPOUND_MIN &&
    matcher.headStarts.has(form.charCodeAt(0)) &&
    matcher.heads.has(form.slice(0, COMPOUND_MIN))
  ) {
    for (let k = COMPOUND_MIN; k <= maxPrefix; k++) {
      const list = matcher.prefixes.get(form.slice(0, k));
      if (list) {
        found ??= exact ? [...exact] : [];
        found.push(...list);
      }
    }
  }
  const maxSuffix = Math.min(matcher.longest, stem.length - PART_MIN);
  if (
    maxSuffix >= COMPOUND_MIN &&
    matcher.tailEnds.has(stem.charCodeAt(stem.length - 1)) &&
    matcher.tails.has(stem.slice(-COMPOUND_MIN))
  ) {
    for (let k = COMPOUND_MIN; k <= maxSuffix; k++) {
      const list = matcher.suffixes.get(stem.slice(-k));
      if (list) {
        found ??= exact ? [...exact] : [];
        found.push(...list);
      }
    }
  }
  return found ?? exact ?? NONE;
}

/** Whether the phrase's last word matches `token`: same stem, or a compound starting with it. */
function lastWordMatches(term: CompiledTerm, token: Token): boolean {
  const i = term.stems.length - 1;
  const stem = term.stems[i]!;
  if (token.stem === stem) return true;
  if (!term.compound) return false;
  const form = term.forms[i]!;
  const prefixOf = (key: string) =>
    key.length >= COMPOUND_MIN && token.form.length - key.length >= PART_MIN && token.form.startsWith(key);
  return prefixOf(stem) || prefixOf(form);
}

function phraseAt(tokens: Token[], i: number, matcher: Matcher): CompiledTerm | undefined {
  const candidates = matcher.phrases.get(tokens[i]!.stem);
  if (!candidates) return undefined;
  return candidates.find((term) => {
    const n = term.stems.length;
    if (i + n > tokens.length) return false;
    for (let j = 1; j < n - 1; j++) if (tokens[i + j]!.stem !== term.stems[j]) return false;
    return lastWordMatches(term, tokens[i + n - 1]!);
  });
}

/** A term found in the text. */
export interface Hit {
  term: CompiledTerm;
  /** Index of the sentence and of the first token in it. */
  sentence: number;
  token: number;
}

/**
 * Every term occurrence in the sentences. Phrases win over the words in them (`in de regio` counts once, not also
 * as `regio`); a single token may count for several pillars, but for each pillar only with its heaviest term.
 */
export function findTerms(sentences: Token[][], matcher: Matcher): Hit[] {
  const hits: Hit[] = [];
  for (let sentence = 0; sentence < sentences.length; sentence++) {
    const tokens = sentences[sentence]!;
    for (let i = 0; i < tokens.length; i++) {
      const phrase = phraseAt(tokens, i, matcher);
      if (phrase) {
        hits.push({ term: phrase, sentence, token: i });
        i += phrase.stems.length - 1;
        continue;
      }
      const single = singleMatches(tokens[i]!, matcher);
      if (!single.length) continue;
      const best = new Map<number, CompiledTerm>();
      for (const term of single) {
        const held = best.get(term.pillar);
        if (!held || term.weight > held.weight) best.set(term.pillar, term);
      }
      for (const term of best.values()) hits.push({ term, sentence, token: i });
    }
  }
  return hits;
}

/**
 * Weighted score per pillar. A term repeated n times adds weight × (1 + 1/2 + … + 1/n): repetition is evidence,
 * but a paragraph that says `terugkeer` six times is not six times as much about return as one that says it once.
 */
export function scoreHits(hits: readonly Hit[]): Map<number, number> {
  const seen = new Map<CompiledTerm, number>();
  const scores = new Map<number, number>();
  for (const { term } of hits) {
    const n = (seen.get(term) ?? 0) + 1;
    seen.set(term, n);
    scores.set(term.pillar, (scores.get(term.pillar) ?? 0) + term.weight / n);
  }
  return scores;
}
