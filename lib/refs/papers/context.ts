import { global } from '../cursor';
import { kamerstukId, normaliseDossier, normaliseToevoeging, parseKamerstukId } from '../ids';
import type { DetectContext, PaperRef } from '../types';

/*
 * References whose dossier only the page gives (issue 9; ../shared/reference/page-structure.md §1.7):
 *
 *   GEWIJZIGDE MOTIE … TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3374   (kst-19637-3385.xml in ../shared/corpus/realtexts,
 *                                                                       on kst-19637-3385: replaces kst-19637-3374)
 *   In stemming komt de motie op stuk nr. 44.                          (a Handelingen item about one dossier)
 *   de amendementen op de stukken nrs. 8 en 13                         (h-tk-19992000-6105-6107)
 *   Zij krijgt nr. 77, was nr. 52.                                     (the motion renumbered: the new number)
 *
 * Without the page's dossier nothing here is a reference: `nr. 5 op de lijst`, `nr. 19 van de bijlage` never are, and
 * only these phrases (a paper of the debate, named by its number) are read even with it. The page can be wrong about
 * which dossier a number belongs to (a debate on several), so these count for less than a citation the text writes
 * out (0.8 and up: a compact id without toevoeging is the least).
 */

const N = '[1-9]\\d{0,3}';
const SEP = '(?:\\s{0,2},\\s{0,2}(?:en\\s{1,2})?|\\s{1,2}en\\s{1,2})';
const MAX_LIST = 10;

const REPLACES = global(
  `TER\\s{1,8}VERVANGING\\s{1,8}VAN\\s{1,8}DIE\\s{1,8}GEDRUKT\\s{1,8}ONDER\\s{1,8}NR\\.\\s{0,8}(${N})(?!\\d)`,
  'i',
);
const STUK = global(`stuk(?:ken)?\\s{1,8}(nrs?\\.\\s{0,8})(${N}(?:${SEP}${N}){0,${MAX_LIST}})(?![\\d\\p{L}])`, 'i');
const KRIJGT = global(`krijgt\\s{1,8}nr\\.\\s{0,8}(${N})(?:\\s{0,8},\\s{0,8}was\\s{1,8}nr\\.\\s{0,8}${N})?(?!\\d)`);
const LIST_NUMBER = /[1-9]\d{0,3}/g;
const LETTER = /\p{L}/u;

/** How sure a reference through the page is: the title's own predecessor, or a number in the page's debate. */
const REPLACES_CONFIDENCE = 0.7;
const NUMBER_CONFIDENCE = 0.6;

/** The dossier a context names, or undefined when it names none. */
export function pageDossier(context: DetectContext | undefined): { dossier: string; toevoeging?: string } | undefined {
  if (!context) return undefined;
  if (context.dossier) {
    const dossier = normaliseDossier(context.dossier);
    if (!dossier) return undefined;
    return { dossier, ...(context.toevoeging ? { toevoeging: normaliseToevoeging(context.toevoeging) } : {}) };
  }
  const self = context.id ? parseKamerstukId(context.id) : undefined;
  return self ? { dossier: self.dossier, ...(self.toevoeging ? { toevoeging: self.toevoeging } : {}) } : undefined;
}

/** The references that take the page's dossier, in order (they may overlap explicit ones: the caller decides). */
export function detectFromPage(text: string, page: { dossier: string; toevoeging?: string }): PaperRef[] {
  const found: PaperRef[] = [];
  const ref = (start: number, end: number, number: string, confidence: number): PaperRef => ({
    kind: 'kamerstuk',
    id: kamerstukId(page.dossier, page.toevoeging, number),
    text: text.slice(start, end),
    start,
    end,
    parts: {
      dossier: page.dossier,
      ...(page.toevoeging ? { toevoeging: page.toevoeging } : {}),
      number,
      fromPage: true,
    },
    confidence,
  });
  const wordStart = (at: number) => at === 0 || !LETTER.test(text[at - 1]!);
  for (const m of text.matchAll(REPLACES.regex)) {
    if (wordStart(m.index)) found.push(ref(m.index, m.index + m[0].length, m[1]!, REPLACES_CONFIDENCE));
  }
  for (const m of text.matchAll(STUK.regex)) {
    if (!wordStart(m.index)) continue;
    // The link covers `nr. 44` (or `nrs. 8`, then each further number), as number-first citations do.
    const listAt = m.index + m[0].length - m[2]!.length;
    const numbers = [...m[2]!.matchAll(LIST_NUMBER)];
    numbers.forEach((n, i) => {
      const start = i === 0 ? listAt - m[1]!.length : listAt + n.index;
      found.push(ref(start, listAt + n.index + n[0].length, n[0], NUMBER_CONFIDENCE));
    });
  }
  for (const m of text.matchAll(KRIJGT.regex)) {
    if (wordStart(m.index)) found.push(ref(m.index, m.index + m[0].length, m[1]!, NUMBER_CONFIDENCE));
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The explicit references with those through the page added where no explicit one stands: `nr. 37 (36 410 VI)` is
 * a citation whatever the page, and a page reference inside or across one is dropped. Both lists are in order.
 */
export function withPageRefs(explicit: readonly PaperRef[], fromPage: readonly PaperRef[]): PaperRef[] {
  if (!fromPage.length) return [...explicit];
  const accepted: PaperRef[] = [];
  let j = 0;
  let lastEnd = -1;
  for (const p of fromPage) {
    // Explicit references end in order (they never overlap), so those ending before this one starts are done.
    while (j < explicit.length && explicit[j]!.end <= p.start) j++;
    const next = explicit[j];
    if ((next && next.start < p.end) || p.start < lastEnd) continue;
    accepted.push(p);
    lastEnd = p.end;
  }
  const out: PaperRef[] = [];
  let a = 0;
  for (const e of explicit) {
    while (a < accepted.length && accepted[a]!.start < e.start) out.push(accepted[a++]!);
    out.push(e);
  }
  // A loop, not `push(...rest)`: a spread of a 100 000-item list overflows the stack.
  while (a < accepted.length) out.push(accepted[a++]!);
  return out;
}
