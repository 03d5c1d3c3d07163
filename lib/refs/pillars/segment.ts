/*
 * The layout of a plain text: headings, paragraphs and the sections the headings open. Works line by line in one
 * pass; the only regexes are anchored to a single line and have no nested quantifiers.
 *
 * A paragraph is a run of non-blank lines (in PDF-extracted text every line is hard-wrapped, so only a blank line
 * ends a paragraph), minus any heading lines in it. Headings are:
 * - numbered (`4. Minder illegaliteit, meer terugkeer`, `1.3 Solidair en solide asielstelsel …`), anywhere in a
 *   block, possibly wrapped over two lines;
 * - Roman-numbered parts (`II. Reactie van de Staatssecretaris`);
 * - plain: a short line without closing punctuation that is a paragraph of its own (`Ten slotte`) or, in
 *   PDF-extracted text, stands glued above a paragraph (`Aanleiding`); not a line that ends in a number after
 *   another number, which is a page's running header or footer (or a date line), and would cut a section in two.
 */

export interface Span {
  /** UTF-16 offsets, end exclusive, trimmed of surrounding white space. */
  start: number;
  end: number;
}

export interface Heading extends Span {
  /** The title without its number. */
  title: string;
  /** Numbers of a numbered heading (`1.3` → [1, 3]); empty for Roman and plain headings. */
  numbers: number[];
  /** 0 for Roman parts, the count of numbers for numbered headings; undefined for plain headings. */
  level?: number;
}

export interface Section extends Span {
  heading: Heading;
  /** The section this one is nested in (`4.1` in `4.`). */
  parent?: Section;
}

/** Everything `segment` finds, each list in text order. */
export interface Layout {
  headings: Heading[];
  paragraphs: Span[];
  sections: Section[];
}

interface Line extends Span {
  /** Trimmed content; empty for a blank line. */
  content: string;
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)[ \t]+(\p{Lu}[^\n]*)$/u;
const ROMAN = /^([IVX]{1,4})\.[ \t]+(\p{Lu}[^\n]*)$/u;
/** A plain heading starts with a capital (or Markdown emphasis / heading marks before one). */
const PLAIN_START = /^[*_#\s]*\p{Lu}/u;
const CLOSING_PUNCTUATION = /[.,;:!?…]$/;
/** Running headers and footers of PDF pages (`Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7`). */
const PAGE_MARGIN = /\d[^\d]+\d+$/;
const SENTENCE_END = /[.!?]["'”’)]*\d*$/;
/** Words a wrapped heading line can end on: the title goes on in the next line. */
const CONTINUES = new Set(['en', 'in', 'de', 'het', 'van', 'voor', 'op', 'met', 'naar', 'bij', 'tot', 'uit', 'aan']);
const MAX_TITLE = 120;
const MAX_TITLE_WORDS = 16;

/** `/\s/` by character code (JS white space: ASCII, U+00A0, U+FEFF and the Unicode spaces), without a regex call. */
function isWhite(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(String.fromCharCode(c));
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    let start = from;
    let end = to;
    while (start < end && isWhite(text.charCodeAt(start))) start++;
    while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
    out.push({ start, end, content: text.slice(start, end) });
    from = to + 1;
  }
  return out;
}

/**
 * The words of a line, split at white space: by character code, since it is asked of nearly every line (a split and
 * a filter were a tenth of the layout pass on the real texts, in a profile).
 */
function wordCount(s: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const white = isWhite(s.charCodeAt(i));
    if (!white && !inWord) words++;
    inWord = !white;
  }
  return words;
}

function titleOk(title: string): boolean {
  const t = title.replace(/[*_]+$/, '');
  return t.length <= MAX_TITLE && wordCount(t) <= MAX_TITLE_WORDS && !CLOSING_PUNCTUATION.test(t);
}

/** A numbered or Roman heading on this line, or undefined. */
function numberedHeading(line: Line): Omit<Heading, 'end'> | undefined {
  // Both patterns start with a digit or a Roman numeral: most lines are no heading, and the two Unicode regexes on
  // every line were a few per cent of the analysis of the real texts (in a profile).
  const first = line.content.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39) && first !== 0x49 && first !== 0x56 && first !== 0x58) return undefined;
  const numbered = NUMBERED.exec(line.content);
  if (numbered) {
    const [, digits, dot, title] = numbered;
    // `1.` or `1.3`, never a bare `12 Kamerstuk …` (a footnote in PDF text).
    if (!digits!.includes('.') && !dot) return undefined;
    if (!titleOk(title!)) return undefined;
    const numbers = digits!.split('.').map(Number);
    return { start: line.start, title: title!, numbers, level: numbers.length };
  }
  const roman = ROMAN.exec(line.content);
  if (roman && titleOk(roman[2]!)) return { start: line.start, title: roman[2]!, numbers: [], level: 0 };
  return undefined;
}

/** Whether `line` is a short unnumbered title: see the module comment. */
function plainTitle(line: Line, next: Line | undefined): boolean {
  const c = line.content;
  if (!PLAIN_START.test(c) || !titleOk(c) || PAGE_MARGIN.test(c)) return false;
  if (!next) return wordCount(c) <= 12;
  // Glued to its paragraph: much shorter than the paragraph's first line, which starts a sentence.
  return wordCount(c) <= 6 && next.content.length >= 2 * c.length && /^\p{Lu}/u.test(next.content);
}

/** Headings and paragraphs of `text`, and the sections the headings open. */
export function segment(text: string): Layout {
  const all = lines(text);
  const headings: Heading[] = [];
  const paragraphs: Span[] = [];
  /** Headings and paragraphs in text order, to find where each section ends. */
  const items: (Span & { heading?: Heading })[] = [];
  let para: Span | undefined;
  const closePara = () => {
    if (para) {
      paragraphs.push(para);
      items.push(para);
    }
    para = undefined;
  };
  let blockStart = true;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (!line.content) {
      closePara();
      blockStart = true;
      continue;
    }
    const next = all[i + 1]?.content ? all[i + 1] : undefined;
    const prev = all[i - 1];
    let heading: Heading | undefined;
    const numbered = numberedHeading(line);
    // Inside a block a numbered line is a heading only after a finished sentence, not in a list after a colon.
    if (numbered && (blockStart || SENTENCE_END.test(prev?.content ?? ''))) {
      heading = { ...numbered, end: line.end };
      const lastWord = line.content.split(/\s+/).at(-1)?.toLowerCase() ?? '';
      if (next && CONTINUES.has(lastWord) && next.content.length <= 60 && !CLOSING_PUNCTUATION.test(next.content)) {
        heading.title += ` ${next.content}`;
        heading.end = next.end;
        i++;
      }
    } else if (blockStart && plainTitle(line, next)) {
      heading = { start: line.start, end: line.end, title: line.content, numbers: [] };
    }
    blockStart = false;
    if (heading) {
      closePara();
      headings.push(heading);
      items.push({ start: heading.start, end: heading.end, heading });
      continue;
    }
    if (para) para.end = line.end;
    else para = { start: line.start, end: line.end };
  }
  closePara();
  return { headings, paragraphs, sections: sections(items) };
}

/** Whether `next` closes the section of `open`: plain headings close everything and are closed by anything. */
function closes(next: Heading, open: Heading): boolean {
  if (next.level === undefined || open.level === undefined) return true;
  return next.level <= open.level;
}

function sections(items: readonly (Span & { heading?: Heading })[]): Section[] {
  const out: Section[] = [];
  const open: Section[] = [];
  let lastEnd = 0;
  for (const item of items) {
    const { heading } = item;
    if (heading) {
      while (open.length && closes(heading, open.at(-1)!.heading)) open.pop()!.end = lastEnd;
      const section: Section = { start: heading.start, end: heading.end, heading, parent: open.at(-1) };
      out.push(section);
      open.push(section);
    }
    lastEnd = item.end;
  }
  for (const section of open) section.end = lastEnd;
  return out;
}
