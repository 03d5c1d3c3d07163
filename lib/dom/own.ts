/**
 * The nodes Kamerlens put into the page (its links and the text pieces around them), so that the watcher can tell
 * its own changes from the page's without reading the page again, and can see when the page takes a link away.
 */

const own = new WeakSet<Node>();
/**
 * When links went into the page. The links of one text node share one stamp, set when they go in: the clock is read
 * once per node, not once per link (a 1 MB block of citations puts 27 000 links into the page in one step).
 */
export interface Stamp {
  at: number | undefined;
}
const linkedAt = new WeakMap<Element, Stamp>();

/** Marks a node as Kamerlens' own. */
export function markOwn(node: Node): void {
  own.add(node);
}

/** Marks a link as Kamerlens' own, with the stamp that says when it went into the page (once it has). */
export function markOwnLink(link: Element, stamp: Stamp): void {
  own.add(link);
  linkedAt.set(link, stamp);
}

export function isOwn(node: Node): boolean {
  return own.has(node);
}

/** When the link went into the page (performance.now() time), or undefined for any other element. */
export function ownLinkedAt(link: Element): number | undefined {
  return linkedAt.get(link)?.at;
}

/** A reference's last piece, when it has more than one (its badge goes there, after the reference's text). */
const lastPieces = new WeakMap<Element, Element>();

export function setLastPiece(first: Element, last: Element): void {
  lastPieces.set(first, last);
}

/** Where a reference's badge stands: after its last piece. */
export function lastPiece(first: Element): Element {
  return lastPieces.get(first) ?? first;
}

/** The first piece of a reference, from any piece of it (registered pieces only). */
const firstPieces = new WeakMap<Element, Element>();

export function setFirstPiece(piece: Element, first: Element): void {
  firstPieces.set(piece, first);
}

export function firstPiece(piece: Element): Element | undefined {
  return firstPieces.get(piece);
}
