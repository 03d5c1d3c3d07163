import { global, isJsSpace, sticky } from '../cursor';
import { publicationId } from '../ids';
import { WS, WS1 } from '../patterns';
import type { PaperKind, PaperRef } from '../types';
import { letterBefore, matchesWhere } from './before';
import type { DigitRuns } from './prefilter';

/*
 * The official journals (F24–F26): `Stb. 2019, 143`, `Staatsblad 2008, 267`, `Stb. 2016/267`, `Stcrt. 2020, 31064`,
 * `Trb. 2000, 66 en Trb. 2001, 164`, `(Trb. 2007, 169 en 2014, 113)` (second label elided). A citation without a
 * year (`Stb. 586`) names no id by itself and is left alone.
 */

/** `labels`: every way `label` can be written (the label ends right before the spaces before the year). */
const JOURNALS: { kind: PaperKind; prefix: 'stb' | 'stcrt' | 'trb'; label: string; labels: string[] }[] = [
  { kind: 'staatsblad', prefix: 'stb', label: 'Stb\\.?|Staatsblad', labels: ['Stb', 'Stb.', 'Staatsblad'] },
  {
    kind: 'staatscourant',
    prefix: 'stcrt',
    label: 'Stcrt\\.?|Staatscourant',
    labels: ['Stcrt', 'Stcrt.', 'Staatscourant'],
  },
  { kind: 'tractatenblad', prefix: 'trb', label: 'Trb\\.?|Tractatenblad', labels: ['Trb', 'Trb.', 'Tractatenblad'] },
];

const ENTRY = `((?:1[89]|20)\\d{2})${WS}[,/]${WS}(?:nr\\.${WS})?([1-9]\\d{0,5})(?!\\d|[.,]\\d)`;

const PATTERNS = JOURNALS.map((j) => ({
  ...j,
  // The label starts a word: checked in code (before.ts).
  first: global(`(?:${j.label})${WS1}${ENTRY}`),
  // `en Trb. 2001, 164` or `en 2001, 164`: a further entry of the same journal.
  next: sticky(`${WS1}en${WS1}(?:(?:${j.label})${WS1})?${ENTRY}`),
}));

/** JS `\\s{1,8}` before `at`: where the spaces start, or -1 when there are none or more than eight. */
function spacesBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i <= 8 && isJsSpace(text.charCodeAt(i - 1))) i--;
  return i === at || at - i > 8 ? -1 : i;
}

/** ENTRY after its year: at most eight spaces, then `,` or `/`. */
export function entrySeparatorFollows(text: string, at: number): boolean {
  for (let i = at; i <= at + 8 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 47) return true;
    if (!isJsSpace(c)) return false;
  }
  return false;
}

/**
 * Which journals' labels stand right before an entry's year, which every first match (`first`) has: `Stb. 2019,`
 * with one to eight spaces between. The year is a digit run of exactly four (`18`, `19` or `20` first), so the
 * labels are looked for only before those. The searches of the whole window for the labels' first letters (`St`,
 * `Tr`) cost 6.5 µs over the real texts' windows, measured, where `Staten-Generaal` stands in every masthead.
 */
function journalsFound(text: string, runs: DigitRuns): boolean[] {
  const found = [false, false, false];
  for (let r = 0; r < runs.length; r += 2) {
    const at = runs[r]!;
    if (runs[r + 1]! - at !== 4) continue;
    const century = text.charCodeAt(at) * 256 + text.charCodeAt(at + 1);
    // `18`, `19` or `20`.
    if (century !== 0x3138 && century !== 0x3139 && century !== 0x3230) continue;
    if (!entrySeparatorFollows(text, at + 4)) continue;
    const end = spacesBefore(text, at);
    if (end < 3) continue;
    for (let j = 0; j < JOURNALS.length; j++) {
      if (found[j]) continue;
      for (const w of JOURNALS[j]!.labels) {
        if (end >= w.length && text.startsWith(w, end - w.length)) {
          found[j] = true;
          break;
        }
      }
    }
  }
  return found;
}

/** `runs`: the text's digit runs (prefilter.ts, DigitRuns). */
export function detectPublications(text: string, runs: DigitRuns): PaperRef[] {
  const found: PaperRef[] = [];
  const journals = journalsFound(text, runs);
  for (let j = 0; j < PATTERNS.length; j++) {
    if (!journals[j]) continue;
    const { kind, prefix, first, next } = PATTERNS[j]!;
    for (const m of matchesWhere(first.regex, text, (at) => !letterBefore(text, at))) {
      let start = m.index;
      let match: RegExpExecArray | null = m;
      while (match) {
        const [whole, year, nr] = match;
        const end = start + whole.length;
        // A further entry's link covers `Trb. 2001, 164` / `2001, 164`, not the `en` before it.
        const lead = whole.length - whole.trimStart().replace(/^en\s+/, '').length;
        found.push({
          kind,
          id: publicationId(prefix, year!, nr!),
          text: text.slice(start + lead, end),
          start: start + lead,
          end,
          parts: { year: year!, number: nr! },
          confidence: 0.98,
        });
        next.regex.lastIndex = end;
        match = next.regex.exec(text);
        start = end;
        if (match) first.regex.lastIndex = next.regex.lastIndex;
      }
    }
  }
  return found;
}
