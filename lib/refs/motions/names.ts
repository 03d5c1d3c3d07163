import { isJsSpace } from '../cursor';
import { AFTER_IN, CLAUSE_OPENERS, PARTY_LABELS, PLURAL_MEMBER_WORDS, TAG } from './lexicon';
import { blankLineStopAt, readingStopAfter } from './reach';
import { compileMatch, type MatchPattern, matchAtStart, type Token, type TokenWindow, tokenizeWindow } from './tokens';

/** One motion within a mention: its submitters, in the order written. */
export interface MemberGroup {
  members: string[];
  cs: boolean;
  start: number;
  end: number;
}

/** How the names are introduced, which decides how sure we are and how a list of names is read. */
export type MentionForm = 'dash' | 'member' | 'title' | 'van' | 'bare';

/** A motion word with the names that follow it; `moties X c.s. en Y c.s.` gives several groups. */
export interface Mention {
  keywordStart: number;
  plural: boolean;
  /** Upper-case header (`MOTIE VAN HET LID VAN NISPEN`). */
  caps: boolean;
  form: MentionForm;
  groups: MemberGroup[];
}

/** Enough for the longest list of names with titles and parties; names never run further. */
const WINDOW = 160;
/** Characters that never stand inside a list of names: the mention has ended before them. */
const NAMES_STOP_OR_CAPITAL = /[;:?!()[\]\d\u00b9\u00b2\u00b3\u2070\u2074-\u2079]|(\p{Lu})/gu;

/*
 * The phrases between the motion word and the names, tried in order with compromise's matcher. `van+` also takes
 * the typo `motie van van het lid`.
 */
const INTRO_PATTERNS: [MatchPattern, MentionForm][] = [
  [compileMatch(`^#${TAG.motion} van+ (het|de)? #${TAG.member}`), 'member'],
  [compileMatch(`^#${TAG.motion} van+ (het|de)? #${TAG.title}`), 'title'],
  [compileMatch(`^#${TAG.motion} van`), 'van'],
];

const DASH = /^[-\u2010-\u2014]$/;
const SPACE = /^\s+$/u;
const BLANK_LINE = /\n[^\S\n]*\n/;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const TITLE_WORD = /^\p{Lu}[\p{L}\p{M}'’]*$/u;
const CAPS_WORD = /^[\p{Lu}\p{M}'’]{2,}$/u;
const LOWER_WORD = /^[\p{Ll}\p{M}]+$/u;
const COSIGNED = /^c\.\s?s\.?$/i;
const MARKER_AFTER = /^[\d\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/;
const PARTY_IN_PARENS = /\s*\(\s*([^()\n]{1,24}?)\s*\)/y;
const SLASH_GAP = /^\s*\/\s*$/;
const COMMA_GAP = /^\s*,\s*$/;
const PREFIX_GAP = /^\.?\s+$/;
const LINE_END_HYPHEN = /^-[^\S\n]*\n[^\S\n]*$/;

/**
 * Words that end a list of names in capitals. In a KOOP title every word is upper case, so any word would pass for a
 * name: `GEWIJZIGDE MOTIE VAN DE LEDEN EERDMANS EN VELTMAN TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3374`
 * (realtexts kst-19637-3385.xml, and kst-28828-158, kst-33529-1323) read as `eerdmans` and `onder`, the surname being
 * the last word before `NR.`. The title goes on after the names with `TER VERVANGING VAN …` (the particle `TER` is then
 * dropped as a name's trailing particle), and a title could go on with what the motion is about (`OVER …`, the words
 * that open such a clause in running text) or with where it stands (`OP STUK NR.`). None of these is a surname.
 */
const CAPS_NOT_NAMES = new Set([
  ...CLAUSE_OPENERS,
  'vervanging',
  'gedrukt',
  'onder',
  'stuk',
  'stukken',
  'nr',
  'nrs',
  'voorgesteld',
]);

interface Part {
  token: Token;
  kind: 'particle' | 'word';
  /** How it joins the part before: a space, a hyphen, or nothing (a name hyphenated at a line break). */
  join: ' ' | '-' | '';
}

interface Member {
  surname: string;
  start: number;
  end: number;
  /** Index of the first token after the member. */
  next: number;
}

/**
 * Reads the motion word at `keywordStart` and the names that follow it. Returns undefined when no member name
 * follows (`een motie`, `Deze motie`, `Motie#21`, `de motie (Kamerstuk …)`): a motion mention needs its members.
 */
export function readMention(text: string, keywordStart: number): Mention | undefined {
  const windowEnd = namesEnd(text, keywordStart);
  if (windowEnd === undefined) return undefined;
  const window = tokenizeWindow(text, keywordStart, windowEnd);
  const { tokens } = window;
  const keyword = tokens[0];
  const first = tokens[1];
  if (!keyword?.tags.has(TAG.motion) || keyword.start !== keywordStart || !first) return undefined;

  const capsKeyword = keyword.text === keyword.text.toUpperCase();
  const plural = /s$/i.test(keyword.text);
  let form: MentionForm = 'bare';
  let index = 1;
  let jointList = false;
  if (DASH.test(first.gap)) form = 'dash';
  else if (!SPACE.test(first.gap)) return undefined;
  else {
    const intro = readIntro(window, capsKeyword);
    if (intro) {
      form = intro.form;
      jointList = intro.jointList;
      while (tokens[index] && tokens[index]!.start < intro.end) index++;
    }
  }
  // `de motie van het lid` promises a name, so a page break (blank lines) may come before it; a bare `motie` does not.
  const firstGap = tokens[index]?.gap ?? '';
  // An upper-case header has upper-case names (`MOTIE VAN HET LID VAN NISPEN`), unless they are written normally.
  const caps = capsKeyword && !!tokens[index] && tokens[index]!.text === tokens[index]!.text.toUpperCase();
  if (form === 'bare' && votesHeading(text, keywordStart)) return undefined;
  if (
    form !== 'dash' &&
    (!SPACE.test(firstGap) || (BLANK_LINE.test(firstGap) && form !== 'member' && form !== 'title'))
  )
    return undefined;
  const groups = readGroups(text, tokens, index, { caps, plural, jointList, keywordStart });
  return groups.length ? { keywordStart, plural, caps, form, groups } : undefined;
}

/** The word `Stemmingen` (any case) just before `at`, with only spaces between, and not glued to a word before it. */
const VOTES_WORD = /(?:^|[^\p{L}\p{M}])stemmingen[^\S\n]{1,8}$/iu;

/**
 * A stemmingen page's item heading: `Stemmingen moties Integrale Migratieagenda` (issue 10; the OB Handeling
 * h-tk-20192020-31-8-n1 has `8 Stemmingen moties MIRT`, ../shared/reference/page-structure.md §1.8). After
 * `Stemmingen moties` comes the debate whose motions are voted on, in capitals or as a title (`Integrale
 * Migratieagenda`), never a submitter: running text writes `de stemmingen over de moties …`, and a heading that
 * names members introduces them (`moties van het lid …`), so only the bare form is refused. The names window would
 * otherwise read `Integrale Migratieagenda` as a first name and a surname.
 */
function votesHeading(text: string, keywordStart: number): boolean {
  // Only the word before is read (10 letters, at most 8 spaces, the character before them): a bounded look back
  // keeps the mention's cost constant.
  return VOTES_WORD.test(text.slice(Math.max(0, keywordStart - 20), keywordStart));
}

/**
 * How much text after the motion word can hold its names: up to a character no name list contains (a digit, a
 * parenthesis other than a party's, a colon), at most `WINDOW`, and no further than a word the reader stops at
 * (`readingStopAfter`). compromise's cost grows with the window, so it is kept tight; undefined when there is no
 * capital in it, hence no name (`een motie over …`).
 */
export function namesEnd(text: string, keywordStart: number): number | undefined {
  const from = keywordStart + 'motie'.length;
  // Read in the text itself, up to the window's end: a slice of it was one more string per motion word, and reading
  // the characters of a slice (a string over the text's) cost more than the text's own (in a profile).
  const limit = Math.min(text.length, keywordStart + WINDOW);
  const length = Math.max(0, limit - from);
  let capital = false;
  let end = length;
  // Where the reader stops (`readingStopAfter`, `blankLineStopAt`), if it does before `end`: the window may end there
  // while all before it is ASCII or Latin letters without parentheses or quotes. (Found in this scan: a scan of its
  // own was 4% of the motion reader's time on motion-dense text, in a profile.)
  let cut = -1;
  let cuttable = true;
  // NAMES_STOP_OR_CAPITAL by character codes, the pattern only for a character outside ASCII: run over every names
  // window, the pattern took a step for each capital (namesEnd was 6% of the motion reader's time on motion-dense
  // text, in a profile).
  for (let i = 0; i < length; ) {
    const c = text.charCodeAt(from + i);
    let width = 1;
    let kind: 'stop' | 'capital' | undefined;
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) kind = 'capital';
      else if (isNamesStop(c)) kind = 'stop';
      else if (c === 0x22) cuttable = false;
      else if (c === 0x20 && cuttable && cut < 0) {
        const wordEnd = readingStopAfter(text, from + i, limit);
        if (wordEnd >= 0) {
          cut = from + i + 1;
          if (capital) return cut;
          i = wordEnd - from;
          continue;
        }
      } else if (c === 0x0a && cuttable && cut < 0) {
        cut = blankLineStopAt(text, from + i, from, limit);
        if (cut >= 0 && capital) return cut;
      }
    } else {
      if (!isLatinLetter(c)) cuttable = false;
      width = c >= 0xd800 && c <= 0xdbff && i + 1 < length && isLowSurrogate(text.charCodeAt(from + i + 1)) ? 2 : 1;
      const ch = text.slice(from + i, from + i + width);
      NAMES_STOP_OR_CAPITAL.lastIndex = 0;
      const m = NAMES_STOP_OR_CAPITAL.exec(ch);
      if (m) kind = m[1] ? 'capital' : 'stop';
    }
    if (kind === 'capital') {
      capital = true;
      if (cut >= 0) return cut;
    } else if (kind === 'stop') {
      cuttable = false;
      const party = c === 0x28 ? partyAt(text, from + i) : undefined;
      if (party === undefined) {
        end = i;
        break;
      }
      capital = true;
      if (cut >= 0) return cut;
      i = party - from;
      continue;
    }
    i += width;
  }
  if (!capital) return undefined;
  if (cut >= 0) return cut;
  // Never cut a word in two: a cut name would read as a shorter one.
  if (end === length && /[\p{L}\p{M}]/u.test(text[from + end] ?? '')) {
    // Looked for within the window only: `lastIndexOf` in the text would read back to its start where the window
    // has no space (`Motie-Motie-…`, motions.slow.test.ts), a quadratic scan over such a text.
    let space = limit - 1;
    while (space >= from && text.charCodeAt(space) !== 0x20) space--;
    end = space >= from ? space - from : 0;
  }
  return from + end;
}

/** `;:?!()[]` and the digits: the characters of ASCII that end a list of names (NAMES_STOP_OR_CAPITAL). */
function isNamesStop(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x3f ||
    c === 0x21 ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0x5b ||
    c === 0x5d
  );
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Letters of Latin-1 and Latin Extended (`Özütok`): letters as any other for where words start and end. */
const isLatinLetter = (c: number) => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;

function readIntro(
  window: TokenWindow,
  caps: boolean,
): { form: MentionForm; end: number; jointList: boolean } | undefined {
  for (const [pattern, form] of INTRO_PATTERNS) {
    const end = matchAtStart(window, pattern);
    if (end === undefined) continue;
    const last = window.tokens.find((t) => t.end === end);
    // A capitalised `Van` right after `motie` starts a surname (`motie Van Haga`), except in an upper-case header.
    if (form === 'van' && !caps && last?.text !== 'van') continue;
    return { form, end, jointList: form === 'member' && !!last && PLURAL_MEMBER_WORDS.has(last.normal) };
  }
  return undefined;
}

interface ListOptions {
  caps: boolean;
  plural: boolean;
  /** `van de leden A, B en C`: the names are co-submitters of one motion. */
  jointList: boolean;
  keywordStart: number;
}

/**
 * Reads names separated by `/`, `en` and commas into motions. A slash always joins co-submitters; `en` and a comma
 * do so after `de leden`, and separate motions after `moties` (`de moties Marijnissen c.s. en Klaver c.s.`).
 */
function readGroups(text: string, tokens: Token[], from: number, options: ListOptions): MemberGroup[] {
  const groups: MemberGroup[] = [];
  let group: MemberGroup = { members: [], cs: false, start: options.keywordStart, end: options.keywordStart };
  let index = from;
  // The member after a separator, read to decide whether to take the separator: the next one read (readMember ran
  // twice for every name after the first, 7% of the motion reader's time on motion-dense text, in a profile).
  let next: Member | undefined;
  for (;;) {
    const member = next ?? readMember(tokens, index, options.caps);
    next = undefined;
    if (!member) break;
    group.members.push(member.surname);
    group.end = member.end;
    index = member.next;
    if (MARKER_AFTER.test(text.slice(group.end, group.end + 1))) break;
    ({ end: group.end, index } = skipParty(text, tokens, group.end, index));
    // Gaps are measured from the end of what was read, which may be a party's closing parenthesis. (A slice, not a
    // closure: one closure per member read, and its naming, were 2% of the analysis of motion-dense text.)
    const cosign = tokens[index];
    if (cosign && COSIGNED.test(cosign.text) && SPACE.test(text.slice(group.end, cosign.start))) {
      group.cs = true;
      group.end = cosign.text.endsWith('.') || text[cosign.end] !== '.' ? cosign.end : cosign.end + 1;
      index++;
      if (MARKER_AFTER.test(text.slice(group.end, group.end + 1))) break;
      ({ end: group.end, index } = skipParty(text, tokens, group.end, index));
    }

    const separator = tokens[index];
    if (!separator) break;
    const gap = text.slice(group.end, separator.start);
    let nextIndex = index;
    let sameMotion: boolean;
    if (SLASH_GAP.test(gap)) sameMotion = true;
    else if ((separator.normal === 'en' || separator.text === '&') && SPACE.test(gap)) {
      nextIndex = index + 1;
      sameMotion = options.jointList;
      if (!sameMotion && !options.plural) break;
      if (!SPACE.test(tokens[nextIndex]?.gap ?? '')) break;
    } else if (COMMA_GAP.test(gap) && (options.jointList || options.plural)) sameMotion = options.jointList;
    else break;
    // Only commit to the separator when a name follows it.
    const lookahead = readMember(tokens, nextIndex, options.caps);
    if (!lookahead) break;
    if (!sameMotion) {
      groups.push(group);
      group = { members: [], cs: false, start: lookahead.start, end: lookahead.end };
    }
    index = nextIndex;
    next = lookahead;
  }
  if (group.members.length) groups.push(group);
  return groups;
}

/** A party in parentheses after a name (`Van Weerdenburg (PVV)`) belongs to the mention but names no member. */
function skipParty(text: string, tokens: Token[], end: number, index: number): { end: number; index: number } {
  const partyEnd = partyAt(text, end);
  if (partyEnd === undefined) return { end, index };
  let next = index;
  while (tokens[next] && tokens[next]!.start < partyEnd) next++;
  return { end: partyEnd, index: next };
}

/** The end of a party in parentheses at `at` (`(PVV)`, ` (GL-PvdA)`), if one stands there. */
function partyAt(text: string, at: number): number | undefined {
  // Most names have no party after them: the pattern is run only where a parenthesis follows the white space (it ran
  // after every member read, 3% of the motion reader's time on motion-dense text, in a profile).
  let open = at;
  while (open < text.length && isJsSpace(text.charCodeAt(open))) open++;
  if (text.charCodeAt(open) !== 0x28) return undefined;
  PARTY_IN_PARENS.lastIndex = at;
  const m = PARTY_IN_PARENS.exec(text);
  return m && PARTY_LABELS.has(m[1]!.toLowerCase().replace(/\s+/g, '')) ? at + m[0].length : undefined;
}

function isParticle(token: Token, caps: boolean, next: Token | undefined): boolean {
  if (!token.tags.has(TAG.particle)) return false;
  if (token.normal === 't' || (token.normal === "'t" && !/^['’]/.test(token.text))) return false;
  if (caps && token.text !== token.text.toUpperCase()) return false;
  // `in` is a particle only in `in 't Veld`, `In den Bosch`; otherwise it is the preposition.
  if (token.normal === 'in') return !!next && AFTER_IN.has(next.normal.replace(/^'/, ''));
  return true;
}

function isNameWord(token: Token, caps: boolean): boolean {
  const { tags } = token;
  if (tags.has(TAG.party) || tags.has(TAG.member) || tags.has(TAG.motion) || tags.has(TAG.particle)) return false;
  if (caps) return CAPS_WORD.test(token.text) && token.normal !== 'en' && !CAPS_NOT_NAMES.has(token.normal);
  return titleWord(token.text);
}

/**
 * `TITLE_WORD` and not all in capitals; for a word of ASCII by its codes (a capital, then letters and `'`, one of
 * them lower case), since a test of the Unicode pattern for every word of a names window cost more than the rest of
 * the test.
 */
function titleWord(text: string): boolean {
  const first = text.charCodeAt(0);
  if (!(first >= 0x41 && first <= 0x5a)) return first >= 0x80 && TITLE_WORD.test(text) && text !== text.toUpperCase();
  let lower = false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) lower = true;
    else if (!((c >= 0x41 && c <= 0x5a) || c === 0x27)) {
      return c >= 0x80 && TITLE_WORD.test(text) && text !== text.toUpperCase();
    }
  }
  return lower;
}

/**
 * Reads one member's name from `tokens[start]`: optional titles and initials, then first names, particles and
 * surname parts. The surname is the last word with the particles before it (`Jasper van Dijk` → `van dijk`) and
 * anything hyphenated to it (`Faber-van de Klashorst`).
 */
function readMember(tokens: Token[], start: number, caps: boolean): Member | undefined {
  let index = start;
  const firstToken = tokens[index];
  if (!firstToken) return undefined;
  // Titles and initials stand before the name (`mr. A.B.C. de Graaf`); compromise leaves the stop of `mr.` and of a
  // single initial `A.` outside the term.
  for (let token = tokens[index]; token; token = tokens[index]) {
    const next = tokens[index + 1];
    const initial = INITIALS.test(token.text) || (/^\p{Lu}$/u.test(token.text) && !!next?.gap.startsWith('.'));
    if (!initial && !token.tags.has(TAG.title)) break;
    if (!next || !PREFIX_GAP.test(next.gap) || BLANK_LINE.test(next.gap)) return undefined;
    index++;
  }
  const parts: Part[] = [];
  for (; index < tokens.length; index++) {
    const token = tokens[index]!;
    let join: Part['join'] = ' ';
    // A single space, the usual gap, is a space join: no pattern below is tried on it.
    if (parts.length && token.gap !== ' ') {
      const gap = token.gap;
      if (DASH.test(gap)) join = '-';
      else if (LINE_END_HYPHEN.test(gap)) {
        // At a line break a lower-case word continues a word split by the PDF (`Groot-\nhuizen`); anything else
        // continues a hyphenated name (`Aiking-\nvan Wageningen`).
        join = LOWER_WORD.test(token.text) && !token.tags.has(TAG.particle) ? '' : '-';
      } else if (!SPACE.test(gap) || BLANK_LINE.test(gap)) break;
    }
    const particle = isParticle(token, caps, tokens[index + 1]);
    if (particle) {
      // A capitalised particle starts a name (`Van der Molen`, `Faber-Van`); it does not follow a first name or a
      // lower-case particle (`Omtzigt in De Volkskrant`).
      const previous = parts[parts.length - 1];
      if (
        capitalised(token, caps) &&
        previous &&
        join !== '-' &&
        !(previous.kind === 'particle' && capitalised(previous.token, caps))
      )
        break;
      parts.push({ token, kind: 'particle', join });
      continue;
    }
    if (join === '') {
      const previous = parts[parts.length - 1]!;
      parts[parts.length - 1] = { ...previous, token: mergeTokens(previous.token, token) };
      continue;
    }
    if (token.tags.has(TAG.notName)) {
      if (!parts.some((p) => p.kind === 'word')) return undefined;
      break;
    }
    if (!isNameWord(token, caps)) break;
    parts.push({ token, kind: 'word', join });
  }
  while (parts.length && parts[parts.length - 1]!.kind === 'particle') parts.pop();
  const last = parts[parts.length - 1];
  if (!last) return undefined;

  let from = parts.length - 1;
  while (from > 0) {
    const { join } = parts[from]!;
    if (join === '-' || join === '' || parts[from - 1]!.kind === 'particle') from--;
    else break;
  }
  // Built by concatenation, not `slice`, `map` and `join`: those were 2% of the motion reader's time on motion-dense
  // text (in a profile).
  let surname = '';
  for (let i = from; i < parts.length; i++) {
    const word = parts[i]!.token.text.toLowerCase();
    surname += (i > from ? parts[i]!.join : '') + (word.includes('’') ? word.replace('’', "'") : word);
  }
  return {
    surname,
    start: firstToken.start,
    end: last.token.end,
    next: indexAfter(tokens, last.token.end),
  };
}

/** A capitalised word, outside an upper-case header (a function of its own: a closure per particle was garbage). */
function capitalised(t: Token, caps: boolean): boolean {
  return !caps && t.text !== t.text.toLowerCase();
}

/** `Groot-` + `huizen` at a line break: one word, written without the hyphen. */
function mergeTokens(head: Token, tail: Token): Token {
  return { ...tail, text: head.text + tail.text, start: head.start, gap: head.gap };
}

function indexAfter(tokens: Token[], end: number): number {
  let index = 0;
  while (tokens[index] && tokens[index]!.start < end) index++;
  return index;
}
