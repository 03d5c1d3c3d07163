import { visibleText } from '../invisible';
import type { DetectContext, PaperRef } from '../types';
import { BARE_TAIL_CONFIDENCE, detectBareCandidates, detectCompactIds, detectRomanEkDossiers } from './bare';
import { bareRefsFromTail, type Tail, tailSpanEnd, tailSpanStart } from './citation';
import { detectFromPage, pageDossier, withPageRefs } from './context';
import { type Claim, detectHandelingen } from './handelingen';
import { detectIdentifiers } from './identifiers';
import { detectAnchoredCitations } from './kamerstukken';
import { detectNumberFirst } from './number-first';
import { candidateWindows, type DigitRuns, digitRuns } from './prefilter';
import { detectPublications } from './publications';
import { ID_YEAR, JOURNAL_YEAR, yearTriggers } from './year-triggers';

/**
 * One citation's references (a list like `nrs. 2955, 2956 en 2964` is one citation), or a claimed span. A bare
 * citation read from an anchored parse's tail has its tail in place of its references until it is kept (bare.ts,
 * BareCitation).
 */
type Candidate = { start: number; end: number; confidence: number; refs: PaperRef[] | Tail } | Claim;

function isClaim(c: Candidate): c is Claim {
  return 'claim' in c;
}

/** One citation's references as a candidate: they are the detector's own, so they are taken, not copied. */
function group(refs: PaperRef[]): Candidate {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  let confidence = 0;
  for (const r of refs) {
    start = Math.min(start, r.start);
    end = Math.max(end, r.end);
    confidence = Math.max(confidence, r.confidence);
  }
  return { start, end, confidence, refs };
}

/** A bare citation of a tail: its span and confidence are those its references will have. */
function fromTail(tail: Tail): Candidate {
  return { start: tailSpanStart(tail), end: tailSpanEnd(tail), confidence: BARE_TAIL_CONFIDENCE, refs: tail };
}

function single(ref: PaperRef): Candidate {
  return { start: ref.start, end: ref.end, confidence: ref.confidence, refs: [ref] };
}

/** The order of resolveOverlaps: first the one that starts first, then the longest, then the surest. */
function before(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || (isClaim(b) ? 1 : b.confidence) - (isClaim(a) ? 1 : a.confidence);
}

/**
 * Up to this many candidates (a window has a handful) are sorted by insertion, which is stable as Array.sort is and
 * so gives the same order; Array.sort with a comparator cost a few hundred ns even on three elements.
 */
const SHORT = 16;

function insertionSorted(list: Candidate[]): Candidate[] {
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && before(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/**
 * Keeps the best of overlapping candidates: the one that starts first, then the longest, then the surest. The
 * detectors each see the whole text, so `Kamerstuk 19 637, nr. 2375` is found by the anchored parser and its
 * `19 637, nr. 2375` again by the bare one; the anchored one wins by starting first.
 */
function resolveOverlaps(text: string, candidates: Candidate[]): PaperRef[] {
  const ordered = candidates.length <= SHORT ? insertionSorted(candidates) : candidates.sort(before);
  const kept: PaperRef[] = [];
  let reach = -1;
  for (const c of ordered) {
    if (c.start < reach) continue;
    reach = c.end;
    // A loop, not `push(...c.refs)`: a list after a Kamerstuk citation may have 100 000 numbers, and a spread of
    // that many arguments overflows the stack.
    if (isClaim(c)) continue;
    const refs = Array.isArray(c.refs) ? c.refs : bareRefsFromTail(text, c.refs, BARE_TAIL_CONFIDENCE);
    for (const r of refs) kept.push(r);
  }
  return kept;
}

/**
 * Every detector's candidates pushed into one array, in the order the detectors ran (the sort above is stable, so
 * the order decides ties as before): a spread of eight mapped arrays, and a copy of each citation's list, were a
 * visible share of the time per window (detectInWindow's own time was 5% of paper detection over the real texts).
 */
function detectInWindow(text: string, runs: DigitRuns, kst: boolean, parenC: boolean): PaperRef[] {
  const candidates: Candidate[] = [];
  // What the anchored parses read from their dossiers on, which the bare detector need not parse again.
  const tails: Tail[] = [];
  for (const refs of detectAnchoredCitations(text, tails)) candidates.push(group(refs));
  for (const c of detectHandelingen(text, runs)) candidates.push('claim' in c ? c : single(c));
  const years = yearTriggers(text, runs);
  if (years & JOURNAL_YEAR) for (const ref of detectPublications(text, runs)) candidates.push(single(ref));
  if (kst || years & ID_YEAR) for (const ref of detectIdentifiers(text, runs, kst)) candidates.push(single(ref));
  for (const c of detectBareCandidates(text, runs, tails)) candidates.push(Array.isArray(c) ? group(c) : fromTail(c));
  for (const ref of detectCompactIds(text, runs)) candidates.push(single(ref));
  for (const refs of detectNumberFirst(text)) candidates.push(group(refs));
  for (const ref of detectRomanEkDossiers(text, parenC)) candidates.push(single(ref));
  return candidates.length ? resolveOverlaps(text, candidates) : [];
}

/** In place: the references are the window's own, fresh from its detectors (a copy of each cost a visible share). */
function shift(ref: PaperRef, by: number): PaperRef {
  ref.start += by;
  ref.end += by;
  return ref;
}

/** The references of a text without invisible characters, in order, never overlapping. */
function detectVisible(text: string, context: DetectContext | undefined, prefilter: boolean): PaperRef[] {
  let found: PaperRef[];
  if (prefilter) {
    found = [];
    for (const w of candidateWindows(text)) {
      const part = w.start === 0 && w.end === text.length ? text : text.slice(w.start, w.end);
      for (const ref of detectInWindow(part, w.runs, w.kst, w.parenC)) found.push(shift(ref, w.start));
    }
  } else {
    found = detectInWindow(text, digitRuns(text), text.includes('kst-'), text.includes('(C'));
  }
  const page = pageDossier(context);
  return page ? withPageRefs(found, detectFromPage(text, page)) : found;
}

function run(text: string, context: DetectContext | undefined, prefilter: boolean): PaperRef[] {
  const visible = visibleText(text);
  if (!visible) return detectVisible(text, context, prefilter);
  return detectVisible(visible.text, context, prefilter).map((ref) => {
    const start = visible.start(ref.start);
    // An empty span (a number inside a range) stays empty, where the visible one was.
    const end = ref.end > ref.start ? visible.end(ref.end) : start;
    return { ...ref, start, end, text: text.slice(start, end) };
  });
}

/**
 * All references to papers, publications, dossiers and TK numbers in a text, in order, never overlapping.
 * Regex-only and linear in the text: this is what the content script runs on the page. The detectors read only
 * the windows the prefilter finds; a window is wide enough for any citation around its triggers.
 *
 * Invisible characters (a soft hyphen in `nr. 2\u00ad375`, a zero-width space, a bidi mark: see invisible.ts) are
 * read through, so they never end a number early and so never make a reference another one; spans and texts are
 * those of the text as given.
 *
 * With a `context` (the page's own dossier or id), references whose dossier only the page gives are found too
 * (`TER VERVANGING VAN DIE GEDRUKT ONDER NR. 404`, `motie op stuk nr. 44`; context.ts), at a lower confidence than
 * citations the text writes out. Without one the result is exactly that of the text alone.
 */
export function detectPapers(text: string, context?: DetectContext): PaperRef[] {
  return run(text, context, true);
}

/**
 * The slow path: the same detectors over the whole text, without the prefilter's windows. For the property test that
 * the fast path equals it (tests/unit/refs/prefilter.test.ts); never for production, which is what the prefilter is
 * for. Not exported from lib/refs.
 */
export function detectPapersWithoutPrefilter(text: string, context?: DetectContext): PaperRef[] {
  return run(text, context, false);
}
