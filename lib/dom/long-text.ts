import { markOwn } from './own';

/*
 * One text node of a huge block (a page that puts 1 MB of running text with 27 000 citations in one <p>) gets all
 * its links in one step: the node's replacement goes into the page whole (annotate.ts), and for that node it took
 * 15-37 ms, on a busy machine over 50 ms (traced by `npm run bench`). Cut into pieces of at most PIECE_MAX
 * characters before it is linked, each piece goes in whole and the pieces in steps of their own. The cuts stand at a
 * sentence's end where there is one (a reference does not run across "verder. Zie"), else at white space, so a
 * reference is rarely split over two pieces (it would be linked in two parts, as across inline elements).
 */

/** The longest text node the first pass links in one go. */
export const PIECE_MAX = 32_768;

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;

/**
 * Where to cut `text` in (lo, hi]: after the white space that follows a sentence's end (four lower-case letters, a
 * full stop, a capital after the space: not "nr. 5", "Stb. 2019" or "II."), else after the last white space, else
 * nowhere (-1).
 */
export function cutBefore(text: string, lo: number, hi: number): number {
  let space = -1;
  for (let i = hi - 1; i > lo; i--) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) continue;
    if (space < 0) space = i + 1;
    if (
      text.charCodeAt(i - 1) === 46 &&
      isUpper(text.charCodeAt(i + 1)) &&
      isLower(text.charCodeAt(i - 2)) &&
      isLower(text.charCodeAt(i - 3)) &&
      isLower(text.charCodeAt(i - 4)) &&
      isLower(text.charCodeAt(i - 5))
    )
      return i + 1;
  }
  return space;
}

/**
 * Cuts a text node longer than `max` into pieces, in place and in one go: the node keeps the first piece, the others
 * are new text nodes right after it, marked as Kamerlens' own (the watcher ignores them). The text of the page stays
 * exactly as it was. Each piece is between max/2 and max long where the text has white space to cut at.
 */
export function cutLongText(node: Text, max = PIECE_MAX): void {
  const text = node.data;
  const parent = node.parentNode;
  if (text.length <= max || !parent) return;
  const cuts: number[] = [];
  for (let from = 0; text.length - from > max; ) {
    const cut = cutBefore(text, from + (max >> 1), from + max);
    if (cut < 0) break;
    cuts.push(cut);
    from = cut;
  }
  if (!cuts.length) return;
  const doc = node.ownerDocument;
  const pieces = doc.createDocumentFragment();
  cuts.forEach((cut, k) => {
    const piece = doc.createTextNode(text.slice(cut, cuts[k + 1] ?? text.length));
    markOwn(piece);
    pieces.appendChild(piece);
  });
  parent.insertBefore(pieces, node.nextSibling);
  node.data = text.slice(0, cuts[0]);
}
