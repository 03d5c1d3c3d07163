import { ATTR, REF_CLASS } from '../contract/attrs';
import { cutLongText } from './long-text';

/**
 * A flat view of the text under a root element, so that the pure detector (lib/refs) can run on one string and
 * its UTF-16 spans can be mapped back to text nodes: a reference split over inline elements (`<em>Kamerstuk</em>
 * 19 637`) or a line break is still one span.
 */

/** Elements whose text is never ours to touch: existing links, form fields, code, embedded documents. */
const SKIP_TAGS = new Set([
  'A',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'svg',
  'CANVAS',
  'HEAD',
  'TITLE',
]);

/** Elements that end a run of text: a reference never spans two of them. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export interface TextMap {
  /** The text of all mapped nodes; block boundaries appear as a single '\n' that belongs to no node. */
  text: string;
  nodes: Text[];
  /**
   * `starts[i]` is where `nodes[i]` begins in `text`, `ends[i]` where it ends: where it ended when the map was built,
   * or, once annotate() rewrote the node, where the text it kept (the text before its first link) ends.
   */
  starts: number[];
  ends: number[];
}

export interface TextMapOptions {
  /** Extra elements to leave out (page chrome, our own UI), on top of links, scripts and form fields. */
  exclude?: (el: Element) => boolean;
  /**
   * Read the text of Kamerlens' own links too (never wrapped again): the second pass, for motions and pillars, must
   * see the same text as the first, and its offsets must match what the background analysed.
   */
  readOwnLinks?: boolean;
  /**
   * Cut text nodes longer than this into pieces as they are read (long-text.ts): the first pass, so that no node's
   * links go into the page in one long step. The text stays the same; other readers leave the page as it is.
   */
  cutLongerThan?: number;
}

/** Kamerlens' own links: their text is the page's, already linked. */
export function isOwnLink(el: Element): boolean {
  return el.classList.contains(REF_CLASS);
}

/**
 * True for an element that starts an editing region (`contenteditable`, `contenteditable="true"` or
 * `"plaintext-only"`). Read from the attribute, not `isContentEditable`, which makes the browser bring its styles up
 * to date first: right after a big change (our own links) that is a long task. The scanner skips such an element's
 * whole subtree, so the attribute on the region's top is enough.
 */
function startsEditing(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  if (value === null) return false;
  const v = value.toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/** True when `el` lies in an editing region that starts at it or above it (the nearest valid attribute decides). */
function insideEditing(el: Element): boolean {
  for (let x: Element | null = el; x; x = x.parentElement) {
    const value = x.getAttribute('contenteditable')?.toLowerCase();
    if (value === 'false') return false;
    if (value === '' || value === 'true' || value === 'plaintext-only') return true;
  }
  return el.ownerDocument.designMode === 'on';
}

/** isSkipped without the document's designMode, which textMapSteps reads once per root (insideEditing). */
function skipsSubtree(el: Element, exclude?: (el: Element) => boolean, readOwnLinks = false): boolean {
  const tag = el.tagName;
  // The page's own reference links that Kamerlens decorated (lib/page/existing.ts): the second pass reads their
  // text like its own links', so a motion named next to them takes their citation. On OB Handelingen pages the
  // citation after "de motie-Fritsma" is the page's split link `(<a>19637</a>, nr. <a>2380</a>)`
  // (page-structure.md §1.7); unread, the motion had no id and no status. Only read, never wrapped (annotate.ts).
  if (readOwnLinks && (isOwnLink(el) || (tag === 'A' && el.hasAttribute(ATTR.existing)))) return false;
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute(ATTR.ref) || el.hasAttribute(ATTR.continues)) return true;
  // contenteditable regions belong to the user's editing; wrapping text there would corrupt what they type.
  if (startsEditing(el)) return true;
  return exclude ? exclude(el) : false;
}

/** True for elements whose subtree the scanner must not read or change. */
export function isSkipped(el: Element, exclude?: (el: Element) => boolean, readOwnLinks = false): boolean {
  return skipsSubtree(el, exclude, readOwnLinks) || el.ownerDocument.designMode === 'on';
}

/** True for elements that end a run of text (paragraphs, list items, cells, sections). */
export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/** How many nodes the builder reads between chances to yield to the page. */
const NODES_PER_STEP = 256;

/**
 * Reads the text under `root` (or under each of several roots, which must not contain one another: their texts are
 * separated like blocks), skipping what must not be annotated, as a generator that pauses every few hundred nodes: a
 * long document's map is built across several slices (driven by runStepsSliced), never in one long task.
 */
export function* textMapSteps(
  root: Element | readonly Element[],
  options: TextMapOptions = {},
): Generator<void, TextMap> {
  const roots: readonly Element[] = Array.isArray(root) ? root : [root as Element];
  const { exclude, readOwnLinks, cutLongerThan } = options;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  let lastBlock: Node | null = null;
  let lastWasBreak = false;
  let seen = 0;
  for (const top of roots) {
    if (++seen % NODES_PER_STEP === 0) yield;
    // The walk reads below `top`: a region being edited that starts at it or above it is left whole.
    if (insideEditing(top)) continue;
    // A walk of its own by child and sibling pointers, not a TreeWalker with a filter: the filter is a call from
    // the browser into script for every node, and the walk keeps the open elements, so each text node knows its
    // block without reading its ancestors (the map of the 130 KB verslag: 15 ms, traced by `npm run bench`). Text
    // the page changes while the map is read is found stale later (isCurrent, annotate) and read again by the watcher.
    const open: Element[] = [];
    const blocks: Node[] = [top];
    let node: Node | null = top.firstChild;
    while (node) {
      if (++seen % NODES_PER_STEP === 0) yield;
      if (node.nodeType === 1) {
        const el = node as Element;
        if (!skipsSubtree(el, exclude, readOwnLinks)) {
          // <br> is a line break inside a block: whitespace to the detector, so a reference may run across it.
          if (el.tagName === 'BR') lastWasBreak = true;
          else if (el.firstChild) {
            open.push(el);
            if (BLOCK_TAGS.has(el.tagName)) blocks.push(el);
            node = el.firstChild;
            continue;
          }
        }
      } else if (node.nodeType === 3) {
        if (cutLongerThan && (node as Text).data.length > cutLongerThan) cutLongText(node as Text, cutLongerThan);
        const value = (node as Text).data;
        if (value) {
          const block = blocks[blocks.length - 1]!;
          if (lastBlock && (block !== lastBlock || lastWasBreak)) {
            parts.push('\n');
            length += 1;
          }
          lastBlock = block;
          lastWasBreak = false;
          nodes.push(node as Text);
          starts.push(length);
          parts.push(value);
          length += value.length;
          ends.push(length);
        }
      }
      // The next node: the sibling, or that of the nearest open element that has one.
      while (node && !node.nextSibling) {
        const up = open.pop();
        if (up && blocks[blocks.length - 1] === up) blocks.pop();
        node = up ?? null;
      }
      node = node ? node.nextSibling : null;
    }
  }
  return { text: parts.join(''), nodes, starts, ends };
}

/** The whole map at once: for small roots and tests. */
export function buildTextMap(root: Element | readonly Element[], options: TextMapOptions = {}): TextMap {
  const steps = textMapSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * True when the mapped text nodes are still in the page with the same text: a map built before an await is safe to
 * annotate only then. Cheaper than reading the page again.
 */
export function isCurrent(map: TextMap): boolean {
  return map.nodes.every((node, i) => node.isConnected && node.data === map.text.slice(map.starts[i], map.ends[i]));
}

/** Index of the node that contains text offset `offset` (the last node starting at or before it). */
export function nodeIndexAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
