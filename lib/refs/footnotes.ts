import type { Footnote } from './types';

/*
 * Footnotes in plain text (PDF or page text): a marker stands in the running text, as a superscript (`c.s.²`,
 * `Laar.⁷`) or as plain digits glued to the word or stop before it (`Becker8`, `opstellen.1`), and the note is a
 * line further on that starts with the same number (`8 Kamerstuk 35 300 VI, nr. 37.`).
 *
 * Plain digits glued to a word are as often part of it (`COVID-19`, `D66`, `nr.19`, `€ 3,1`), so a marker only counts
 * when a note with its label follows; superscripts are held to the same rule, which keeps `m²` out too.
 */

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const SUP = '[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]';

/**
 * A note line: its label at the start of a line, then text that does not start with a digit, so that a wrapped
 * line beginning with a dossier number (`19 637, nr. 2394).`) is no note.
 */
const NOTE_LINE = new RegExp(String.raw`^[^\S\n]*(\d{1,3}|${SUP}{1,3})[^\S\n]+(?=[^\s\d])`, 'gm');
/** A wrapped date (`9 november 2020 per voortgangsbrief …`) looks like a note line but is not one. */
const MONTH = /^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?!\p{L})/iu;

/** PDF text resumes the running text after a block of notes on a line with one leading space. */
const RESUMED_TEXT = /^[^\S\n]\S/;

/** Runs of digits, plain or superscript: every marker is one, and most are numbers, judged one by one below. */
const DIGIT_RUN = new RegExp(String.raw`\d+|${SUP}+`, 'g');
/**
 * What plain digits of a marker are glued to: a letter or closing punctuation (`Becker8`, `c.s.2`, `akkoord10 over`,
 * `geïnformeerd17.`); not a hyphen (`COVID-19`, `21501-20`) or a space (`2019`).
 */
const GLUED_TO = /[\p{L}.,;:!?)’'"”*»\]]/u;
/** Words that end in digits of their own: parties, substances, summits. */
const DIGIT_WORDS = new Set(['d66', 'ja21', 'bij1', 'co2', 'no2', 'h2', 'g7', 'g8', 'g20', 'mh17', 'f16', 'f35']);
/** Stops after which digits are a number, not a marker: `nr.19`, `art.3`, `p.7`. */
const NUMBER_ABBREVIATIONS = new Set(['nr', 'nrs', 'no', 'art', 'p', 'pp', 'blz', 'lid', 'jo', 'par', 'hfdst']);

interface Note {
  label: string;
  start: number;
  bodyStart: number;
}

/**
 * The footnotes of a plain text, in order of their markers: each marker's label and the text of its note (up to the
 * next blank line or note line). A marker whose note cannot be found is not reported.
 */
export function findFootnotes(text: string): Footnote[] {
  const notes = noteLines(text);
  if (!notes.length) return [];
  const byLabel = notesByLabel(notes);
  const noteStarts = new Set(notes.map((n) => n.start));

  // Each note goes to the nearest marker before it with its label: the note follows its marker on the same page,
  // and an earlier look-alike (`A2`, a section number `1.1`) is further away.
  const claimed = new Map<Note, { at: number; label: string }>();
  const next = new Map<string, number>();
  for (const marker of markers(text)) {
    const candidates = byLabel.get(marker.label);
    if (!candidates) continue;
    // Markers come in text order, so the pointer per label only moves forward.
    let i = next.get(marker.label) ?? 0;
    while (candidates[i] && candidates[i]!.start <= marker.at) i++;
    next.set(marker.label, i);
    const note = candidates[i];
    if (note) claimed.set(note, marker);
  }
  return [...claimed]
    .map(([note, marker]) => ({ at: marker.at, label: marker.label, body: noteBody(text, note, noteStarts) }))
    .sort((a, b) => a.at - b.at);
}

/** How far after its marker a note is looked for by its text alone, when it is not on a note line of its own. */
const NOTE_SEARCH = 8_000;

/**
 * A lookup of where a footnote's note text stands in `text`, for footnotes whose note is part of it: on the note
 * line with its label after the marker (plain text), or else within a few pages after the marker (a page whose
 * notes are unnumbered). The note lines are found once, on first use, and each search is bounded, so looking up
 * any number of footnotes stays linear in the text.
 */
export function noteLocator(text: string): (footnote: Footnote) => number | undefined {
  let byLabel: Map<string, Note[]> | undefined;
  return (footnote) => {
    const body = footnote.body;
    if (!body) return undefined;
    byLabel ??= notesByLabel(noteLines(text));
    const candidates = byLabel.get(footnote.label) ?? [];
    const note = candidates[firstAfter(candidates, footnote.at)];
    if (note && text.startsWith(body, note.bodyStart)) return note.bodyStart;
    const from = Math.max(0, footnote.at);
    const found = text.slice(from, from + NOTE_SEARCH + body.length).indexOf(body);
    return found >= 0 ? from + found : undefined;
  };
}

function notesByLabel(notes: readonly Note[]): Map<string, Note[]> {
  const byLabel = new Map<string, Note[]>();
  for (const note of notes) {
    const list = byLabel.get(note.label);
    if (list) list.push(note);
    else byLabel.set(note.label, [note]);
  }
  return byLabel;
}

/** Index of the first note that starts after `at` (binary search; notes in text order). */
function firstAfter(notes: readonly Note[], at: number): number {
  let low = 0;
  let high = notes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (notes[mid]!.start <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function noteLines(text: string): Note[] {
  const notes: Note[] = [];
  NOTE_LINE.lastIndex = 0;
  for (let m = NOTE_LINE.exec(text); m; m = NOTE_LINE.exec(text)) {
    const bodyStart = m.index + m[0].length;
    if (MONTH.test(text.slice(bodyStart, bodyStart + 12))) continue;
    const raw = m[1]!;
    notes.push({ label: toDigits(raw), start: m.index, bodyStart });
  }
  return notes;
}

/** The note's text: its line and the lines after it, up to a blank line or the next note. */
function noteBody(text: string, note: Note, noteStarts: ReadonlySet<number>): string {
  let end = text.indexOf('\n', note.bodyStart);
  while (end >= 0) {
    const lineStart = end + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    // ` In reactie op …` after `4 Kamerstukken 19 637 en 30 573, nr. 2386` is the letter again, not the note.
    if (!line.trim() || noteStarts.has(lineStart) || RESUMED_TEXT.test(line)) break;
    end = lineEnd;
  }
  return text.slice(note.bodyStart, end < 0 ? text.length : end).trimEnd();
}

function* markers(text: string): Generator<{ at: number; label: string }> {
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const run = m[0];
    if (run.length > 3) continue;
    const before = text[m.index - 1];
    if (!before || /\s/.test(before)) continue;
    if (/\d/.test(run[0]!)) {
      const after = text[m.index + run.length] ?? '';
      if (!GLUED_TO.test(before) || /[\p{L}\d-]/u.test(after) || !isGluedMarker(text, m.index, run)) continue;
    }
    yield { at: m.index, label: toDigits(run) };
  }
}

function isGluedMarker(text: string, at: number, digits: string): boolean {
  const before = text[at - 1]!;
  const word = /[\p{L}\p{M}]{1,12}$/u.exec(text.slice(Math.max(0, at - 12), at))?.[0].toLowerCase() ?? '';
  // A lone capital with digits is a code (`A2`, `B1` language levels), not a word with a marker.
  if (/\p{L}/u.test(before)) return word.length > 1 && !DIGIT_WORDS.has(word + digits);
  // `3,1 miljard`, `1.400`, section `1.1`: digits after a separator inside a number. `in 2015.3 Het` is a year, a
  // stop and a marker.
  if ((before === ',' || before === '.') && /\d/.test(text[at - 2] ?? '')) {
    return (
      before === '.' &&
      /\d{3}$/.test(text.slice(Math.max(0, at - 4), at - 1)) &&
      digits.length < 3 &&
      /^(?:\s|$)/.test(text.slice(at + digits.length, at + digits.length + 1))
    );
  }
  if (before === '.') {
    const abbreviation = /([\p{L}]{1,6})\.$/u.exec(text.slice(Math.max(0, at - 8), at))?.[1]?.toLowerCase();
    if (abbreviation && NUMBER_ABBREVIATIONS.has(abbreviation)) return false;
  }
  return true;
}

function toDigits(label: string): string {
  return [...label].map((c) => SUPERSCRIPTS[c] ?? c).join('');
}
