import { noteLocator } from '../footnotes';
import type { Footnote, MotionRef, PaperRef } from '../types';
import { motionIds } from './linking';
import { type MemberGroup, type MentionForm, readMention } from './names';

/**
 * The cheap prefilter: `motie`/`moties` as a whole word in any case (`MOTIE`, `motie-Fritsma`), never `motieven` or
 * `gemotiveerd`. Only the windows it finds are tokenised.
 */
const MOTION_WORD = /motie/gi;
const LETTER = /[\p{L}\p{M}]/u;

/** How sure each form is that the names are a motion's submitters: a bare `de motie Groothuizen` is least sure. */
const CONFIDENCE: Record<MentionForm, number> = { member: 0.95, dash: 0.95, title: 0.9, van: 0.85, bare: 0.8 };

/**
 * Every mention of a motion in a plain text, in order: the submitters' surnames (`van laar`), whether it says `c.s.`,
 * and the motion's own document where the text determines it. Mentions without names (`een motie`, `Deze motie`)
 * are skipped, since a motion is only identifiable by its members or its number.
 *
 * Pure and DOM-free: it runs in Node and in a browser worker. Linear in the length of the text: only a bounded
 * window around each motion word is read.
 *
 * @param papers paper references already detected in the same text, sorted by start; a motion takes its id from a
 *   Kamerstuk citation that follows it, so citations are parsed once, by the paper detectors.
 * @param footnotes footnote markers and notes of the same text (`findFootnotes`), for `de motie … c.s.²`.
 */
export function detectMotions(text: string, papers: readonly PaperRef[], footnotes: readonly Footnote[]): MotionRef[] {
  return motionScanner(text, papers, footnotes)(text.length);
}

/**
 * `detectMotions` in steps: each call returns the mentions whose motion word stands before `until` that earlier
 * calls did not return. Each mention is read from the whole text (its names, the citation or note after it), so
 * where the steps are cut changes nothing.
 */
export function motionScanner(
  text: string,
  papers: readonly PaperRef[],
  footnotes: readonly Footnote[],
): (until: number) => MotionRef[] {
  const notes = [...footnotes].sort((a, b) => a.at - b.at);
  const locateNote = noteLocator(text);
  const keywords = motionWords(text);
  let coveredUntil = 0;
  let next = 0;
  return (until) => {
    const found: MotionRef[] = [];
    for (; next < keywords.length && keywords[next]! < until; next++) {
      const keyword = keywords[next]!;
      if (keyword < coveredUntil) continue;
      const mention = readMention(text, keyword);
      if (!mention) continue;
      const ids = motionIds(text, mention, keywords[next + 1] ?? text.length, papers, notes, locateNote);
      const confidence = mention.caps ? 0.9 : CONFIDENCE[mention.form];
      mention.groups.forEach((group, g) => {
        found.push(motionRef(text, group, ids[g], confidence));
        coveredUntil = group.end;
      });
    }
    return found;
  };
}

/**
 * A motion's reference, with its id only if it has one (after `cs`, where JSON shows it). Two literals, not a spread
 * of `{ id }`: the spread was 3% of the motion reader's time on motion-dense text (in a profile).
 */
function motionRef(text: string, group: MemberGroup, id: string | undefined, confidence: number): MotionRef {
  const { members, cs, start, end } = group;
  const slice = text.slice(start, end);
  return id
    ? { kind: 'motion', members, cs, id, text: slice, start, end, confidence }
    : { kind: 'motion', members, cs, text: slice, start, end, confidence };
}

/** Offsets of `motie`/`moties` as whole words; a plain search and a look at the neighbours beats a Unicode regex. */
function motionWords(text: string): number[] {
  const found: number[] = [];
  MOTION_WORD.lastIndex = 0;
  for (let m = MOTION_WORD.exec(text); m; m = MOTION_WORD.exec(text)) {
    const after = m.index + 5;
    const next = /[sS]/.test(text[after] ?? '') ? after + 1 : after;
    if (!LETTER.test(text[m.index - 1] ?? '') && !LETTER.test(text[next] ?? '')) found.push(m.index);
  }
  return found;
}
