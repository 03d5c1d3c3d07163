/**
 * A read position in a text with sticky-regex steps: the reference parsers are small recursive-descent parsers that
 * try one short pattern at a time from an anchor, so no pattern ever scans (or backtracks over) the whole text.
 */
export class Cursor {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  /** Matches `re` (which must be sticky) exactly at the cursor; on success moves past the match. */
  eat(pattern: Pattern): RegExpExecArray | null {
    const re = pattern.regex;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m) this.pos = re.lastIndex;
    return m;
  }

  /**
   * Like eat, but first a look at the first character after any whitespace: when it is not one of `first` (a
   * `FirstChars` of every character a match of `re` can have there), `re` cannot match and is not run. Most steps
   * of a parse fail (a dossier rarely has a toevoeging, a joint dossier or a Rijkswet number), and a failing regex
   * run cost about as much as a matching one: the parse of a bare dossier ran some fifteen of them.
   */
  eatIf(first: FirstChars, re: Pattern): RegExpExecArray | null {
    const code = firstAfterSpace(this.text, this.pos);
    return code === UNKNOWN || first[code] === 1 ? this.eat(re) : null;
  }

  /** Whether the first character after any whitespace may start a match (see eatIf), without running a regex. */
  sees(first: FirstChars): boolean {
    const code = firstAfterSpace(this.text, this.pos);
    return code === UNKNOWN || first[code] === 1;
  }

  /**
   * Where the first character after any whitespace stands (the cursor itself when it is not on whitespace), or -1
   * after more than eight spaces, which no pattern's `\s{0,8}` passes over: for checks in code of what a pattern
   * needs there (see citation.ts), which must then leave the decision to the pattern.
   */
  afterSpace(): number {
    const { text, pos } = this;
    for (let i = pos; i <= pos + 8; i++) {
      if (i >= text.length || !isJsSpace(text.charCodeAt(i))) return i;
    }
    return -1;
  }

  /** Like eat, without moving. */
  peek(pattern: Pattern): RegExpExecArray | null {
    const re = pattern.regex;
    re.lastIndex = this.pos;
    return re.exec(this.text);
  }

  /** Runs a step that may fail; on failure (undefined) the cursor is put back where it was. */
  attempt<T>(step: (c: Cursor) => T | undefined): T | undefined {
    const saved = this.pos;
    const result = step(this);
    if (result === undefined) this.pos = saved;
    return result;
  }
}

/**
 * A detector pattern, built on first use: building them all when lib/refs loads (some fifty, most with Unicode
 * property classes to expand) cost the content script about 2.5 ms on every page, and a page without citations needs
 * few of them (the citation parse's, the Handelingen and journal patterns are only run once their triggers are seen).
 */
export class Pattern {
  private built: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    ALL.push(this);
  }

  /** The regex itself (one per pattern: its lastIndex is shared by all who use it, as before). */
  get regex(): RegExp {
    this.built ??= new RegExp(this.source, this.flags);
    return this.built;
  }
}

const ALL: Pattern[] = [];

/**
 * Every pattern the detectors build, each built now if it was not yet, so a test can prove each one free of
 * catastrophic backtracking (ReDoS) rather than hope that random inputs would find the bad case.
 */
export function detectorPatterns(): RegExp[] {
  return ALL.map((p) => p.regex);
}

/** A sticky, Unicode-aware pattern from a source string (the building blocks are strings so they compose). */
export function sticky(source: string, flags = ''): Pattern {
  return new Pattern(source, `uy${flags}`);
}

/** A global, Unicode-aware pattern, for the cheap anchor scans. */
export function global(source: string, flags = ''): Pattern {
  return new Pattern(source, `gu${flags}`);
}

/**
 * The characters a pattern can have first after its leading `\s{0,8}`, as a table by UTF-16 code (see
 * `Cursor.eatIf`); codes beyond the table are not among them.
 */
export type FirstChars = Uint8Array;

export function firstChars(chars: string): FirstChars {
  const table = new Uint8Array(0x2100);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** The patterns' `\s{0,8}` reads at most 8 spaces: past that, the pattern decides itself. */
const UNKNOWN = -1;
/** Past the end of the text: no character a pattern could match (never in a table). */
const END = 0xffff;

/** JS `\s` (also under the `u` flag), by code: what the patterns' `\s{0,8}` passes over. */
export function isJsSpace(c: number): boolean {
  // Below the no-break space only the tab to carriage return and the space are: one test for the ASCII letters,
  // digits and punctuation that nearly every call reads.
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The code of the first non-space character at or after `pos` within nine characters, UNKNOWN after more. */
function firstAfterSpace(text: string, pos: number): number {
  for (let i = pos; i <= pos + 8; i++) {
    if (i >= text.length) return END;
    const c = text.charCodeAt(i);
    if (!isJsSpace(c)) return c;
  }
  return UNKNOWN;
}
