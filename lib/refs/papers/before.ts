/*
 * Look-behind checks in code. A global pattern that starts with a look-behind makes V8 try the look-behind at every
 * position of the text; one that starts with what it consumes (a digit, a literal word) lets it skip ahead to the
 * candidates (identifiers.ts found this 5× faster). The patterns below keep their look-behind here instead, and a
 * candidate that fails it is retried one position further on, exactly as the look-behind would have made the regex do.
 */

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

/** The code point (a whole surrogate pair where there is one) that ends just before `index`. */
export function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1]!;
}

/** `(?<=\p{L})` at `index`. ASCII by code: the regex test on a one-character string showed in profiles. */
export function letterBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const c = text.charCodeAt(index - 1);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(codePointBefore(text, index));
}

/** `(?<=\p{Ll})` at `index`. */
export function lowerBefore(text: string, index: number): boolean {
  return index > 0 && LOWER.test(codePointBefore(text, index));
}

/**
 * Runs a global regex over `text` and yields only the matches that `accept` (the look-behind) lets through; after
 * a refused match the scan resumes one position after its start, as the regex itself would have.
 */
export function* matchesWhere(
  re: RegExp,
  text: string,
  accept: (index: number) => boolean,
  from = 0,
): Generator<RegExpExecArray> {
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!accept(m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    yield m;
  }
}
