import { isJsSpace } from '../cursor';
import { detectPapers } from '../papers';
import type { Footnote, PaperRef } from '../types';
import { CITED_NOUNS, CLAUSE_OPENERS, DETERMINERS, LETTER_SUBJECT_PHRASES, LETTER_WORDS, SEE_ALSO } from './lexicon';
import type { Mention } from './names';
import { endsSentence, sentenceEnd, sentenceStart } from './sentences';

/** How far after a mention its citation or footnote marker may stand; a sentence rarely runs longer. */
const REACH = 400;
/** How far back the sentence before a mention is read, to see whether a letter is about it. */
const LOOK_BACK = 240;
/** The last words of the phrases that make a motion a letter's subject (`Uitvoering van`, `n.a.v.`), lower case. */
const PHRASE_ENDS = [...new Set(LETTER_SUBJECT_PHRASES.map((phrase) => phrase[phrase.length - 1]!))];

const DIRECT = /^\s*[(,]\s*$/;
/**
 * `op stuk nr. N (dossier)` names the motion's own paper: `de motie-Van den Berg op stuk nr. 54 (32 012)` (realtexts
 * kst-28828-158.xml), `de motie-Beckerman/Nijboer op stuk nr. 1181 (33 529)` (kst-33529-1323.xml), and for several
 * motions `op stukken nrs. 12 en 13 (…)`. The paper detectors' citation starts at `nr.`, so `op stuk` is the gap
 * (or `op`, should a citation ever start at `stuk`).
 */
const ON_PAPER = /^\s*,?\s*op(?:\s+stuk(?:ken)?)?\s+$/i;
const SAME_CITATION = /^\s*(?:[,;&]|\ben\b)?\s*$/;
const SECOND_CITATION = /\s*\)\s*\(\s*/y;
const ADJACENT_MARKER = /^[.,;:)]?$/;

/**
 * The motion's own document for each motion of a mention, where the text determines it: a citation right after
 * it in the same sentence (`motie-Verhoeven/Groothuizen (Kamerstuk 21 501-20, nr. 1265)`), else the note of a
 * footnote marker after it (`de motie van het lid Groothuizen c.s.²`). Nothing when a letter is about the motion
 * (`de brief n.a.v. de motie van het lid Becker8`): the citation and the note are then the letter's.
 *
 * @param nextMotion where the next motion word stands: a citation beyond it may be that motion's.
 * @param papers sorted by start; @param footnotes sorted by `at`, with `locateNote` finding where a note's text stands.
 */
export function motionIds(
  text: string,
  mention: Mention,
  nextMotion: number,
  papers: readonly PaperRef[],
  footnotes: readonly Footnote[],
  locateNote: (footnote: Footnote) => number | undefined,
): (string | undefined)[] {
  const none = mention.groups.map(() => undefined);
  const last = mention.groups[mention.groups.length - 1];
  if (!last) return none;
  const from = last.end;
  let limit = Math.min(text.length, nextMotion, from + REACH);
  // An upper-case header is a line of its own: `GEWIJZIGDE MOTIE VAN HET LID IDSINGA C.S. TER VERVANGING VAN DIE
  // GEDRUKT ONDER NR. 16` (realtexts kst-36128-17.xml) took the id of `een amendement (36 421, nr. 11)` four lines
  // on, read as the end of a `ter …` clause. What follows the header is the motion's own text, not its citation.
  if (mention.caps) {
    const lineEnd = text.indexOf('\n', from);
    if (lineEnd >= 0) limit = Math.min(limit, lineEnd);
  }
  // The sentence ends at `limit` or before, so a citation that starts at `limit` or later, or a note after it, is
  // never the motion's: without either, neither the sentence nor the letter before it is read. (Most motions of
  // motion-dense text have neither: skipping them made the motion reader 1.03-1.08 times as fast there.)
  const paper = papers[firstAtOrAfter(papers, from, (p) => p.start)];
  const note = footnotes[firstAtOrAfter(footnotes, from, (f) => f.at)];
  if ((!paper || paper.start >= limit) && (!note || note.at > limit)) return none;
  if (isLetterSubject(text, mention.keywordStart)) return none;
  const end = sentenceEnd(text, from, limit);

  const citation = followingCitation(text, from, end, papers);
  if (citation) {
    // `moties van lid X (Kamerstuk …, nr. 5)`: one citation, several motions; which one is meant is open.
    const counted = citation.length === mention.groups.length && !(mention.plural && citation.length === 1);
    if (!counted || citation.some((p) => p.kind !== 'kamerstuk')) return none;
    return citation.map((p) => p.id);
  }
  if (mention.groups.length !== 1 || mention.plural) return none;
  return [footnoteId(text, from, end, papers, footnotes, locateNote)];
}

/**
 * The citation that follows a mention directly (`(Kamerstuk …)`, `, Kamerstukken II …`) or closes a clause about it
 * (`motie-Fritsma over … (Kamerstuk 19 637, nr. 2380)`); the papers of a list (`nrs. 12 en 13`) together. Empty when
 * the mention is a letter's title followed by the letter's own citation (`Uitvoering van de motie … (Kamerstuk …)
 * (Kamerstuk …)`).
 */
function followingCitation(
  text: string,
  from: number,
  end: number,
  papers: readonly PaperRef[],
): PaperRef[] | undefined {
  let index = firstAtOrAfter(papers, from, (p) => p.start);
  const first = papers[index];
  if (!first || first.start >= end || !citationGap(text.slice(from, first.start))) return undefined;
  const run = [first];
  for (let next = papers[++index]; next; next = papers[++index]) {
    const previousEnd = run[run.length - 1]!.end;
    if (next.start - previousEnd > 8 || !SAME_CITATION.test(text.slice(previousEnd, next.start))) break;
    run.push(next);
  }
  const after = papers[index];
  SECOND_CITATION.lastIndex = run[run.length - 1]!.end;
  if (after && SECOND_CITATION.test(text) && SECOND_CITATION.lastIndex === after.start) return [];
  return run;
}

function citationGap(gap: string): boolean {
  if (DIRECT.test(gap) || ON_PAPER.test(gap)) return true;
  const trimmed = gap.trimEnd();
  if (!trimmed.endsWith('(')) return false;
  const clause = trimmed.slice(0, -1);
  // `de motie-X over de brief van … (Kamerstuk …)`: the citation may be the letter's.
  return describesMotion(clause) && !words(clause).some((w) => CITED_NOUNS.has(w));
}

/** A clause that says what the motion is about (`over …`, `waarin …`, `, ingediend …`). */
function describesMotion(clause: string): boolean {
  const opener = words(clause)[0];
  return !/[()]/.test(clause) && !!opener && CLAUSE_OPENERS.has(opener);
}

function words(clause: string): string[] {
  return clause
    .toLowerCase()
    .split(/[\s,]+/u)
    .filter(Boolean);
}

function footnoteId(
  text: string,
  from: number,
  end: number,
  papers: readonly PaperRef[],
  footnotes: readonly Footnote[],
  locateNote: (footnote: Footnote) => number | undefined,
): string | undefined {
  const note = footnotes[firstAtOrAfter(footnotes, from, (f) => f.at)];
  if (!note || note.at > end) return undefined;
  const gap = text.slice(from, note.at);
  if (!ADJACENT_MARKER.test(gap)) {
    // After a clause, only a marker that closes the sentence is about the motion; one inside the clause is about
    // whatever the clause names.
    const closes = note.at === end || endsSentence(text, note.at + note.label.length);
    const cited = papers[firstAtOrAfter(papers, from, (p) => p.start)];
    if (!closes || !describesMotion(gap.replace(/[.!?]$/, '')) || (cited && cited.start < note.at)) return undefined;
  }
  if (SEE_ALSO.test(note.body.trimStart())) return undefined;
  // In plain text the note is part of the same text; on a page the caller may say where, or the note may stand
  // elsewhere (a popup), and then its own text is read.
  const bodyStart = note.bodyAt ?? locateNote(note);
  if (bodyStart === undefined) return detectPapers(note.body).find((p) => p.kind === 'kamerstuk')?.id;
  const bodyEnd = bodyStart + note.body.length;
  for (let i = firstAtOrAfter(papers, bodyStart, (p) => p.start); papers[i] && papers[i]!.start < bodyEnd; i++) {
    const paper = papers[i]!;
    if (paper.kind === 'kamerstuk' && paper.end <= bodyEnd) return paper.id;
  }
  return undefined;
}

/**
 * Whether the motion is the subject of a letter: `de brief n.a.v. de motie …`, `in de brief … naar aanleiding van
 * de motie …`, or a letter's title `Uitvoering (van de) motie …`. A citation or note after it is the letter's.
 */
export function isLetterSubject(text: string, keywordStart: number): boolean {
  // Where the sentence starts matters only if the word before the motion word (after its determiners) can end a
  // phrase: the sentence's own last word is that word, or the part of it after a stop (`2380).Uitvoering`), or
  // there is none. Finding the sentence start for every motion was 4% of the motion reader's time on motion-dense
  // text (in a profile), where that word rarely ends a phrase (`Hiermee geef ik uitvoering aan de motie …`).
  const before = lastWords(text, Math.max(0, keywordStart - LOOK_BACK), keywordStart, 1)[0]?.toLowerCase();
  if (before === undefined || !PHRASE_ENDS.some((end) => before.endsWith(end))) return false;
  const start = sentenceStart(text, keywordStart, LOOK_BACK);
  // The last words before the motion word, after its determiners, read backwards: the phrases have at most three
  // words. Splitting the whole sentence (up to 240 characters) into words was 5% of the motion reader's time on
  // motion-dense text (in a profile).
  const last = lastWords(text, start, keywordStart, 3);
  if (last[0] === 'Uitvoering' || (last[0] === 'van' && last[1] === 'Uitvoering')) return true;
  const lower = last.map((w) => w.toLowerCase());
  // Both must hold; the phrase, on three words, is tested before the pattern, on the sentence.
  return (
    LETTER_SUBJECT_PHRASES.some(
      (phrase) => phrase.length <= lower.length && phrase.every((w, i) => lower[phrase.length - 1 - i] === w),
    ) && LETTER_WORDS.test(text.slice(start, keywordStart))
  );
}

/**
 * Up to `count` words (runs without white space) that end before `end` and start at or after `start`, last first,
 * skipping the determiners right before `end`: what `text.slice(start, end).split(/\s+/u)` ends in, reversed.
 */
function lastWords(text: string, start: number, end: number, count: number): string[] {
  const found: string[] = [];
  let at = end;
  while (found.length < count) {
    while (at > start && isJsSpace(text.charCodeAt(at - 1))) at--;
    if (at <= start) break;
    const wordEnd = at;
    while (at > start && !isJsSpace(text.charCodeAt(at - 1))) at--;
    const word = text.slice(at, wordEnd);
    if (found.length || !DETERMINERS.has(word.toLowerCase())) found.push(word);
  }
  return found;
}

/** Index of the first item whose key is at least `at` (binary search; items sorted by key). */
function firstAtOrAfter<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(items[mid]!) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}
