import { global, sticky } from '../cursor';
import { publicationId } from '../ids';
import { WS, WS1 } from '../patterns';
import type { PaperKind, PaperRef } from '../types';
import { letterBefore, matchesWhere } from './before';

/*
 * The official journals (F24–F26): `Stb. 2019, 143`, `Staatsblad 2008, 267`, `Stb. 2016/267`, `Stcrt. 2020, 31064`,
 * `Trb. 2000, 66 en Trb. 2001, 164`, `(Trb. 2007, 169 en 2014, 113)` (second label elided). A citation without a
 * year (`Stb. 586`) names no id by itself and is left alone.
 */

/** `words`: literals one of which every match of `label` contains, checked before the journal's scan. */
const JOURNALS: { kind: PaperKind; prefix: 'stb' | 'stcrt' | 'trb'; label: string; words: string[] }[] = [
  { kind: 'staatsblad', prefix: 'stb', label: 'Stb\\.?|Staatsblad', words: ['Stb', 'Staatsblad'] },
  { kind: 'staatscourant', prefix: 'stcrt', label: 'Stcrt\\.?|Staatscourant', words: ['Stcrt', 'Staatscourant'] },
  { kind: 'tractatenblad', prefix: 'trb', label: 'Trb\\.?|Tractatenblad', words: ['Trb', 'Tractatenblad'] },
];

const ENTRY = `((?:1[89]|20)\\d{2})${WS}[,/]${WS}(?:nr\\.${WS})?([1-9]\\d{0,5})(?!\\d|[.,]\\d)`;

const PATTERNS = JOURNALS.map((j) => ({
  ...j,
  // The label starts a word: checked in code (before.ts).
  first: global(`(?:${j.label})${WS1}${ENTRY}`),
  // `en Trb. 2001, 164` or `en 2001, 164`: a further entry of the same journal.
  next: sticky(`${WS1}en${WS1}(?:(?:${j.label})${WS1})?${ENTRY}`),
}));

/** The first two letters of the journals' words: `St` and `Tr`. */
const LEADS = [...new Set(JOURNALS.flatMap((j) => j.words.map((w) => w.slice(0, 2))))];

/**
 * Which journals' words stand in the text, found from the two letters each word starts with (LEADS): two searches
 * of the window where there were six, one per word (the closure doing them was 1.5% of paper detection over the
 * real texts, in a profile).
 */
/**
 * What every journal word has after its lead: `b` (`Stb`, `Trb`), `c` (`Stcrt`), or `a` and then `a` or `c`
 * (`Staatsblad`, `Staatscourant`, `Tractatenblad`). `Staten-Generaal` in every KOOP masthead has not: the word
 * comparisons at each were most of this function's time over the real texts.
 */
function mayBeJournalWord(text: string, at: number): boolean {
  const third = text.charCodeAt(at + 2);
  if (third === 98 || third === 99) return true;
  const fourth = text.charCodeAt(at + 3);
  return third === 97 && (fourth === 97 || fourth === 99);
}

function journalsFound(text: string): boolean[] {
  const found = [false, false, false];
  for (const lead of LEADS) {
    for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 2)) {
      if (!mayBeJournalWord(text, at)) continue;
      // Loops, not `words.some(…)`: `St` stands in every KOOP masthead (`Staten-Generaal`), and a closure per hit
      // was most of this function's time over the real texts.
      for (let j = 0; j < PATTERNS.length; j++) {
        if (found[j]) continue;
        for (const w of PATTERNS[j]!.words) {
          if (text.startsWith(w, at)) {
            found[j] = true;
            break;
          }
        }
      }
    }
  }
  return found;
}

export function detectPublications(text: string): PaperRef[] {
  const found: PaperRef[] = [];
  const journals = journalsFound(text);
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
