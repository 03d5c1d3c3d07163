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
  eat(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m) this.pos = re.lastIndex;
    return m;
  }

  /** Like eat, without moving. */
  peek(re: RegExp): RegExpExecArray | null {
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
 * Every pattern the detectors build, so a test can prove each one free of catastrophic backtracking (ReDoS) rather
 * than hope that random inputs would find the bad case.
 */
export const PATTERNS: RegExp[] = [];

function register(re: RegExp): RegExp {
  PATTERNS.push(re);
  return re;
}

/** A sticky, Unicode-aware regex from a source string (the building blocks are strings so they compose). */
export function sticky(source: string, flags = ''): RegExp {
  return register(new RegExp(source, `uy${flags}`));
}

/** A global, Unicode-aware regex, for the cheap anchor scans. */
export function global(source: string, flags = ''): RegExp {
  return register(new RegExp(source, `gu${flags}`));
}
