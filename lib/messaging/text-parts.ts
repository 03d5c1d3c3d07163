/*
 * A page's long text travels to the background in parts. Sending a message is one task of the page: about 1 ms for
 * the 130 KB verslag, but 12-35 ms for 1.3 MB (measured in Chromium's content script: ten times the text, twenty
 * times the time), more than a frame. So a text over SEND_MAX goes ahead in parts (`analyse-part`), each a task of
 * its own, and the request that ends them (`analyse-text` with the same token) brings the last part; the background
 * keeps the parts under the token until then.
 */

/** The most text one message carries. */
export const SEND_MAX = 256 * 1024;

/** A token's parts are forgotten this long after the last one came (a page closed half-way never sends the rest). */
export const PARTS_TTL_MS = 60_000;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The text in parts of at most `max` characters, in order; one part when it fits. A cut never splits a surrogate
 * pair: a lone half would not survive the message (JSON gives U+FFFD for it).
 */
export function textParts(text: string, max = SEND_MAX): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + max);
    if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
    parts.push(text.slice(from, to));
    from = to;
  }
  return parts;
}

/** What the background answers when no parts wait under a token: the sender then sends its whole text after all. */
export const NO_PARTS = 'no parts wait under this token';
/** What it answers to a part that does not follow the ones it has (it lost the first ones). */
export const PARTS_OUT_OF_ORDER = 'parts out of order';

/**
 * Whether a failure says the background lost the parts it kept: its worker was stopped and started again in
 * between (Chromium's service worker, Firefox's event page), and its memory with it.
 */
export function lostParts(error: unknown): boolean {
  return error instanceof Error && (error.message.includes(NO_PARTS) || error.message.includes(PARTS_OUT_OF_ORDER));
}

/**
 * The page's side of a text the background keeps: the first pass sends the page's text to find its papers
 * (`detect-papers`) with this token, and the background keeps it as the first part of the analysis that follows.
 * When the second pass reads the same text (one text root, no decorated links of the page's own), it sends the token
 * alone. Sending the 130 KB verslag's text held the page's main thread 1–8 ms each time (Chromium, a probe around
 * `runtime.sendMessage` over five page loads), and the second pass sent it again.
 */
export class KeptText {
  readonly token = crypto.randomUUID();
  private offered = false;
  private text: string | undefined;

  /** The token for the first text sent, undefined after: the background keeps one text under it. */
  offer(): string | undefined {
    if (this.offered) return undefined;
    this.offered = true;
    return this.token;
  }

  /** The background has `text` under the token. */
  keep(text: string): void {
    this.text = text;
  }

  /** Whether `text` is the kept one; once: the background forgets the text when it takes it. */
  takes(text: string): boolean {
    if (this.text === undefined || this.text !== text) return false;
    this.text = undefined;
    return true;
  }
}

/** The background's side: parts waiting for the request that ends them, per sender and token. */
export class PendingParts {
  private readonly waiting = new Map<string, { parts: string[]; size: number; at: number }>();

  constructor(
    /** The most characters all parts of one text may hold (protocol LIMITS.text). */
    private readonly cap: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Keeps part `index` of the text under `key`; parts must come in order, and in all stay under the cap. */
  add(key: string, index: number, text: string): void {
    const at = this.now();
    for (const [k, entry] of this.waiting) if (at - entry.at > PARTS_TTL_MS) this.waiting.delete(k);
    const entry = this.waiting.get(key) ?? { parts: [], size: 0, at };
    if (index !== entry.parts.length) {
      this.waiting.delete(key);
      throw new Error(`${PARTS_OUT_OF_ORDER}: part ${index} came after ${entry.parts.length} parts`);
    }
    if (entry.size + text.length > this.cap) {
      this.waiting.delete(key);
      throw new Error(`the parts are over ${this.cap} characters`);
    }
    entry.parts.push(text);
    entry.size += text.length;
    entry.at = at;
    this.waiting.set(key, entry);
  }

  /** The whole text: the parts under `key`, then `last`. The parts are forgotten. */
  take(key: string, last: string): string {
    const entry = this.waiting.get(key);
    if (!entry) throw new Error(NO_PARTS);
    this.waiting.delete(key);
    return (entry.parts.join('') + last).slice(0, this.cap);
  }

  /**
   * What `analyse-text` asks to analyse: its text as it came, or after a token the parts before it and then its text,
   * with the footnotes that stand in that whole text.
   */
  complete<F extends { at: number }>(
    key: string | undefined,
    text: string,
    footnotes: F[],
  ): { text: string; footnotes: F[] } {
    if (key === undefined) return { text, footnotes };
    const all = this.take(key, text);
    return { text: all, footnotes: footnotes.filter((f) => f.at <= all.length) };
  }

  /** How many texts wait for their end. */
  get size(): number {
    return this.waiting.size;
  }
}
