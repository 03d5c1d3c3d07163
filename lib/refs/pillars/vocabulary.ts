import type { Agenda, Term } from './taxonomy';
import { type Token, tokenize } from './tokens';

/*
 * Matching taxonomy terms against tokens. A one-word term matches a token with the same stem, and, when the term is
 * at least COMPOUND_MIN letters, a compound that ends with it (`arbeidsparticipatie` for `participatie`: Dutch
 * compounds put the head last) or starts with it (`terugkeerbeleid` for `terugkeer`: the modifier names the topic
 * just as well). The other part of the compound must be at least PART_MIN letters, so `illegaal` is no `legaal` and
 * `irregulier` no `regulier`. A phrase matches consecutive tokens by stem; its last word may be a compound
 * (`legale migratieroutes` for `legale migratie`). All lookups are hash lookups of bounded-length slices, or
 * comparisons with the few keys that share a token's head or tail, so matching is linear in the number of tokens.
 */

export const COMPOUND_MIN = 5;
export const PART_MIN = 3;

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
  /**
   * The keys of prefixes (suffixes) with their terms, by their first (last) COMPOUND_MIN characters, shortest key
   * first: a token whose form (stem) does not start (end) with one of these matches no compound, and one that does
   * is compared with the few keys there, shortest first, as a slice of each length was looked up before.
   */
  byHead: Map<string, Affix[]>;
  byTail: Map<string, Affix[]>;
  /** The first (last) character of every head (tail), by code. */
  headStarts: Set<number>;
  tailEnds: Set<number>;
}

/** A key of `Matcher.prefixes` or `suffixes` with its terms. */
export interface Affix {
  key: string;
  terms: CompiledTerm[];
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
    byHead: new Map(),
    byTail: new Map(),
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
    }
    if (first.stem.length >= COMPOUND_MIN) add(matcher.suffixes, first.stem, term);
  }
  for (const list of matcher.phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  matcher.byHead = byPart(matcher.prefixes, (key) => key.slice(0, COMPOUND_MIN));
  matcher.byTail = byPart(matcher.suffixes, (key) => key.slice(-COMPOUND_MIN));
  for (const head of matcher.byHead.keys()) matcher.headStarts.add(head.charCodeAt(0));
  for (const tail of matcher.byTail.keys()) matcher.tailEnds.add(tail.charCodeAt(tail.length - 1));
  return matcher;
}

function byPart(keys: Map<string, CompiledTerm[]>, part: (key: string) => string): Map<string, Affix[]> {
  const out = new Map<string, Affix[]>();
  for (const [key, terms] of keys) {
    const list = out.get(part(key));
    if (list) list.push({ key, terms });
    else out.set(part(key), [{ key, terms }]);
  }
  for (const list of out.values()) list.sort((a, b) => a.key.length - b.key.length);
  return out;
}

const NONE: readonly CompiledTerm[] = [];

/**
 * Terms a single token matches: same stem, or as the head or the modifier of a compound. Nearly no token matches
 * anything, so the shared empty list is returned without allocating, and the slice of the head (tail) is taken only
 * when its first (last) character can start (end) one: an array and two slices for every token, three matchers per
 * piece, were 7% of the analysis of the corpus letters, with the garbage they left (in a profile). A compound is
 * compared with the keys that share its head (tail), without slices: a slice of every length, looked up in
 * `prefixes` (`suffixes`), made this 19% of the labeller's evidence pass on the corpus letters (in a profile).
 */
export function singleMatches(token: Token, matcher: Matcher): readonly CompiledTerm[] {
  const { form, stem } = token;
  const heads =
    form.length - PART_MIN >= COMPOUND_MIN && matcher.headStarts.has(form.charCodeAt(0))
      ? matcher.byHead.get(form.slice(0, COMPOUND_MIN))
      : undefined;
  const tails =
    stem.length - PART_MIN >= COMPOUND_MIN && matcher.tailEnds.has(stem.charCodeAt(stem.length - 1))
      ? matcher.byTail.get(stem.slice(-COMPOUND_MIN))
      : undefined;
  return matchesOf(token, matcher.exact.get(stem), heads, tails);
}

/**
 * `singleMatches` once the token's stem, head and tail have been looked up: the exact terms, then those of the
 * compounds it is (the other part of a compound has at least PART_MIN letters; every key has at least
 * COMPOUND_MIN).
 */
export function matchesOf(
  token: Token,
  exact: CompiledTerm[] | undefined,
  heads: readonly Affix[] | undefined,
  tails: readonly Affix[] | undefined,
): readonly CompiledTerm[] {
  const { form, stem } = token;
  let found: CompiledTerm[] | undefined;
  if (heads) {
    for (const { key, terms } of heads) {
      if (key.length > form.length - PART_MIN) break;
      if (!form.startsWith(key)) continue;
      found ??= exact ? [...exact] : [];
      found.push(...terms);
    }
  }
  if (tails) {
    for (const { key, terms } of tails) {
      if (key.length > stem.length - PART_MIN) break;
      if (!stem.endsWith(key)) continue;
      found ??= exact ? [...exact] : [];
      found.push(...terms);
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
  return candidates && phraseOf(candidates, tokens, i);
}

/** The first of the phrases (all starting with the stem of `tokens[i]`) that the tokens from `i` on spell. */
export function phraseOf(candidates: readonly CompiledTerm[], tokens: Token[], i: number): CompiledTerm | undefined {
  // A loop, not `find` with a closure: `in` starts a phrase (`in de regio`), and is in most sentences.
  for (const term of candidates) if (spells(term, tokens, i)) return term;
  return undefined;
}

function spells(term: CompiledTerm, tokens: Token[], i: number): boolean {
  const n = term.stems.length;
  if (i + n > tokens.length) return false;
  for (let j = 1; j < n - 1; j++) if (tokens[i + j]!.stem !== term.stems[j]) return false;
  return lastWordMatches(term, tokens[i + n - 1]!);
}

/**
 * Adds the terms one token matches (`singleMatches`) to `into`, for each pillar only its heaviest (the first of
 * equal weight), in the order their pillars first appear.
 */
export function addSingle(single: readonly CompiledTerm[], into: CompiledTerm[]): void {
  // Nearly always one term: then there is nothing to choose.
  if (single.length === 1) {
    into.push(single[0]!);
    return;
  }
  const best = new Map<number, CompiledTerm>();
  for (const term of single) {
    const held = best.get(term.pillar);
    if (!held || term.weight > held.weight) best.set(term.pillar, term);
  }
  for (const term of best.values()) into.push(term);
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
      const terms: CompiledTerm[] = [];
      addSingle(single, terms);
      for (const term of terms) hits.push({ term, sentence, token: i });
    }
  }
  return hits;
}

/**
 * Weighted score per pillar of the terms found (hits need no more than their term to be scored). A term repeated n times adds weight × (1 + 1/2 + … + 1/n): repetition is evidence,
 * but a paragraph that says `terugkeer` six times is not six times as much about return as one that says it once.
 */
export function scoreTerms(terms: readonly CompiledTerm[]): Map<number, number> {
  const seen = new Map<CompiledTerm, number>();
  const scores = new Map<number, number>();
  for (const term of terms) {
    const n = (seen.get(term) ?? 0) + 1;
    seen.set(term, n);
    scores.set(term.pillar, (scores.get(term.pillar) ?? 0) + term.weight / n);
  }
  return scores;
}
