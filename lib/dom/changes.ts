import { isBlock } from './text-map';

/** How many nodes one step looks at before a chance to give the page back. */
const NODES_PER_STEP = 512;

/**
 * The element to rescan for a node the page added: the nearest block around it (a reference may run across the
 * block's inline elements), or, when the only block is the root itself, the node's own element, so that a change
 * near the top of a page does not mean reading the whole page again. A skipped element on the way (the page's own
 * link) is the answer itself: it is then left out.
 */
function scanTarget(node: Node, roots: ReadonlySet<Element>, skipped: (el: Element) => boolean): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.nodeType === 3 ? node.parentElement : null;
  if (!el) return null;
  for (let x: Element | null = el; x; x = x.parentElement) {
    if (roots.has(x)) return el;
    if (isBlock(x) || skipped(x)) return x;
  }
  return el;
}

/**
 * The outermost elements to rescan for a batch of added nodes, as a generator that pauses every few hundred nodes:
 * only elements inside one of `roots`, none inside an element `skipped` rejects (existing links, fields, page
 * chrome, widgets given up on) and none inside another of them. Linear in the batch: every element on the way up
 * from an added node to its root is looked at once per batch, however many nodes share it.
 */
export function* outermostSteps(
  added: Iterable<Node>,
  roots: readonly Element[],
  skipped: (el: Element) => boolean,
): Generator<void, Element[]> {
  const rootSet = new Set(roots);
  const candidates = new Set<Element>();
  let seen = 0;
  for (const node of added) {
    if (++seen % NODES_PER_STEP === 0) yield;
    if (!node.isConnected) continue;
    const el = scanTarget(node, rootSet, skipped);
    if (el) candidates.add(el);
  }
  // blocks(x): x or an element above it (up to its root) is a candidate or is skipped, or x is in no root.
  const blocks = new Map<Element, boolean>();
  const path: Element[] = [];
  const blocked = (start: Element | null): boolean => {
    let result = true;
    let x = start;
    path.length = 0;
    for (; x; x = x.parentElement) {
      const known = blocks.get(x);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (candidates.has(x) || skipped(x)) {
        blocks.set(x, true);
        result = true;
        break;
      }
      if (rootSet.has(x)) {
        blocks.set(x, false);
        result = false;
        break;
      }
      path.push(x);
    }
    // x === null: the walk left the document or the roots without meeting a root.
    for (const p of path) blocks.set(p, result);
    return result;
  };
  const outermost: Element[] = [];
  for (const el of candidates) {
    if (++seen % NODES_PER_STEP === 0) yield;
    if (skipped(el)) continue;
    if (!rootSet.has(el) && blocked(el.parentElement)) continue;
    outermost.push(el);
  }
  return outermost;
}
