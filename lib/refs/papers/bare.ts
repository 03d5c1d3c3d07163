import { Cursor, global } from '../cursor';
import { dossierId, kamerstukId } from '../ids';
import { ROMAN, WS, WS1 } from '../patterns';
import type { PaperRef } from '../types';
import { parseCitation } from './citation';

/*
 * Kamerstuk references without the word Kamerstuk: the Handelingen-style `(35300-VI, nr. 37)`, `(19 637, nr. 1257)`;
 * compact ids `33576-105`, `21501-08-692`, `35570-XIV-46`, `23908-(R1519)-131` (lists in the Regeling van
 * werkzaamheden, TK "Nummer:" fields); `Zij krijgt nr. 348, was nr. 347 (32317)` and `nr. 30 (t.v.v. 36471-28)`.
 */

/** A five-digit number that is not part of a longer number, an amount or a decimal. */
const BARE_DOSSIER = global(
  '(?<![\\p{L}\\d.,/€$\\u2013-]|\\d[ \\u00a0])(?:\\d{2}[ \\u00a0\\u2009\\u202f]?\\d{3}(?![\\d.,]\\d)|21[ \\u00a0]?501\\d{2}(?!\\d))',
);

/** Dossier numbers in use run from the 1xxxx to the 3xxxx range (EU Raad 21 501, begrotingen 36 xxx). */
const TOEV = `(\\d{2}|${ROMAN}|[A-Z]{1,2})`;
const COMPACT = global(
  `(?<![\\p{L}\\d./-])([1-3]\\d{4})(?:-${TOEV})?(?:-\\(R\\d{3,4}\\))?-([1-9]\\d{0,3}[a-z]?)(?![\\p{L}\\d/-]|[.,]\\d)`,
);
/** `(33240-XIII)`: a dossier with its toevoeging, alone in parentheses. */
const DOSSIER_IN_PARENS = global(`\\(${WS}([1-3]\\d{4})-${TOEV}${WS}\\)`);
/**
 * `nr. 79 (27400-XII)`, `nr. 30 (t.v.v. 36471-28)`: the number first, the dossier after. In `Zij krijgt nr. 348, was
 * nr. 347 (32317)` the motion has been renumbered: the new number is the one to link.
 */
/** In `(t.v.v. 36471-28)` the digits after the dossier are the replaced motion's number, not a toevoeging. */
const TOEV_AFTER_NUMBER = `(${ROMAN}|[A-Z]{1,2}|(?<=21501-)\\d{2})`;
const NUMBER_THEN_DOSSIER = global(
  `(?<![\\p{L}])(?:krijgt${WS}nr\\.${WS}([1-9]\\d{0,3}),${WS}was${WS})?nr\\.${WS}([1-9]\\d{0,3})${WS}\\(${WS}(?:t\\.v\\.v\\.${WS})?([1-3]\\d{4})(?:-${TOEV_AFTER_NUMBER})?(?:-\\d{1,4})?${WS}\\)`,
);

export function detectBareCitations(text: string): PaperRef[][] {
  const found: PaperRef[][] = [];
  BARE_DOSSIER.lastIndex = 0;
  for (let m = BARE_DOSSIER.exec(text); m; m = BARE_DOSSIER.exec(text)) {
    const cursor = new Cursor(text, m.index);
    const refs = parseCitation(cursor, { anchored: false, start: m.index });
    if (!refs.length) continue;
    found.push(refs.map((r) => ({ ...r, confidence: Math.min(r.confidence, 0.95) })));
    BARE_DOSSIER.lastIndex = Math.max(BARE_DOSSIER.lastIndex, cursor.pos);
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
  COMPACT.lastIndex = 0;
  for (let m = COMPACT.exec(text); m; m = COMPACT.exec(text)) {
    const [, dossier, toevoeging, number] = m;
    // `21501-20` alone names an EU-Raad subdossier, not document 20.
    if (dossier === '21501' && !toevoeging) continue;
    found.push(kamerstuk(m, dossier!, toevoeging, number!, toevoeging ? 0.9 : 0.8));
  }
  DOSSIER_IN_PARENS.lastIndex = 0;
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
  NUMBER_THEN_DOSSIER.lastIndex = 0;
  for (let m = NUMBER_THEN_DOSSIER.exec(text); m; m = NUMBER_THEN_DOSSIER.exec(text)) {
    const [, renumbered, original, dossier, toevoeging] = m;
    found.push(kamerstuk(m, dossier!, toevoeging, (renumbered ?? original)!, 0.85));
  }
  return found;
}
