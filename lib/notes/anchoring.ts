import search from 'approx-string-match';
import type { AnchorState, NoteSelector, TextPositionSelector, TextQuoteSelector } from './model';
import { positionOf, quoteOf } from './model';

/*
 * Finding a note's passage again in a page's text, the way Hypothesis does (client src/annotator/anchoring): the
 * position first (cheap, right while the page is unchanged), then the exact quote with its context, then an
 * approximate match (approx-string-match, Myers' bit-parallel algorithm) that tolerates a few edits. Every match is
 * checked, and a passage that is gone is reported as missing instead of landing on some unrelated text.
 *
 * Pure: text in, offsets out, so it runs in Node; lib/page/highlights.ts maps the offsets onto the DOM.
 */

/** Context kept on each side of the quote: what dom-anchor-text-quote keeps (32, its bitap's pattern limit). */
export const CONTEXT = 32;

/** The selectors of the text from `start` to `end`: W3C TextQuoteSelector (with context) and TextPositionSelector. */
export function describeText(text: string, start: number, end: number): NoteSelector[] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

export interface TextMatch {
  start: number;
  end: number;
  state: Exclude<AnchorState, 'missing'>;
}

/** Errors allowed for an approximate match: a fifth of the quote (a reworded word or two), at most 64. */
const maxErrorsFor = (quote: string) => Math.min(64, Math.floor(quote.length / 5));

/** How alike `a` and `b` are, 0–1 (1 − edits / length); the text around a candidate, compared with the stored one. */
function likeness(a: string, b: string): number {
  if (!b.length) return 1;
  if (!a.length) return 0;
  const best = search(a, b, b.length)[0];
  return best ? 1 - best.errors / b.length : 0;
}

/**
 * Ranks a candidate: the quote matters most, then its context on either side, and last its nearness to where it
 * was (a page that only grew above the passage keeps a near-identical context, so position only breaks ties).
 */
function score(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
  m: { start: number; end: number; errors: number },
) {
  const quoteScore = 1 - m.errors / Math.max(1, quote.exact.length);
  const prefix = likeness(text.slice(Math.max(0, m.start - quote.prefix.length), m.start), quote.prefix);
  const suffix = likeness(text.slice(m.end, m.end + quote.suffix.length), quote.suffix);
  const near = 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
  return 50 * quoteScore + 20 * prefix + 20 * suffix + 2 * near;
}

/** Every place the exact quote stands, as candidates with no errors. */
function exactMatches(text: string, exact: string) {
  const out: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(exact); i !== -1 && out.length < 1_000; i = text.indexOf(exact, i + 1))
    out.push({ start: i, end: i + exact.length, errors: 0 });
  return out;
}

/**
 * Where a note's passage stands in `text` now, or null when it is gone. A passage whose quote no longer appears
 * within maxErrorsFor edits is gone: better "passage niet gevonden" than a highlight on the wrong sentence.
 */
export function matchSelectors(text: string, selectors: readonly NoteSelector[]): TextMatch | null {
  const quote = quoteOf({ selectors: [...selectors] });
  const position: TextPositionSelector | undefined = positionOf({ selectors: [...selectors] });
  if (!quote) {
    if (position && position.end <= text.length && position.start < position.end)
      return { start: position.start, end: position.end, state: 'exact' };
    return null;
  }
  if (!quote.exact.length) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    const before = text.slice(Math.max(0, position.start - quote.prefix.length), position.start);
    if (before === quote.prefix) return { start: position.start, end: position.end, state: 'exact' };
  }
  const hint = position?.start ?? 0;
  const best = (candidates: { start: number; end: number; errors: number }[]) =>
    candidates.reduce<{ m: (typeof candidates)[number]; s: number } | undefined>((top, m) => {
      const s = score(text, quote, hint, m);
      return !top || s > top.s ? { m, s } : top;
    }, undefined)?.m;
  const exact = best(exactMatches(text, quote.exact));
  if (exact) return { start: exact.start, end: exact.end, state: 'exact' };
  const fuzzy = best(search(text, quote.exact, maxErrorsFor(quote.exact)));
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, state: 'fuzzy' } : null;
}
