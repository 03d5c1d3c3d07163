import { ATTR, REF_CLASS } from '../contract/attrs';
import { motionSearchUrl, urlFor } from '../contract/ids';
import type { RefKind } from '../refs/types';
import { markOwn, markOwnLink, type Stamp, setFirstPiece, setLastPiece } from './own';
import { nodeIndexAt, type TextMap } from './text-map';

/** The class every Kamerlens link carries; page CSS is unlikely to target it. */
export { REF_CLASS };

/**
 * What a link needs to know of a reference: what it points at and where it stands in the text map. A motion whose
 * document the text does not name has no id, only its members.
 */
export interface Linkable {
  kind: RefKind;
  id?: string;
  members?: readonly string[];
  start: number;
  end: number;
}

export { motionSearchUrl };

/** Where a reference's link points. */
export function hrefFor(ref: Linkable): string {
  if (ref.id) return urlFor(ref.kind, ref.id);
  return motionSearchUrl(ref.members ?? []);
}

/** The part of one mapped text node (`map.nodes[index]`) a reference covers, in the node's own offsets. */
interface Piece {
  index: number;
  from: number;
  to: number;
}

/** The text-node pieces a span covers, skipping the block separators that belong to no node. */
function piecesOf(map: TextMap, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  for (let i = nodeIndexAt(map, start); i < map.nodes.length && map.starts[i]! < end; i++) {
    const nodeStart = map.starts[i]!;
    const from = Math.max(start, nodeStart) - nodeStart;
    const to = Math.min(end, map.ends[i]!) - nodeStart;
    // Leading or trailing whitespace-only pieces (a line break between parts) get no link of their own.
    if (to > from && /\S/.test(map.text.slice(nodeStart + from, nodeStart + to))) pieces.push({ index: i, from, to });
  }
  return pieces;
}

function makeLink(doc: Document, ref: Linkable, first: boolean): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.className = REF_CLASS;
  a.href = hrefFor(ref);
  if (first) {
    if (ref.id) a.setAttribute(ATTR.ref, ref.id);
    a.setAttribute(ATTR.kind, ref.kind);
    if (ref.members) a.setAttribute(ATTR.members, ref.members.join('/'));
  } else {
    // The rest of a reference that runs across inline elements: same target, but not counted twice.
    a.setAttribute(ATTR.continues, ref.id ?? '');
  }
  return a;
}

/**
 * Text already inside a link, Kamerlens' or the page's own (the second pass reads both): never a link inside a link.
 * A motion mention never contains a citation, but text may be odd.
 */
function insideOwnLink(node: Text): boolean {
  return Boolean(node.parentElement?.closest(`a, .${REF_CLASS}`));
}

/** The replacement of one text node, built while its references come in and put into the page once. */
interface NodeWork {
  /** What the page's own node keeps: its text before the first link, or the first link's text (it moves into it). */
  head: string;
  headLink?: HTMLAnchorElement;
  /** Everything after the head, in order, not yet in the page. */
  rest: DocumentFragment;
  /** Offset in the node up to which the replacement is built. */
  done: number;
  /** The first pieces of references (the elements that carry the id), for the count and the caller. */
  firsts: HTMLAnchorElement[];
  /** When this node's links went into the page: set once they have. */
  stamp: Stamp;
}

export interface LinkWriterOptions {
  /** Receives each reference's first link (the element with `data-kamerlens-ref`) once it is in the page. */
  links?: Element[];
  /** Called for each reference's first link as it goes into the page, with its id (none for some motions). */
  onLink?: (link: HTMLAnchorElement, id: string | undefined) => void;
  now?: () => number;
}

/**
 * Wraps references in links with one pass per text node: a node's replacement (the text between the references and
 * the links) is built while its references are added, and put into the page once, when the caller commits past the
 * node's end. The page's own node stays in place and keeps the text before the first link (or moves into the first
 * link), so the map's entry for it stays valid for the text before the links: `map.ends` is updated to match.
 *
 * A node whose text changed since the map was built, or that has left the page, is left alone.
 */
export class LinkWriter {
  /** References linked so far (their first pieces are in the page or queued). */
  count = 0;
  private readonly work = new Map<number, NodeWork>();
  private readonly usable = new Map<number, boolean>();
  private readonly doc: Document | undefined;
  private readonly now: () => number;

  constructor(
    private readonly map: TextMap,
    private readonly options: LinkWriterOptions = {},
  ) {
    this.doc = map.nodes[0]?.ownerDocument;
    this.now = options.now ?? (() => performance.now());
  }

  private isUsable(i: number): boolean {
    let ok = this.usable.get(i);
    if (ok === undefined) {
      const { map } = this;
      const node = map.nodes[i]!;
      ok = node.parentNode !== null && node.data === map.text.slice(map.starts[i], map.ends[i]) && !insideOwnLink(node);
      this.usable.set(i, ok);
    }
    return ok;
  }

  /**
   * Queues one reference. References must come in text order and must not overlap; one that overlaps what is
   * queued, lies in text already linked, or covers a node that changed is skipped. Returns whether it was queued.
   */
  add(ref: Linkable): boolean {
    const doc = this.doc;
    if (!doc) return false;
    const pieces = piecesOf(this.map, ref.start, ref.end);
    if (!pieces.length) return false;
    for (const p of pieces) {
      if (!this.isUsable(p.index)) return false;
      const w = this.work.get(p.index);
      if (w && p.from < w.done) return false;
    }
    let first: HTMLAnchorElement | undefined;
    pieces.forEach((p, k) => {
      const link = makeLink(doc, ref, k === 0);
      const w = this.place(doc, p, link);
      markOwnLink(link, w.stamp);
      if (k === 0) {
        w.firsts.push(link);
        first = link;
      } else if (first) {
        // The card opens from any piece; the badge follows the last one.
        setFirstPiece(link, first);
        setLastPiece(first, link);
      }
    });
    this.count++;
    return true;
  }

  private place(doc: Document, { index, from, to }: Piece, link: HTMLAnchorElement): NodeWork {
    const { map } = this;
    const at = map.starts[index]!;
    const text = (a: number, b: number) => map.text.slice(at + a, at + b);
    let w = this.work.get(index);
    if (!w) {
      w = { head: '', rest: doc.createDocumentFragment(), done: 0, firsts: [], stamp: { at: undefined } };
      this.work.set(index, w);
      if (from > 0) w.head = text(0, from);
      else {
        // The reference starts the node: the node itself becomes the link's text.
        w.head = text(0, to);
        w.headLink = link;
        w.done = to;
        return w;
      }
    } else if (from > w.done) {
      const between = doc.createTextNode(text(w.done, from));
      markOwn(between);
      w.rest.appendChild(between);
    }
    const inner = doc.createTextNode(text(from, to));
    markOwn(inner);
    link.appendChild(inner);
    w.rest.appendChild(link);
    w.done = to;
    return w;
  }

  /** Nodes whose replacement is queued. */
  get pending(): number {
    return this.work.size;
  }

  /**
   * Puts into the page the replacement of every queued node that ends at or before `upTo` (all by default), or of
   * as many as fit before the time `until` (at least one). Returns whether every such node is done.
   */
  commit(upTo = Number.POSITIVE_INFINITY, until = Number.POSITIVE_INFINITY): boolean {
    for (const [i, w] of this.work) {
      if (this.map.ends[i]! > upTo) return true;
      this.work.delete(i);
      this.finish(i, w);
      if (until !== Number.POSITIVE_INFINITY && this.now() >= until) {
        const next = this.work.keys().next();
        return next.done === true || this.map.ends[next.value]! > upTo;
      }
    }
    return true;
  }

  private finish(i: number, w: NodeWork): void {
    const { map } = this;
    const node = map.nodes[i]!;
    const parent = node.parentNode;
    const at = map.starts[i]!;
    this.usable.delete(i);
    // The page may have changed the node while the replacement was built (it is built across slices).
    if (!parent || node.data !== map.text.slice(at, map.ends[i])) {
      this.count -= w.firsts.length;
      return;
    }
    const length = map.ends[i]! - at;
    if (w.done < length) {
      const tail = node.ownerDocument.createTextNode(map.text.slice(at + w.done, at + length));
      markOwn(tail);
      w.rest.appendChild(tail);
    }
    if (node.data !== w.head) node.data = w.head;
    let after: Node = node;
    if (w.headLink) {
      parent.insertBefore(w.headLink, node);
      w.headLink.appendChild(node);
      after = w.headLink;
    }
    parent.insertBefore(w.rest, after.nextSibling);
    w.stamp.at = this.now();
    map.ends[i] = at + w.head.length;
    // A loop, not push(...firsts): one node of a huge block may hold more links than a call takes arguments.
    const { links, onLink } = this.options;
    if (links) for (const link of w.firsts) links.push(link);
    if (onLink) for (const link of w.firsts) onLink(link, link.getAttribute(ATTR.ref) ?? undefined);
  }
}

/**
 * Wraps each reference's text in a link, in place. `refs` must come from `map.text` and must not overlap; each text
 * node is rewritten once. The map stays valid for the text before the links, so a caller may link earlier
 * references of the same map afterwards (the second pass links motions last to first). Returns the number of
 * references wrapped.
 */
export function annotate(map: TextMap, refs: readonly Linkable[], options: LinkWriterOptions = {}): number {
  const writer = new LinkWriter(map, options);
  for (const ref of [...refs].sort((a, b) => a.start - b.start)) writer.add(ref);
  writer.commit();
  return writer.count;
}
