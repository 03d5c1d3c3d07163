import type { Footnote } from '../refs/types';
import type { TextMap } from './text-map';

/**
 * Footnotes from a page's markup (page-structure.md §1.6): the marker is a link `a.nootnum[href="#ID-…"]` or
 * `sup > a[href^="#"]`; the note is the element it points to, inside `div.noot`/`div.voet` (OB) or a list item. The
 * marker's text is never in the text map (links are skipped), so its place is the end of the text before it.
 */
const MARKERS = 'a.nootnum[href^="#"], sup > a[href^="#"]';
const NOTE_CONTAINER = 'div.noot, div.voet, li';
/** The note's own chrome: the close button and its number. */
const NOTE_CHROME = '.note-close, .nootnum, sup';

/** Offset in the map just after the last mapped text that precedes `el` in document order. */
function offsetBefore(map: TextMap, el: Element): number {
  let lo = 0;
  let hi = map.nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    // DOCUMENT_POSITION_FOLLOWING (4): el comes after the node.
    if (map.nodes[mid]!.compareDocumentPosition(el) & 4) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : map.starts[found]! + map.nodes[found]!.data.length;
}

/** The note's text without its chrome (`X Noot`, the number). */
function noteText(note: Element): string {
  const copy = note.cloneNode(true) as Element;
  for (const chrome of copy.querySelectorAll(NOTE_CHROME)) chrome.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Where the note's own text begins in the map, when the notes section was read with the rest. */
function bodyOffset(map: TextMap, index: Map<Text, number>, note: Element, body: string): number | undefined {
  const walker = note.ownerDocument.createTreeWalker(note, 0x4 /* SHOW_TEXT */);
  let first = -1;
  for (let n = walker.nextNode() as Text | null; n && first < 0; n = walker.nextNode() as Text | null) {
    const i = index.get(n);
    if (i !== undefined && n.data.trim() && !n.parentElement?.closest(NOTE_CHROME)) first = i;
  }
  if (first < 0) return undefined;
  const at = map.starts[first]! + (map.nodes[first]!.data.length - map.nodes[first]!.data.trimStart().length);
  return map.text.startsWith(body.slice(0, 20), at) ? at : undefined;
}

/**
 * The element a marker's `#fragment` points to, found as a browser finds it (HTML's "find a potential indicated
 * element"): the fragment as written, then percent-decoded. A fragment that does not decode (`#%E0%A4%A`, a
 * truncated escape, on which decodeURIComponent throws) points to no element of its own: it costs its own note, never
 * the page's others.
 */
function noteTarget(doc: Document, href: string): Element | null {
  const raw = href.slice(1);
  if (!raw) return null;
  const asWritten = doc.getElementById(raw);
  if (asWritten) return asWritten;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decoded && decoded !== raw ? doc.getElementById(decoded) : null;
}

/** One marker's note, or undefined when the marker points to no note with text. */
function footnoteOf(map: TextMap, index: Map<Text, number>, marker: Element): Footnote | undefined {
  const target = noteTarget(marker.ownerDocument, marker.getAttribute('href') ?? '');
  const note = target?.closest(NOTE_CONTAINER) ?? target;
  // A link to the note's own anchor inside the notes section is the note, not a marker.
  if (!note || note.contains(marker)) return undefined;
  const body = noteText(note);
  if (!body) return undefined;
  const bodyAt = bodyOffset(map, index, note, body);
  return {
    at: offsetBefore(map, marker),
    label: (marker.textContent ?? '').trim(),
    body,
    ...(bodyAt === undefined ? {} : { bodyAt }),
  };
}

/**
 * The page's footnotes under `root`, each marker with its note. Markup is the page's: whatever one marker holds (a
 * fragment that does not decode, a note in odd markup) costs that marker's note only, so motions and pillars are
 * never lost to one bad element.
 */
export function pageFootnotes(root: Element, map: TextMap): Footnote[] {
  const notes: Footnote[] = [];
  const markers = root.querySelectorAll(MARKERS);
  if (!markers.length) return notes;
  // Node → position, once: each note then finds its text in the map without a scan of every node.
  const index = new Map(map.nodes.map((n, i) => [n, i] as const));
  for (const marker of markers) {
    try {
      const note = footnoteOf(map, index, marker);
      if (note) notes.push(note);
    } catch (error) {
      console.warn('Kamerlens: a footnote marker was left out:', error);
    }
  }
  return notes;
}
