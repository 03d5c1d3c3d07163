/**
 * The nodes Kamerlens put into the page (its links and the text pieces around them), so that the watcher can tell
 * its own changes from the page's without reading the page again, and can see when the page takes a link away.
 */

const own = new WeakSet<Node>();
const linkedAt = new WeakMap<Element, number>();

/** Marks a node as Kamerlens' own. */
export function markOwn(node: Node): void {
  own.add(node);
}

/** Marks a link as Kamerlens' own and notes when it went into the page. */
export function markOwnLink(link: Element, at: number): void {
  own.add(link);
  linkedAt.set(link, at);
}

export function isOwn(node: Node): boolean {
  return own.has(node);
}

/** When the link went into the page (performance.now() time), or undefined for any other element. */
export function ownLinkedAt(link: Element): number | undefined {
  return linkedAt.get(link);
}
