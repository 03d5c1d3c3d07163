import { Cursor, global, isJsSpace, sticky } from '../cursor';
import { dossierId, kamerstukId } from '../ids';
import { ROMAN, WS, WS1 } from '../patterns';
import type { PaperRef } from '../types';
import { codePointBefore } from './before';
import { bareRefsFromTail, parseCitation, type Tail } from './citation';
import type { DigitRuns } from './prefilter';
import { bareDossierEnd } from './steps';

/*
 * Kamerstuk references without the word Kamerstuk: the Handelingen-style `(35300-VI, nr. 37)`, `(19 637, nr. 1257)`;
 * compact ids `33576-105`, `21501-08-692`, `35570-XIV-46`, `23908-(R1519)-131` (lists in the Regeling van
 * werkzaamheden, TK "Nummer:" fields). The number-first forms (`nr. 30 (t.v.v. 36471-28)`) are in number-first.ts.
 */

const NOT_BEFORE_DOSSIER = /[\p{L}\d.,/€$\u2013-]/u;
const DIGIT = /\d/;
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** BARE_DOSSIER's spaces between the two digits and the three (`19 637`, `19\u00a0637`). */
function isDossierSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

function dossierMayStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  // ASCII by code (the regex test per candidate showed in profiles); only other characters need the letter class.
  if (c < 128) {
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
    if (c === 46 || c === 44 || c === 47 || c === 36 || c === 45) return false;
  } else if (NOT_BEFORE_DOSSIER.test(codePointBefore(text, at))) return false;
  const space = text[at - 1];
  return !(at >= 2 && (space === ' ' || space === '\u00a0') && DIGIT.test(text[at - 2]!));
}

/** Dossier numbers in use run from the 1xxxx to the 3xxxx range (EU Raad 21 501, begrotingen 36 xxx). */
const TOEV = `(\\d{2}|${ROMAN}|[A-Z]{1,2})`;
/**
 * The dash before the number may be an en dash or a non-breaking hyphen: `de aangenomen motie Eerdmans (29628–1249)`
 * (kst-19637-3385.xml in ../shared/corpus/realtexts).
 */
const COMPACT_DASH = '[\\-\\u2011\\u2013]';
/** What may not stand before a compact id, checked in code (before.ts). */
const NOT_BEFORE_COMPACT = /[\p{L}\d./\u2011\u2013-]/u;
const COMPACT = sticky(
  `([1-3]\\d{4})(?:-${TOEV})?(?:-\\(R\\d{3,4}\\))?${COMPACT_DASH}([1-9]\\d{0,3}[a-z]?)(?![\\p{L}\\d/\\u2011\\u2013-]|[.,]\\d)`,
);
/** `(33240-XIII)`: a dossier with its toevoeging, alone in parentheses. */
const DOSSIER_IN_PARENS = sticky(`\\(${WS}([1-3]\\d{4})-${TOEV}${WS}\\)`);
/**
 * A bare citation as found: its references, or the tail of the anchored parse that read it already, whose references
 * (bareRefsFromTail at BARE_TAIL_CONFIDENCE) are built only where the citation is kept. Nearly every such citation
 * loses to the anchored one it lies in (`Kamerstuk 19 637, nr. 2375`: the anchored citation starts first), and
 * building them was 20–30 µs of the letters' paper detection (about 0.2 bare regex passes, measured).
 */
export type BareCitation = PaperRef[] | Tail;

/** The confidence a bare parse gives (its references are capped at it). */
export const BARE_TAIL_CONFIDENCE = 0.95;

/**
 * Bare dossiers, tried where one can start: dossierMayStart refuses a digit before, so a match it accepts starts a
 * run of digits, of five or more (`19637`, `2150108`) or of two before a space and a run of three or more
 * (`19 637`, `21 50108`); both are read off the prefilter's digit runs (DigitRuns). Trying the sticky pattern at
 * these in order finds what a global scan found, which read every character of every window (with the scans of
 * the compact ids, the dossiers in parentheses and the TK numbers, 2.5 bare regex passes over the real texts'
 * windows, which are two thirds of those texts).
 */
export function detectBareCitations(text: string, runs: DigitRuns, tails: Tail[] = []): PaperRef[][] {
  return detectBareCandidates(text, runs, tails).map((c) =>
    Array.isArray(c) ? c : bareRefsFromTail(text, c, BARE_TAIL_CONFIDENCE),
  );
}

/** detectBareCitations, with the citations read from a tail left as that tail (see BareCitation). */
export function detectBareCandidates(text: string, runs: DigitRuns, tails: Tail[] = []): BareCitation[] {
  const found: BareCitation[] = [];
  // Where the global scan would go on: past a parse (see attemptBare), or past a match.
  let from = 0;
  const state = { tails, next: 0 };
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    if (
      start >= 3 &&
      isDossierSpace(text.charCodeAt(start - 1)) &&
      isDigitCode(text.charCodeAt(start - 2)) &&
      isDigitCode(text.charCodeAt(start - 3))
    ) {
      from = attemptBare(text, start - 3, from, found, state);
    }
    if (runs[r + 1]! - start >= 5) from = attemptBare(text, start, from, found, state);
  }
  return found;
}

/**
 * One bare parse at `at` unless the scan is past it; returns where the scan goes on. A function of its own, not a
 * closure in detectBareCitations: a closure made per window (and under tsx the name given to it) was a third of the
 * time of a failed parse (815 ns for `Kamerstukken\n19 637\nVreemdelingenbeleid`, measured).
 */
function attemptBare(
  text: string,
  at: number,
  from: number,
  found: BareCitation[],
  state: { tails: Tail[]; next: number },
): number {
  if (at < from) return from;
  const dossierEnd = bareDossierEnd(text, at);
  if (dossierEnd < 0 || !dossierMayStart(text, at)) return from;
  // An anchored parse read this dossier already: its tail is this parse (citation.ts, Tail). The attempts come in
  // order, and so do the tails.
  const { tails } = state;
  while (state.next < tails.length && tails[state.next]!.dossierAt < at) state.next++;
  const tail = state.next < tails.length && tails[state.next]!.dossierAt === at ? tails[state.next] : undefined;
  if (tail) {
    // Where the tail has groups its references are never none (bareRefsFromTail).
    if (tail.groups?.length) found.push(tail);
    return Math.max(dossierEnd, tail.end);
  }
  const cursor = new Cursor(text, at);
  const refs = parseCitation(cursor, { anchored: false, start: at });
  // A failed bare parse stops where its dossiers end, before the `nr.` that is not there: a parse from any of its
  // joint dossiers (`12345, 12346, …`) reads the same rest and fails the same way, so the scan resumes after
  // them (without this, each dossier of a long run read all the ones after it).
  const next = Math.max(dossierEnd, cursor.pos);
  if (!refs.length) return next;
  // In place: the references are the parse's own, and a copy of each was a visible share of the parse's cost.
  for (const r of refs) if (r.confidence > BARE_TAIL_CONFIDENCE) r.confidence = BARE_TAIL_CONFIDENCE;
  found.push(refs);
  return next;
}

/** A Kamerstuk reference whose text is the whole match. */
function kamerstuk(
  m: RegExpExecArray,
  dossier: string,
  toevoeging: string | undefined,
  number: string,
  confidence: number,
): PaperRef {
  return {
    kind: 'kamerstuk',
    id: kamerstukId(dossier, toevoeging, number),
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    parts: { dossier, ...(toevoeging ? { toevoeging } : {}), number },
    confidence,
  };
}

/**
 * Eerste Kamer dossiers numbered in roman (`(CLVI, letter M)`, `(CLX, A)`, F16): OB writes these ids in lower case
 * (`kst-cxxiv-g`).
 */
const ROMAN_EK_DOSSIER = global(`\\(${WS}(C[LXVI]{1,6})${WS},${WS}(?:letter${WS1})?([A-Z]{1,2})${WS}\\)`);

/** `parenC`: whether `(C` stands in the text (prefilter.ts, Window). */
export function detectRomanEkDossiers(text: string, parenC = text.includes('(C')): PaperRef[] {
  const found: PaperRef[] = [];
  if (!parenC) return found;
  ROMAN_EK_DOSSIER.regex.lastIndex = 0;
  for (let m = ROMAN_EK_DOSSIER.regex.exec(text); m; m = ROMAN_EK_DOSSIER.regex.exec(text)) {
    const start = m.index + 1;
    const end = m.index + m[0].length - 1;
    found.push({
      kind: 'kamerstuk',
      id: `kst-${m[1]!.toLowerCase()}-${m[2]!.toLowerCase()}`,
      text: text.slice(start, end).trim(),
      start,
      end: start + text.slice(start, end).trimEnd().length,
      parts: { dossier: m[1]!, number: m[2]!, kamer: 'I' },
      confidence: 0.85,
    });
  }
  return found;
}

/**
 * Compact ids and dossiers in parentheses, tried where one can start. Both hold a dossier of exactly five digits,
 * the first 1–3, before a hyphen or dash: a compact id accepted by NOT_BEFORE_COMPACT starts that run, a dossier in
 * parentheses at the `(` up to eight spaces before it. Read off the prefilter's digit runs (see detectBareCitations)
 * and tried in order, they find what a global scan of each found.
 */
export function detectCompactIds(text: string, runs: DigitRuns): PaperRef[] {
  const found: PaperRef[] = [];
  // Where each global scan would go on.
  let compactFrom = 0;
  let parensFrom = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const at = runs[r]!;
    const first = text.charCodeAt(at);
    if (runs[r + 1]! - at !== 5 || first < 49 || first > 51) continue;
    if (at >= compactFrom) {
      COMPACT.regex.lastIndex = at;
      const m = COMPACT.regex.exec(text);
      if (m && !NOT_BEFORE_COMPACT.test(codePointBefore(text, at))) {
        compactFrom = COMPACT.regex.lastIndex;
        const [, dossier, toevoeging, number] = m;
        // `21501-20` alone names an EU-Raad subdossier, not document 20.
        if (!(dossier === '21501' && !toevoeging)) {
          found.push(kamerstuk(m, dossier!, toevoeging, number!, toevoeging ? 0.9 : 0.8));
        }
      }
    }
    let open = at - 1;
    while (open >= 0 && open >= at - 8 && isJsSpace(text.charCodeAt(open))) open--;
    if (open < parensFrom || text.charCodeAt(open) !== 40) continue;
    DOSSIER_IN_PARENS.regex.lastIndex = open;
    const m = DOSSIER_IN_PARENS.regex.exec(text);
    if (!m) continue;
    parensFrom = DOSSIER_IN_PARENS.regex.lastIndex;
    const start = m.index + m[0].indexOf(m[1]!);
    const end = m.index + m[0].lastIndexOf(m[2]!) + m[2]!.length;
    found.push({
      kind: 'dossier',
      id: dossierId(m[1]!, m[2]),
      text: text.slice(start, end),
      start,
      end,
      parts: { dossier: m[1]!, toevoeging: m[2]! },
      confidence: 0.8,
    });
  }
  return found;
}
