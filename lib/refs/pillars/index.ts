import type { PillarRef } from '../types';
import { keyWindows } from './key-windows';
import { compileUnits, type MentionScan, namesManyPillars, type Unit } from './mentions';
import { hasKey, type KeySet, keySet } from './prefilter';
import { type AgendaIndex, CONTEXT, HEADINGS, indexAgenda, type PieceEvidence, readPiece, VOCABULARY } from './reader';
import { CONFIDENCE, noisyOr, rank, vocabularyConfidence, vocabularySupport } from './score';
import { type Heading, type Layout, type Section, type Span, segment } from './segment';
import { AGENDAS, type Agenda } from './taxonomy';
import { forgetStems, type PieceOptions, pieces, tokenizePiece, unwrap } from './tokens';
import { compileTerms, type Matcher, pillarTerms, scoreTerms } from './vocabulary';

export type { Agenda, Pillar, Term } from './taxonomy';
export { AGENDAS, IMA } from './taxonomy';

/** An agenda with its term lists indexed; built once per agenda object. */
interface CompiledAgenda {
  agenda: Agenda;
  vocabulary: Matcher;
  headings: Matcher;
  context: Matcher;
  units: Unit[];
  index: AgendaIndex;
}

const compiled = new WeakMap<Agenda, CompiledAgenda>();

function compile(agenda: Agenda): CompiledAgenda {
  let c = compiled.get(agenda);
  if (!c) {
    const vocabulary = compileTerms(pillarTerms(agenda, 'vocabulary'));
    const headings = compileTerms(pillarTerms(agenda, 'headings'));
    // Context terms belong to no pillar: only their weight counts.
    const context = compileTerms(agenda.context.map((t) => [0, t] as const));
    const units = compileUnits(agenda.units);
    const lists: Matcher[] = [];
    lists[VOCABULARY] = vocabulary;
    lists[HEADINGS] = headings;
    lists[CONTEXT] = context;
    c = { agenda, vocabulary, headings, context, units, index: indexAgenda(lists, units) };
    compiled.set(agenda, c);
  }
  return c;
}

/** Below this much vocabulary and context in the whole text, a bare `pijler 2` is not taken to be about the agenda. */
const RELEVANCE_MIN = 3;
/** Heading score (heading terms + half the vocabulary) a title needs to name a pillar without a matching number. */
const HEADING_MIN = 3;
const HEADING_MARGIN = 1.5;
/** What a heading's vocabulary (not its heading terms) counts for. */
const HEADING_VOCABULARY_WEIGHT = 0.5;

/** What the labeller knows about one heading or paragraph for one agenda. */
interface Evidence {
  scores: Map<number, number>;
  scan: MentionScan;
}

/** The pillar a heading names, with confidence; see CONFIDENCE for the cases. */
function headingLabel(heading: Heading, ev: Evidence, mentionsCount: boolean): [number, number] | undefined {
  const direct = ev.scan.mentions.filter((m) => !m.crossReference);
  if (mentionsCount && !ev.scan.overview && direct.length && direct.every((m) => m.pillar === direct[0]!.pillar)) {
    return [direct[0]!.pillar, CONFIDENCE.headingMention];
  }
  const r = rank(ev.scores);
  if (!r || r.score < HEADING_MARGIN * r.second) return undefined;
  const number = heading.numbers.at(-1);
  if (number === r.pillar && r.score >= 1) return [r.pillar, CONFIDENCE.headingNumbered];
  if (r.score < HEADING_MIN) return undefined;
  return [r.pillar, number === undefined ? CONFIDENCE.headingWorded : CONFIDENCE.headingOtherNumber];
}

function ref(text: string, span: Span, agenda: Agenda, pillar: number, confidence: number): PillarRef {
  return {
    kind: 'pillar',
    agenda: agenda.key,
    pillar,
    id: `pijler-${agenda.key}-${pillar}`,
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    confidence: Math.round(confidence * 100) / 100,
  };
}

/**
 * Which agendas may claim a bare `pijler 4`: those whose field the text is about, and of agendas that share a unit
 * word, only the one the text is most about (ties go to the earlier agenda).
 */
function mentionOwners(agendas: readonly CompiledAgenda[], relevance: readonly number[]): boolean[] {
  return agendas.map((a, i) => {
    if (relevance[i]! < RELEVANCE_MIN) return false;
    return agendas.every((b, j) => {
      if (j === i || !b.units.some((u) => a.units.some((v) => v.stem === u.stem))) return true;
      return relevance[j]! < relevance[i]! || (relevance[j] === relevance[i] && i < j);
    });
  });
}

/** The labels of one agenda: sections by their headings, then paragraphs by mentions and vocabulary. */
function labelAgenda(
  text: string,
  layout: Layout,
  c: CompiledAgenda,
  headings: readonly Evidence[],
  paragraphs: readonly Evidence[],
  mentionsCount: boolean,
): PillarRef[] {
  const refs: PillarRef[] = [];
  const labels = new Map<Section, number>();
  const headingIndex = new Map(layout.headings.map((h, i) => [h, i]));
  for (const section of layout.sections) {
    const label = headingLabel(section.heading, headings[headingIndex.get(section.heading)!]!, mentionsCount);
    if (!label) continue;
    labels.set(section, label[0]);
    let parent = section.parent;
    while (parent && !labels.has(parent)) parent = parent.parent;
    // A subsection of a section with the same pillar adds nothing.
    if (parent && labels.get(parent) === label[0]) continue;
    refs.push(ref(text, section, c.agenda, label[0], label[1]));
  }
  const enclosing = enclosingLabels(layout.paragraphs, layout.sections, labels);
  layout.paragraphs.forEach((span, p) => {
    const { scores, scan } = paragraphs[p]!;
    if (scan.overview) return;
    const mentioned = new Map<number, number>();
    for (const m of mentionsCount ? scan.mentions : []) {
      const strength = m.crossReference ? CONFIDENCE.crossReference : CONFIDENCE.mention;
      mentioned.set(m.pillar, Math.max(mentioned.get(m.pillar) ?? 0, strength));
    }
    for (const [pillar, strength] of mentioned) {
      refs.push(ref(text, span, c.agenda, pillar, noisyOr(strength, vocabularySupport(scores, pillar))));
    }
    // Inside a labelled section only explicit mentions speak: the heading already says what the section is about.
    if (mentioned.size || enclosing[p] !== undefined) return;
    const r = rank(scores);
    const confidence = vocabularyConfidence(r);
    if (r && confidence !== undefined) refs.push(ref(text, span, c.agenda, r.pillar, confidence));
  });
  return refs;
}

/**
 * Labels the sections and paragraphs of a plain text with the pillars of policy agendas (by default the six pillars
 * of the Integrale Migratieagenda), so a reader can see which part of a long letter or debate is about, say,
 * return policy. Three signals, strongest first:
 * - a heading that names a pillar (`4. Minder illegaliteit, meer terugkeer`) labels its whole section;
 * - an explicit mention (`onder pijler drie`, `de vierde pijler`) labels its paragraph, also inside a section of
 *   another pillar, where a mere cross-reference (`zoals onder pijler drie genoemd`) gets a low confidence;
 * - outside labelled sections, a paragraph whose vocabulary clearly favours one pillar is labelled with it.
 * Overviews (`per pijler`, `de zes pijlers`) get no label. Pure, and linear in the text length.
 *
 * @example labelPillars('4. Minder illegaliteit, meer terugkeer\n\nHet kabinet zet in op terugkeer.')
 *   // → [{ kind: 'pillar', agenda: 'ima', pillar: 4, id: 'pijler-ima-4', start: 0, end: 72, confidence: 0.97, … }]
 */
export function labelPillars(text: string, options: PillarOptions = {}): PillarRef[] {
  const labelling = pillarLabelling(text, options);
  while (!labelling.step(Number.POSITIVE_INFINITY));
  return labelling.labels();
}

export interface PillarOptions {
  /** The agendas to label with; by default `AGENDAS`. */
  agendas?: readonly Agenda[];
  /**
   * Whether pieces without a term key are skipped (`prefilter.ts`); only the test that proves skipping changes
   * nothing turns it off.
   */
  prefilter?: boolean;
  /**
   * Whether every piece is tokenised by compromise itself rather than by `sentencesOf` (lib/refs/words.ts); only
   * the test that proves both give the same labels sets it.
   */
  compromise?: boolean;
}

const keySets = new WeakMap<CompiledAgenda, KeySet>();

/** The prefilter's keys for these agendas; built once for each agenda used alone (the usual case: the IMA). */
function keysOf(agendas: readonly CompiledAgenda[]): KeySet {
  const build = () =>
    keySet(
      agendas.flatMap((c) => [c.vocabulary, c.headings, c.context]),
      agendas.flatMap((c) => c.units.map((u) => u.stem)),
    );
  if (agendas.length !== 1) return build();
  let keys = keySets.get(agendas[0]!);
  if (!keys) {
    keys = build();
    keySets.set(agendas[0]!, keys);
  }
  return keys;
}

/** `labelPillars` in steps, so a caller can stop between them (the background yields to other messages). */
export interface PillarLabelling {
  /** Reads about `budget` more characters of the text; true when the whole text has been read. */
  step(budget: number): boolean;
  /** The labels, once `step` has returned true. */
  labels(): PillarRef[];
}

/**
 * The evidence of a heading or paragraph none of whose pieces has a key, for every agenda: never written to. One
 * for each, built up front, was 2% of labelPillars on motion-dense text (in a profile), whose paragraphs are short.
 */
const NO_EVIDENCE: PieceEvidence = Object.freeze({
  terms: Object.freeze([Object.freeze([]), Object.freeze([]), Object.freeze([])]),
  mentions: Object.freeze([]),
  overview: false,
}) as unknown as PieceEvidence;
/** The evidence of such a heading or paragraph until a piece of it has a key: `NO_EVIDENCE` for each agenda. */
const NOTHING: readonly PieceEvidence[] = Object.freeze([]);
const evidenceFor = (g: readonly PieceEvidence[], agenda: number) => g[agenda] ?? NO_EVIDENCE;

/** The evidence for one heading or paragraph, per agenda, gathered piece by piece. */
function gathered(agendas: number): PieceEvidence[] {
  // Plain loops: one is built for every heading and paragraph, and five `Array.from` with a closure each were 1.3%
  // of the analysis of the corpus letters (in a profile).
  const out: PieceEvidence[] = [];
  for (let a = 0; a < agendas; a++) out.push({ terms: [[], [], []], mentions: [], overview: false });
  return out;
}

/**
 * The costly part of labelling, tokenising, cut into steps: headings first, then paragraphs, each paragraph in the
 * pieces compromise would get (`pieces`), and only the pieces that hold a term key (`hasKey`). Evidence is
 * gathered per piece (hits, mentions and overview cues never span two pieces), so a step holds no tokens of earlier
 * steps; the relevance of each agenda and the labels follow once everything has been read.
 */
export function pillarLabelling(text: string, options: PillarOptions = {}): PillarLabelling {
  // An agenda none of whose field words occur labels nothing. Its pieces are still read with the prefilter (never
  // tokenised), so that the cost per character is the same whether a field word occurs or not: skipping them all
  // made 2 MB of random text, where `IMA` occurs by chance, take 130 times as long as 0.2 MB.
  forgetStems();
  const lower = text.toLowerCase();
  const all = options.agendas ?? AGENDAS;
  const agendas = all.filter((a) => mentionsField(text, lower, a)).map(compile);
  if (!all.length) return { step: () => true, labels: () => [] };
  const keys = keysOf(agendas.length ? agendas : all.map(compile));
  const prefilter = options.prefilter === false ? undefined : keys;
  const pieceOptions = piecesOptions(keys, options);
  const layout = segment(text);
  const items = [
    ...layout.headings.map((h) => ({ heading: true, text: () => h.title.replace(/[*_#]/g, ' ') })),
    ...layout.paragraphs.map((p) => ({ heading: false, text: () => unwrap(text.slice(p.start, p.end)) })),
  ];
  const evidence: (readonly PieceEvidence[])[] = [];
  let item = 0;
  let queue: string[] = [];
  let queued = 0;
  const step = (budget: number) => {
    // The loop's state in locals, written back at the end: read and written in the closure's context, it was most
    // of the loop's own cost.
    let spent = 0;
    let at = item;
    let current = queue;
    let next = queued;
    while (at < items.length && spent < budget) {
      if (evidence.length === at) {
        evidence.push(NOTHING);
        current = pieces(items[at]!.text());
        next = 0;
      }
      const piece = current[next++];
      if (piece === undefined) {
        at++;
        continue;
      }
      spent += piece.length;
      // The prefilter first, also without agendas: see above. Where the piece's key windows are asked for
      // (`within`), they find no key where `hasKey` finds none, and asking both read a piece with a key twice.
      if (!agendas.length) {
        if (prefilter) hasKey(piece, prefilter);
        continue;
      }
      if (prefilter && !pieceOptions.within && !hasKey(piece, prefilter)) continue;
      const sentences = tokenizePiece(piece, pieceOptions);
      if (!sentences.length) continue;
      if (evidence[at] === NOTHING) evidence[at] = gathered(agendas.length);
      const into = evidence[at] as PieceEvidence[];
      for (let a = 0; a < agendas.length; a++) {
        readPiece(sentences, agendas[a]!.index, agendas[a]!.agenda.pillars.length, items[at]!.heading, into[a]!);
      }
    }
    item = at;
    queue = current;
    queued = next;
    return item >= items.length;
  };
  const labels = () => {
    if (!agendas.length) return [];
    const evidenceOf = (g: PieceEvidence, heading: boolean): Evidence => {
      if (isEmpty(g, heading)) return EMPTY;
      const scores = scoreTerms(g.terms[VOCABULARY]!);
      if (heading) {
        // A heading's vocabulary counts at half weight, its heading terms in full.
        for (const [p, s] of scores) scores.set(p, s * HEADING_VOCABULARY_WEIGHT);
        for (const [p, s] of scoreTerms(g.terms[HEADINGS]!)) scores.set(p, (scores.get(p) ?? 0) + s);
      }
      const { mentions } = g;
      const overview = g.overview || namesManyPillars(mentions);
      return { scores, scan: { mentions, overview } };
    };
    const h = layout.headings.length;
    const headingEvidence = agendas.map((_, a) => evidence.slice(0, h).map((g) => evidenceOf(evidenceFor(g, a), true)));
    const paragraphEvidence = agendas.map((_, a) => evidence.slice(h).map((g) => evidenceOf(evidenceFor(g, a), false)));
    const relevance = agendas.map((_, a) => {
      let sum = 0;
      for (const ev of [...headingEvidence[a]!, ...paragraphEvidence[a]!]) for (const s of ev.scores.values()) sum += s;
      for (const g of evidence) {
        let context = 0;
        for (const term of evidenceFor(g, a).terms[CONTEXT]!) context += term.weight;
        sum += context;
      }
      return sum;
    });
    const owners = mentionOwners(agendas, relevance);
    return agendas
      .flatMap((c, a) => labelAgenda(text, layout, c, headingEvidence[a]!, paragraphEvidence[a]!, owners[a]!))
      .sort((x, y) => x.start - y.start || y.end - x.end || x.pillar - y.pillar);
  };
  return { step, labels };
}

/**
 * The evidence of a heading or paragraph with no term, mention or overview cue, shared and never written to: two maps
 * and a set for each were most of `labels` (a tenth of labelPillars on motion-dense text, 4 690 paragraphs, most
 * of them without a term; measured).
 */
const EMPTY: Evidence = Object.freeze({
  scores: new Map<number, number>(),
  scan: Object.freeze({ mentions: [], overview: false }),
}) as Evidence;

/** Whether the evidence holds nothing that `labels` reads: it then scores as EMPTY. */
function isEmpty(g: PieceEvidence, heading: boolean): boolean {
  return !g.overview && !g.mentions.length && !g.terms[VOCABULARY]!.length && (!heading || !g.terms[HEADINGS]!.length);
}

const COMPROMISE = { compromise: true };
const NO_OPTIONS = {};

/**
 * How pieces are tokenised: with the prefilter, only the words near a key (`keyWindows`), since evidence never spans
 * two sentences (a phrase, a mention and its cross-reference cue are read within one) and reads no word beyond a
 * key's reach. A piece's key may be one no sentence of it has (`asiel. Migratie` is searched as `asielmigratie`).
 * Tokenising only the sentences with a key made labelPillars 1.25 times as fast on motion-dense text (27% of its
 * keyed text is in sentences without one); only the windows of those, 1.35 times as fast again on the corpus
 * letters, 1.3 on the real texts and 1.13 on motion-dense text (best CPU time of a pass, side by side). The windows
 * of a whole piece (`within`) are tokenised without splitting it into sentences where each lies in one.
 */
function piecesOptions(keys: KeySet, options: PillarOptions): PieceOptions {
  if (options.compromise) return COMPROMISE;
  if (options.prefilter === false) return NO_OPTIONS;
  const windows = (text: string) => keyWindows(text, keys);
  return { select: windows, within: windows };
}

/** Heading terms at least this strong can name a pillar on their own (`illegaliteit`, `opvang in de regio`). */
const STRONG_HEADING = 3;

/**
 * Whether the text has any word that could start a label: a context word, the unit (`pijler`) or a strong heading
 * term — as a substring, so compounds such as `asielaanvragen` count. A text with none of them gets no label from
 * this agenda, and costs a scan instead of a parse.
 */
function mentionsField(text: string, lower: string, agenda: Agenda): boolean {
  let words = fieldWords.get(agenda);
  if (!words) {
    const terms: (readonly [string, number, 'exact'?])[] = [
      ...agenda.context,
      ...agenda.units.map((u) => [u, 1] as const),
      ...agenda.pillars.flatMap((p) => p.headings.filter(([, weight]) => weight >= STRONG_HEADING)),
    ];
    words = {
      exact: terms.filter(([, , mode]) => mode === 'exact').map(([term]) => term),
      anyCase: terms.filter(([, , mode]) => mode !== 'exact').map(([term]) => term.toLowerCase()),
    };
    fieldWords.set(agenda, words);
  }
  for (const word of words.exact) if (text.includes(word)) return true;
  for (const word of words.anyCase) if (lower.includes(word)) return true;
  return false;
}

/**
 * The words `mentionsField` looks for, per agenda, found once: rebuilt and lower-cased for every text, they were a
 * tenth of the labeller's set-up on the real texts (in a profile).
 */
const fieldWords = new WeakMap<Agenda, { exact: string[]; anyCase: string[] }>();

/** For each paragraph, the pillar of the innermost labelled section around it, if any. One sweep over both lists. */
function enclosingLabels(
  paragraphs: readonly Span[],
  sections: readonly Section[],
  labels: ReadonlyMap<Section, number>,
): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  const open: Section[] = [];
  let s = 0;
  for (const p of paragraphs) {
    while (s < sections.length && sections[s]!.start <= p.start) {
      const section = sections[s++]!;
      if (labels.has(section)) open.push(section);
    }
    while (open.length && open.at(-1)!.end < p.end) open.pop();
    out.push(open.length ? labels.get(open.at(-1)!) : undefined);
  }
  return out;
}
