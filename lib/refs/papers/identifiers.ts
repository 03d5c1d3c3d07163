import { OB_PREFIX, type ObPrefix } from '../../contract/ids';
import { global, sticky } from '../cursor';
import type { PaperRef } from '../types';
import type { DigitRuns } from './prefilter';

/*
 * Identifiers written out in running text (F15, F27): Tweede Kamer document and zaak numbers (`2019D41229`,
 * `2019Z19557`) and officielebekendmakingen ids (`(kst-36537-8)`, `ah-tk-20212022-2349`, `stb-2019-143`).
 */

/*
 * Both patterns start with what they consume, not with a lookbehind: V8 can then skip ahead to candidates instead of
 * testing a lookbehind at every position (5× faster here). The character before is checked in code.
 */
const TK_NUMBER = sticky('((?:19|20)\\d{2})([DZ])(\\d{5})(?![\\d\\p{L}])');
/**
 * Only a Kamerstuk id starts with letters (an Eerste Kamer roman dossier, `kst-cxxiv-g`); every other kind starts
 * with its year or vergaderjaar, four digits or more, which the prefilter opens a window for.
 */
const OB_ID = global(
  '(?:(kst)-(?:[0-9]+|[A-Za-z]{1,6})|(h-tk|h-ek|ah-tk|ah-ek|stb|stcrt|trb)-[0-9]{4,})(?:-[0-9A-Za-z]{1,8}){1,5}(?![\\p{L}\\d-])',
);

/** True when the character before `index` is part of a word or number, so a match there is not a whole id. */
function glued(text: string, index: number, alsoGlue: RegExp): boolean {
  return index > 0 && alsoGlue.test(text[index - 1]!);
}
const WORD_CHAR = /[\p{L}\d]/u;
/** The prefixes other than `kst`, each with its hyphen: a year or vergaderjaar (four digits or more) follows them. */
const DATED_PREFIXES = ['h-tk-', 'h-ek-', 'stb-', 'stcrt-', 'trb-'];
const ID_CHAR = /[\p{L}\d/-]/u;

/**
 * Whether an OB id can start in the text: `kst-` stands in it (`kst`, the prefilter found), or a dated prefix right
 * before a digit run of four or more (OB_ID: `(h-tk|…)-[0-9]{4,}`, which ends the run; `ah-tk-` holds `h-tk-`). A
 * search of the window for the hyphens of all six prefixes, most of them in vain, was 1.7% of paper detection over
 * the real texts (a profile).
 */
function obPrefixFound(text: string, runs: DigitRuns, kst: boolean): boolean {
  if (kst) return true;
  for (let r = 0; r < runs.length; r += 2) {
    const at = runs[r]!;
    // Each prefix has a letter before its hyphen (`k`, `b`, `t`): the vergaderjaar of every masthead (`2024-2025`)
    // has a digit there, and was tried against all five.
    const letter = text.charCodeAt(at - 2);
    if (
      runs[r + 1]! - at < 4 ||
      text.charCodeAt(at - 1) !== 45 ||
      !(letter === 107 || letter === 98 || letter === 116)
    ) {
      continue;
    }
    for (const p of DATED_PREFIXES) if (at >= p.length && text.startsWith(p, at - p.length)) return true;
  }
  return false;
}

/**
 * Where a TK number not glued to a word can start: a run of exactly four digits, `19` or `20` first, then `D` or
 * `Z` (a match inside a longer run has a digit before it). Read off the prefilter's digit runs rather than scanned
 * for (see detectBareCitations); no TK number can start inside another, so trying these in order finds what a
 * global scan found.
 */
function tkNumberStarts(text: string, runs: DigitRuns): number[] {
  const at: number[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    if (end - start !== 4) continue;
    const year = text.charCodeAt(start) * 256 + text.charCodeAt(start + 1);
    const letter = text.charCodeAt(end);
    // `19` or `20`, then `D` or `Z`.
    if ((year === 0x3139 || year === 0x3230) && (letter === 68 || letter === 90)) at.push(start);
  }
  return at;
}

/** `kst`: whether `kst-` stands in the text (prefilter.ts, Window). */
export function detectIdentifiers(text: string, runs: DigitRuns, kst = text.includes('kst-')): PaperRef[] {
  const found: PaperRef[] = [];
  for (const at of tkNumberStarts(text, runs)) {
    TK_NUMBER.regex.lastIndex = at;
    const m = TK_NUMBER.regex.exec(text);
    if (!m || glued(text, m.index, WORD_CHAR)) continue;
    found.push({
      kind: m[2] === 'D' ? 'tk-document' : 'tk-zaak',
      id: m[0],
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      parts: { year: m[1]! },
      confidence: 0.97,
    });
  }
  if (!obPrefixFound(text, runs, kst)) return found;
  OB_ID.regex.lastIndex = 0;
  for (let m = OB_ID.regex.exec(text); m; m = OB_ID.regex.exec(text)) {
    if (glued(text, m.index, ID_CHAR)) continue;
    // A URL's `.html` is not part of the id; the regex stops before the dot already.
    found.push({
      kind: OB_PREFIX[(m[1] ?? m[2]) as ObPrefix],
      id: m[0],
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      parts: {},
      confidence: 0.99,
    });
  }
  return found;
}
