import { Cursor, global } from '../cursor';
import { dossierId, kamerstukId } from '../ids';
import { ROMAN, WS, WS1 } from '../patterns';
import type { PaperRef } from '../types';
import { codePointBefore } from './before';
import { parseCitation } from './citation';

/*
 * Kamerstuk references without the word Kamerstuk: the Handelingen-style `(35300-VI, nr. 37)`, `(19 637, nr. 1257)`;
 * compact ids `33576-105`, `21501-08-692`, `35570-XIV-46`, `23908-(R1519)-131` (lists in the Regeling van
 * werkzaamheden, TK "Nummer:" fields). The number-first forms (`nr. 30 (t.v.v. 36471-28)`) are in number-first.ts.
 */

/**
 * A five-digit number that is not part of a longer number, an amount or a decimal. What may not stand before it (a
 * letter, a digit, `.,/€$–-`, or a digit and a space) is checked in code (before.ts: the scan then skips to digits).
 */
const BARE_DOSSIER = global('(?:\\d{2}[ \\u00a0\\u2009\\u202f]?\\d{3}(?![\\d.,]\\d)|21[ \\u00a0]?501\\d{2}(?!\\d))');
const NOT_BEFORE_DOSSIER = /[\p{L}\d.,/€$\u2013-]/u;
const DIGIT = /\d/;
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
const COMPACT = global(
  `([1-3]\\d{4})(?:-${TOEV})?(?:-\\(R\\d{3,4}\\))?${COMPACT_DASH}([1-9]\\d{0,3}[a-z]?)(?![\\p{L}\\d/\\u2011\\u2013-]|[.,]\\d)`,
);
/** `(33240-XIII)`: a dossier with its toevoeging, alone in parentheses. */
const DOSSIER_IN_PARENS = global(`\\(${WS}([1-3]\\d{4})-${TOEV}${WS}\\)`);
export function detectBareCitations(text: string): PaperRef[][] {
  const found: PaperRef[][] = [];
  // The look-behind in code, written out rather than through matchesWhere: a generator and a closure per window
  // were a visible share of this detector's time.
  BARE_DOSSIER.lastIndex = 0;
  for (let m = BARE_DOSSIER.exec(text); m; m = BARE_DOSSIER.exec(text)) {
    if (!dossierMayStart(text, m.index)) {
      BARE_DOSSIER.lastIndex = m.index + 1;
      continue;
    }
    const cursor = new Cursor(text, m.index);
    const refs = parseCitation(cursor, { anchored: false, start: m.index });
    // A failed bare parse stops where its dossiers end, before the `nr.` that is not there: a parse from any of its
    // joint dossiers (`12345, 12346, …`) reads the same rest and fails the same way, so the scan resumes after
    // them (without this, each dossier of a long run read all the ones after it).
    BARE_DOSSIER.lastIndex = Math.max(BARE_DOSSIER.lastIndex, cursor.pos);
    if (!refs.length) continue;
    // In place: the references are the parse's own, and a copy of each was a visible share of the parse's cost.
    for (const r of refs) if (r.confidence > 0.95) r.confidence = 0.95;
    found.push(refs);
  }
  return found;
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

export function detectRomanEkDossiers(text: string): PaperRef[] {
  const found: PaperRef[] = [];
  if (!text.includes('(C')) return found;
  ROMAN_EK_DOSSIER.lastIndex = 0;
  for (let m = ROMAN_EK_DOSSIER.exec(text); m; m = ROMAN_EK_DOSSIER.exec(text)) {
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

export function detectCompactIds(text: string): PaperRef[] {
  const found: PaperRef[] = [];
  // Literal checks before each scan: a compact id has its dash, a dossier in parentheses its parenthesis.
  const dashed = text.includes('-') || text.includes('\u2011') || text.includes('\u2013');
  // The look-behind in code, written out (as in detectBareCitations): the generator and a closure per window were
  // most of this detector's own time.
  COMPACT.lastIndex = dashed ? 0 : text.length;
  for (let m = COMPACT.exec(text); m; m = COMPACT.exec(text)) {
    if (NOT_BEFORE_COMPACT.test(codePointBefore(text, m.index))) {
      COMPACT.lastIndex = m.index + 1;
      continue;
    }
    const [, dossier, toevoeging, number] = m;
    // `21501-20` alone names an EU-Raad subdossier, not document 20.
    if (dossier === '21501' && !toevoeging) continue;
    found.push(kamerstuk(m, dossier!, toevoeging, number!, toevoeging ? 0.9 : 0.8));
  }
  DOSSIER_IN_PARENS.lastIndex = text.includes('(') && text.includes('-') ? 0 : text.length;
  for (let m = DOSSIER_IN_PARENS.exec(text); m; m = DOSSIER_IN_PARENS.exec(text)) {
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
