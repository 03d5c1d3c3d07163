import { type Cursor, firstChars, isJsSpace, sticky } from '../cursor';
import { dossierId, kamerstukId, normaliseDossier, normaliseToevoeging } from '../ids';
import {
  DASH,
  DASH_CHARS,
  DOSSIER,
  NR_WORD,
  NUMBER_DIGITS,
  PAGE_WORD,
  PAGES,
  ROMAN,
  VERGADERJAAR,
  WS,
  WS1,
} from '../patterns';
import type { PaperRef, RefParts } from '../types';
import { eatDossier, eatNrWord, eatNumber } from './steps';

/*
 * The dossier-and-number part of a Kamerstuk citation, shared by every form that has one: after `Kamerstuk(ken)`,
 * `TK`, `Tweede Kamer`, and bare in parentheses. Grammar (each step optional unless said):
 *
 *   [kamer] [vergaderjaar…] dossier[toevoeging][(R nnnn)] [{en|,|/} dossier…] [nr.] number[-list] [pages]
 *   [{,|;} [en] nr. number [pages]]…
 *
 * Sources: ../shared/reference/reference-forms.md F1–F16 and the KOOP linkextractor grammar (data-sources.md §4).
 */

const KAMER = sticky(
  `${WS},?${WS}(Tweede Kamer|Eerste Kamer|II|I|EK|TK|E\\.K\\.|T\\.K\\.|11)(?![\\p{L}\\d])(?:${WS1}der${WS1}Staten-Generaal)?`,
);
/** `Kamerstukken 2, 2008-2009` and `Kamerstukken 11, 1997/1998` (OCR for II): a digit kamer needs the comma. */
const KAMER_DIGIT = sticky(`${WS1}(2|1|11)(?=${WS},)`);
const VJ = sticky(`${WS},?${WS}(?:(?:vergaderjaar|zitting|zittingsjaar)${WS1})?${VERGADERJAAR}`, 'i');
/** `Zitting 1958-1959-5380`: a four-digit dossier glued to the vergaderjaar. */
const GLUED_OLD_DOSSIER = sticky('-(\\d{4})(?!\\d)');
/** `21 50108`: an EU-Raad subdossier whose hyphen PDF extraction lost (F11). */
const EU_GLUED = sticky(`${WS},?${WS}(21[ \\u00a0]?501)(\\d{2})(?!\\d)`);
const JOINT_DOSSIER = sticky(`${WS}(?:,|/|en)${WS}(${DOSSIER})`);
const RIJKSWET = sticky(`${WS}\\(${WS}R${WS}\\d{3,4}${WS}\\)`);

const TOEV_DIGITS = sticky(`${WS}${DASH}${WS}(\\d{2})(?![\\d\\p{L}])`);
/** `21501 02-2377` (tkconv): the subdossier after a space, recognisable by the `-number` that follows. */
const TOEV_DIGITS_SPACE = sticky(`${WS1}(\\d{2})(?=${WS}${DASH}${WS}\\d)`);
const TOEV_ROMAN = sticky(`(?:${WS}[${DASH_CHARS}.]?${WS}|${WS1}hoofdstuk${WS1})(${ROMAN})(?![\\p{L}\\d])`);
const TOEV_LETTERS_DASH = sticky(`${WS}${DASH}${WS}([A-Z]{1,2})(?![\\p{L}\\d])`);
/** `36 600 B, A`: letters after a space are the toevoeging only when a number or letter follows. */
const TOEV_LETTERS_SPACE = sticky(`${WS1}([A-Z]{1,2})(?=${WS},${WS}(?:[A-Z]{1,2}(?![\\p{L}])|${NR_WORD}|letter))`);
/** `36 410A, nr. 12`: a letter glued to the dossier. */
const TOEV_LETTERS_GLUED = sticky('([A-Z]{1,2})(?![\\p{L}\\d])');
/**
 * A KOOP masthead puts the toevoeging on a line of its own under the dossier (`Kamerstukken\n36 410\nA\nVaststelling
 * …`, kst-36410-A-41.xml in ../shared/corpus/realtexts): that letter is the dossier's, not an ondernummer.
 */
const TOEV_LETTERS_LINE = sticky('[ \\t\\u00a0]*\\n[ \\t\\u00a0]*([A-Z]{1,2})[ \\t\\u00a0]*(?=[\\n])');
/** What must follow a two-digit toevoeging for it not to be the number itself (`35510-21` is nr. 21). */
const AFTER_TOEV_DIGITS = sticky(`${WS}(?:${DASH}${WS}\\d|,?${WS}(?:${NR_WORD}|letter))`);

const LETTER_WORD = sticky(`${WS},?${WS}letter${WS1}`);
/** Dash first: in `36537 -8` the space alone would match and leave `-8` unread. */
const BARE_SEPARATOR = sticky(`${WS}${DASH}${WS}|${WS},${WS}|${WS1}`);
const LIST_ITEM = sticky(`${WS}(?:,|en|&)${WS}(${NUMBER_DIGITS})`);
const RANGE_END = sticky(`${WS}(?:${DASH}|t/m|tot en met)${WS}(\\d{1,4})(?![\\d\\p{L}])`);
const PAGE_REF = sticky(`${WS},?${WS}${PAGE_WORD}${WS}(${PAGES})`, 'i');
const CONTINUATION = sticky(`${WS}[,;]${WS}(?:en${WS1})?(${NR_WORD})${WS}`, 'd');

/*
 * What each pattern can have first after its leading whitespace (Cursor.eatIf), read off the patterns above. The
 * regexes are only run where their first character stands: this halved the parse of a bare dossier.
 */
const DASHES = '-\u2010\u2011\u2012\u2013\u2014';
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** KAMER: `,` or the first letter of a Kamer (or the `11` of OCR). */
const KAMER_FIRST = firstChars(',TEI1');
/** VJ, EU_GLUED: `,`, a digit or the word before a vergaderjaar (case-insensitive). */
const VJ_FIRST = firstChars(`,vVzZ${DIGITS}`);
/** EU_GLUED: `,` or the `2` of `21 501`. */
const EU_GLUED_FIRST = firstChars(',2');
/** Every toevoeging form: a dash, `.`, `hoofdstuk`, a capital (roman or letters) or digits. */
const TOEV_FIRST = firstChars(`${DASHES}.h${CAPITALS}${DIGITS}`);
/*
 * Each toevoeging form on its own. A dossier is mostly followed by a capital (the title in a masthead,
 * `36 410\nA`), and then all six forms ran: of the sticky regex runs over the real texts, the toevoeging's were a
 * quarter (about 400 of 1 700, counted), most of them for a form whose first character was not there.
 */
const TOEV_DASH_FIRST = firstChars(DASHES);
const TOEV_ROMAN_FIRST = firstChars(`${DASHES}.hIVX`);
const TOEV_CAPITAL_FIRST = firstChars(CAPITALS);
const RIJKSWET_FIRST = firstChars('(');
const JOINT_FIRST = firstChars(',/e');
const LETTER_FIRST = firstChars(',l');
const CONTINUATION_FIRST = firstChars(',;');
const PAGE_FIRST = firstChars(',pPbB');
const LIST_FIRST = firstChars(',e&');
const RANGE_FIRST = firstChars(`${DASHES}t`);

/*
 * Checks in code of a second character a pattern needs, for the steps that most often fail on it. Over the real
 * texts a bare parse that fails (a KOOP masthead, `Kamerstukken\n19 637\nVreemdelingenbeleid`) ran seven sticky
 * regexes of 50–100 ns each, and the anchored parse of `Kamerstuk 19 637, nr. 2375` tried KAMER at the `1` of
 * `19 637`, KAMER_DIGIT and VJ in vain. Each check below is only a necessary condition: where it holds, or the
 * whitespace is too long to tell (afterSpace -1), the pattern decides as before.
 */

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** KAMER: of its words only the OCR `11` starts with a digit. */
function mayBeKamer(c: Cursor): boolean {
  const i = c.afterSpace();
  return i < 0 || c.text.charCodeAt(i) !== 49 || c.text.charCodeAt(i + 1) === 49;
}

/** KAMER_DIGIT: whitespace, then `1`, `2` or `11` that no further digit follows. */
function mayBeKamerDigit(c: Cursor): boolean {
  const i = c.afterSpace();
  if (i < 0) return true;
  if (i === c.pos) return false;
  const { text } = c;
  const first = text.charCodeAt(i);
  if (first !== 49 && first !== 50) return false;
  return !isDigitAt(text, i + 1) || (first === 49 && text.charCodeAt(i + 1) === 49 && !isDigitAt(text, i + 2));
}

/** VJ: starting with a digit, a year of four digits (`19 637` is none). */
function mayBeVergaderjaar(c: Cursor): boolean {
  const i = c.afterSpace();
  if (i < 0 || !isDigitAt(c.text, i)) return true;
  return isDigitAt(c.text, i + 1) && isDigitAt(c.text, i + 2) && isDigitAt(c.text, i + 3) && !isDigitAt(c.text, i + 4);
}

/** EU_GLUED: starting with a digit, `21`. */
function mayBeEuGlued(c: Cursor): boolean {
  const i = c.afterSpace();
  return i < 0 || c.text.charCodeAt(i) !== 50 || c.text.charCodeAt(i + 1) === 49;
}

/** The first character after at most eight spaces from `from` is a digit (true when there are more spaces). */
function digitAfterSpace(text: string, from: number): boolean {
  for (let i = from; i <= from + 8; i++) {
    const code = text.charCodeAt(i);
    if (!isJsSpace(code)) return code >= 48 && code <= 57;
  }
  return true;
}

/** JOINT_DOSSIER: `,`, `/` or `en`, then a dossier's digit (`, nr. 2375` is none). */
function mayBeJointDossier(c: Cursor): boolean {
  const i = c.afterSpace();
  if (i < 0) return true;
  const { text } = c;
  const first = text.charCodeAt(i);
  if (first === 44 || first === 47) return digitAfterSpace(text, i + 1);
  if (first === 101) return text.charCodeAt(i + 1) === 110 && digitAfterSpace(text, i + 2);
  return false;
}

/**
 * No toevoeging form reads a capital that a lower-case letter follows (`19 637\nVreemdelingenbeleid`): the roman
 * numerals and the letters must end there, and only dashes, `.` and `hoofdstuk` (not capitals) come before them.
 */
function capitalStartsWord(c: Cursor): boolean {
  const i = c.afterSpace();
  if (i < 0) return false;
  const first = c.text.charCodeAt(i);
  const next = c.text.charCodeAt(i + 1);
  return first >= 65 && first <= 90 && next >= 97 && next <= 122;
}

/**
 * NUMBER, which reads no whitespace first: a digit 1–9, or a capital that no lower-case letter follows (after
 * `Kamerstukken\n19 637\n` the anchored parse tries the title `Vreemdelingenbeleid` as a number).
 */
function mayBeNumber(c: Cursor): boolean {
  return mayBeNumberAt(c.text, c.pos);
}

function mayBeNumberAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if (first >= 49 && first <= 57) return true;
  if (first < 65 || first > 90) return false;
  const next = text.charCodeAt(at + 1);
  return !(next >= 97 && next <= 122);
}

/**
 * BARE_SEPARATOR and then a number: after a dash or a comma the pattern decides; otherwise only its spaces can
 * match, which end where the number must start. Every KOOP masthead fails here
 * (`Kamerstukken\n19 637\nVreemdelingenbeleid`: 31 of the real texts' anchored parses), a regex run wasted on each.
 */
function mayBeBareNumber(c: Cursor): boolean {
  const i = c.afterSpace();
  if (i < 0) return true;
  const first = c.text.charCodeAt(i);
  if (first === 44 || first === 45 || (first >= 0x2010 && first <= 0x2014)) return true;
  return i > c.pos && mayBeNumberAt(c.text, i);
}

/** PLURAL's test by character (`nrs`, `NRS`, `Nrs.`, `nummers`): what NR_WORD can capture. */
function isPlural(word: string): boolean {
  const third = word.charCodeAt(2);
  return third === 115 || third === 83 || word.charCodeAt(6) === 115;
}

/**
 * Upper bounds far above anything real text has (the corpus and KOOP's tests stay under a quarter of each). The
 * joint dossiers, the numbers of a list and the continuations are not bounded: each is read by the one parse that
 * succeeds with it (its detector then resumes after it), or, for a failed bare parse, skipped by the bare detector
 * (bare.ts), so every character is read a bounded number of times however long the list. A cap made the parse
 * stop inside a long list: `Kamerstuk 22 112, nrs. 1, 2, 3, …` gave its first 100 numbers only, and from every
 * five-digit number of a longer list the bare parse read eight joint dossiers again (36–62× the time for 10× the
 * input, tests/unit/refs/linearity.slow.test.ts).
 */
const MAX_YEARS = 4;

/** How a citation was introduced: the confidence and whether a dossier alone counts as a reference. */
export interface CitationContext {
  /** `Kamerstuk(ken)` or `TK`/`Tweede Kamer` with a vergaderjaar: strong enough for a number without `nr.`. */
  anchored: boolean;
  /** Where the reference's span starts (the anchor word, or the dossier for bare forms). */
  start: number;
  /** Where an anchored parse records what it read from its dossier on (see Tail). */
  tails?: Tail[];
}

/**
 * What a parse read from its dossier on, which is exactly what a bare parse from that dossier reads: from the dossier
 * the two parses take the same steps (toevoeging, Rijkswet, joint dossiers, `nr.` and its numbers, continuations),
 * and a bare parse that starts at a digit takes no step before its dossier unless the `11` of KAMER stands there (then
 * no tail is kept). Only where the anchored parse found no `nr.` do they part: the anchored one reads a number
 * without it, or names the dossier alone, the bare one fails and stops after the dossiers.
 *
 * The bare detector takes its parse from the tail instead of parsing again (bare.ts): nearly every bare dossier in a
 * window is that of a `Kamerstuk …` citation (`Kamerstuk 19 637, nr. 2375` is parsed from `Kamerstuk` and from
 * `19 637`), and the second parse was most of the bare detector's time (0.5 bare regex passes on the letters).
 */
export interface Tail {
  /** Where the dossier's first digit stands: a bare parse starts there. */
  dossierAt: number;
  dossier: string;
  toevoeging: string | undefined;
  also: string[];
  /** The groups read after `nr.`, or undefined where there was none (a bare parse then fails). */
  groups: Group[] | undefined;
  /** The ids of the groups' references, in order. */
  ids: string[];
  /** Where a bare parse from the dossier ends, failed or not. */
  end: number;
}

interface Toevoeging {
  value: string;
}

/**
 * The toevoeging after a dossier, tried form by form; a form that does not apply leaves the cursor where it was.
 * Written without closures: this runs for every five-digit number in a window, and the closures were a visible
 * share of paper detection's time.
 */
function toevoeging(c: Cursor, dossier: string): Toevoeging | undefined {
  if (!c.sees(TOEV_FIRST) || capitalStartsWord(c)) return undefined;
  const saved = c.pos;
  if (dossier === '21501') {
    const m = c.eat(TOEV_DIGITS_SPACE);
    if (m) return { value: m[1]! };
  }
  const digits = c.eatIf(TOEV_DASH_FIRST, TOEV_DIGITS);
  // EU-Raad subdossiers (21 501-xx) always; elsewhere only when the number comes after it.
  if (digits && (dossier === '21501' || c.peek(AFTER_TOEV_DIGITS))) return { value: digits[1]! };
  c.pos = saved;
  const roman = c.eatIf(TOEV_ROMAN_FIRST, TOEV_ROMAN);
  if (roman?.[1]) return { value: roman[1] };
  c.pos = saved;
  const letters =
    c.eatIf(TOEV_DASH_FIRST, TOEV_LETTERS_DASH) ??
    (c.sees(TOEV_CAPITAL_FIRST)
      ? (c.eat(TOEV_LETTERS_SPACE) ?? c.eat(TOEV_LETTERS_GLUED) ?? c.eat(TOEV_LETTERS_LINE))
      : null);
  if (letters) return { value: letters[1]! };
  c.pos = saved;
  return undefined;
}

/** The numbers of one `nr.`/`nrs.` group: a single number, a list (`2955, 2956 en 2964`) or a range (`1–3`). */
function numbers(c: Cursor, plural: boolean): { value: string; start: number; end: number }[] | undefined {
  const first = mayBeNumber(c) ? eatNumber(c) : null;
  if (!first) return undefined;
  const out = [{ value: first, start: c.pos - first.length, end: c.pos }];
  if (!plural) return out;
  const saved = c.pos;
  const m = c.eatIf(RANGE_FIRST, RANGE_END);
  // Only a number of digits (`42e` too) starts a range: the capitals of the Eerste Kamer (`E`, `AA`) do not.
  const digits = isDigitAt(first, 0) ? first : undefined;
  const from = Number(digits);
  const to = m ? Number(m[1]) : Number.NaN;
  // A range is expanded only when it is a plausible run of documents, not `nrs. 5892–5831` (a typo) or pages.
  const range = m && digits && to > from && to - from <= 20 ? { from, to, end: c.pos } : undefined;
  if (!range) c.pos = saved;
  if (range) {
    // `nrs. 1–3`: the first number and the last have their own text; those in between are named by the dash
    // alone, so they get an empty span at the last number (never linked, but reported).
    const lastStart = range.end - String(range.to).length;
    for (let n = range.from + 1; n < range.to; n++) out.push({ value: String(n), start: lastStart, end: lastStart });
    out.push({ value: String(range.to), start: lastStart, end: range.end });
    return out;
  }
  for (let m = c.eatIf(LIST_FIRST, LIST_ITEM); m; m = c.eatIf(LIST_FIRST, LIST_ITEM)) {
    out.push({ value: m[1]!, start: c.pos - m[1]!.length, end: c.pos });
  }
  return out;
}

type Group = { value: string; start: number; end: number; pages?: string };

/** Reads one group of numbers with its pages into `groups`; false (the cursor unmoved) when there is none. */
function readGroup(c: Cursor, groups: Group[], plural: boolean): boolean {
  const nums = numbers(c, plural);
  if (!nums) return false;
  const page = c.eatIf(PAGE_FIRST, PAGE_REF);
  if (page) nums.at(-1)!.end = c.pos;
  for (let i = 0; i < nums.length; i++) groups.push(page && i === 0 ? { ...nums[i]!, pages: page[1]! } : nums[i]!);
  return true;
}

/**
 * `parts` with one group's number and pages, field by field in the order the parse sets them (as the object spread
 * did): the spread, with its conditional `pages`, was the largest single cost of a successful parse (about 600 of
 * 2000 ns per reference, measured on `Kamerstuk 19 637, nr. 2375`).
 */
function withNumber(parts: RefParts, number: string, pages: string | undefined): RefParts {
  const out: RefParts = {};
  if (parts.kamer !== undefined) out.kamer = parts.kamer;
  if (parts.vergaderjaar !== undefined) out.vergaderjaar = parts.vergaderjaar;
  if (parts.dossier !== undefined) out.dossier = parts.dossier;
  if (parts.toevoeging !== undefined) out.toevoeging = parts.toevoeging;
  if (parts.alsoDossiers !== undefined) out.alsoDossiers = parts.alsoDossiers;
  out.number = number;
  if (pages) out.pages = pages;
  return out;
}

function vergaderjaar(c: Cursor): RegExpExecArray | null {
  return mayBeVergaderjaar(c) ? c.eatIf(VJ_FIRST, VJ) : null;
}

function jointDossier(c: Cursor): RegExpExecArray | null {
  return mayBeJointDossier(c) ? c.eatIf(JOINT_FIRST, JOINT_DOSSIER) : null;
}

/**
 * Parses a Kamerstuk citation from the cursor (just after the anchor word, or at the dossier for bare forms).
 * Returns the references it names, or [] when what follows is not a citation.
 */
export function parseCitation(c: Cursor, ctx: CitationContext): PaperRef[] {
  const parts: RefParts = {};
  // A bare parse starts at its dossier's first digit: there only the `11` of KAMER can match, and without it neither
  // KAMER_DIGIT (whitespace first) nor VJ (four digits and a separator: a dossier has a fifth digit or a space after
  // two), so those are not tried.
  const kamer =
    (mayBeKamer(c) ? c.eatIf(KAMER_FIRST, KAMER) : null) ??
    (ctx.anchored && mayBeKamerDigit(c) ? c.eat(KAMER_DIGIT) : null);
  if (kamer) parts.kamer = /^(I|EK|E\.K\.|1|Eerste Kamer)$/.test(kamer[1]!) ? 'I' : 'II';
  const years = ctx.anchored || kamer !== null;
  let oldDossier: string | undefined;
  // A parse must cost O(1) wherever it starts, or scanning from every candidate in a long run of numbers would be
  // quadratic: the years are bounded, the lists are read once (see MAX_YEARS).
  for (let vj = years ? vergaderjaar(c) : null, n = 0; vj && n < MAX_YEARS; vj = vergaderjaar(c), n++) {
    parts.vergaderjaar ??= `${vj[1]}/${vj[2]}`;
    const glued = c.eat(GLUED_OLD_DOSSIER);
    if (glued) {
      oldDossier = glued[1];
      break;
    }
  }
  const euGlued = oldDossier || !mayBeEuGlued(c) ? undefined : c.eatIf(EU_GLUED_FIRST, EU_GLUED);
  const dossierMatch = oldDossier || euGlued ? null : eatDossier(c);
  const dossierRaw = oldDossier ?? euGlued?.[1] ?? dossierMatch;
  if (!dossierRaw) return [];
  // Both patterns end with the dossier (and EU_GLUED's two digits after it).
  const dossierAt = euGlued
    ? c.pos - euGlued[1]!.length - euGlued[2]!.length
    : dossierMatch
      ? c.pos - dossierMatch.length
      : -1;
  const dossier = normaliseDossier(dossierRaw);
  const toev = euGlued ? { value: euGlued[2]! } : toevoeging(c, dossier);
  c.eatIf(RIJKSWET_FIRST, RIJKSWET);
  const also: string[] = [];
  for (let joint = jointDossier(c); joint; joint = jointDossier(c)) {
    also.push(normaliseDossier(joint[1]!));
    toevoeging(c, also.at(-1)!);
    c.eatIf(RIJKSWET_FIRST, RIJKSWET);
  }
  parts.dossier = dossier;
  if (toev) parts.toevoeging = normaliseToevoeging(toev.value);
  if (also.length) parts.alsoDossiers = also;

  const afterDossier = c.pos;
  const groups: Group[] = [];
  // Each step below puts the cursor back when it does not apply (written out: closures here cost a visible share of
  // detection time, as this runs for every dossier number).
  const word = eatNrWord(c) ?? (c.eatIf(LETTER_FIRST, LETTER_WORD) ? '' : null);
  const nr = word !== null && readGroup(c, groups, isPlural(word));
  if (!nr) c.pos = afterDossier;
  if (!nr && ctx.anchored) {
    // Without `nr.` a number after a comma or space still counts in an anchored citation (`31459, 22`, `35 570, C`).
    if (!(mayBeBareNumber(c) && c.eat(BARE_SEPARATOR) && readGroup(c, groups, false))) c.pos = afterDossier;
  }
  if (groups.length) {
    for (let more = c.eatIf(CONTINUATION_FIRST, CONTINUATION); more; more = c.eatIf(CONTINUATION_FIRST, CONTINUATION)) {
      const before = groups.length;
      if (!readGroup(c, groups, isPlural(more[1]!))) break;
      // `, en nr. 6`: the link for the further number covers `nr. 6`.
      groups[before]!.start = more.indices![1]![0];
    }
  }

  const ids: string[] = [];
  for (const g of groups) ids.push(kamerstukId(dossier, parts.toevoeging, g.value));
  // The `11` of KAMER is the one step a bare parse may take before its dossier (see Tail).
  if (
    ctx.tails &&
    dossierAt >= 0 &&
    !(c.text.charCodeAt(dossierAt) === 49 && c.text.charCodeAt(dossierAt + 1) === 49)
  ) {
    ctx.tails.push({
      dossierAt,
      dossier,
      toevoeging: parts.toevoeging,
      also,
      groups: nr ? groups : undefined,
      ids,
      end: nr ? c.pos : afterDossier,
    });
  }
  if (!groups.length) {
    if (!ctx.anchored) return [];
    c.pos = afterDossier;
    return [
      {
        kind: 'dossier',
        id: dossierId(dossier, parts.toevoeging),
        text: c.text.slice(ctx.start, afterDossier),
        start: ctx.start,
        end: afterDossier,
        parts,
        confidence: 0.85,
      },
    ];
  }
  return kamerstukRefs(c.text, ctx.start, parts, groups, ids, nr ? 0.99 : 0.9);
}

/** The references of a citation's groups; the first one's span starts at `start`. */
function kamerstukRefs(
  text: string,
  start: number,
  parts: RefParts,
  groups: Group[],
  ids: string[],
  confidence: number,
): PaperRef[] {
  // A loop, not `map` with a closure: this runs for every citation kept.
  const refs: PaperRef[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const from = i === 0 ? start : g.start;
    const end = g.end;
    refs.push({
      kind: 'kamerstuk',
      id: ids[i]!,
      text: text.slice(from, end),
      start: from,
      end,
      parts: withNumber(parts, g.value, g.pages),
      confidence,
    });
  }
  return refs;
}

/**
 * What a bare parse at the tail's dossier returns (the references, at the confidence a bare parse gives them), or
 * [] where it fails; it ends at `tail.end`.
 */
export function bareRefsFromTail(text: string, tail: Tail, confidence: number): PaperRef[] {
  if (!tail.groups) return [];
  const parts: RefParts = { dossier: tail.dossier };
  if (tail.toevoeging !== undefined) parts.toevoeging = tail.toevoeging;
  if (tail.also.length) parts.alsoDossiers = tail.also.slice();
  return kamerstukRefs(text, tail.dossierAt, parts, tail.groups, tail.ids, confidence);
}

/**
 * The span that bareRefsFromTail's references cover together, [start, end), without building them (bare.ts,
 * BareCitation): the first starts at the dossier and ends with its group, each further one is its group's own.
 */
export function tailSpanStart(tail: Tail): number {
  let start = tail.dossierAt;
  const groups = tail.groups ?? [];
  for (let i = 1; i < groups.length; i++) start = Math.min(start, groups[i]!.start);
  return start;
}

export function tailSpanEnd(tail: Tail): number {
  const groups = tail.groups ?? [];
  let end = 0;
  for (let i = 0; i < groups.length; i++) end = Math.max(end, groups[i]!.end);
  return end;
}
