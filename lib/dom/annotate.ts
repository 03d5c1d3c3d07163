import { urlFor } from '../refs/ids';
import type { RefKind } from '../refs/types';
import { nodeIndexAt, type TextMap } from './text-map';

/** The class every Kamerlens link carries; page CSS is unlikely to target it. */
export const REF_CLASS = 'kamerlens-ref';

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

/** The tweedekamer.nl motion search for the members' names: one click from a mention to the candidates. */
export function motionSearchUrl(members: readonly string[]): string {
  return `https://www.tweedekamer.nl/kamerstukken/moties?qry=${encodeURIComponent(members.join(' '))}&fld_prl_kamerstuk=Moties`;
}

/** Where a reference's link points. */
export function hrefFor(ref: Linkable): string {
  if (ref.id) return urlFor(ref.kind, ref.id);
  return motionSearchUrl(ref.members ?? []);
}

interface Piece {
  node: Text;
  from: number;
  to: number;
}

/** The text-node pieces a span covers, skipping the block separators that belong to no node. */
function piecesOf(map: TextMap, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  for (let i = nodeIndexAt(map, start); i < map.nodes.length && map.starts[i]! < end; i++) {
    const node = map.nodes[i]!;
    const nodeStart = map.starts[i]!;
    const from = Math.max(start, nodeStart) - nodeStart;
    const to = Math.min(end, nodeStart + node.data.length) - nodeStart;
    // Leading or trailing whitespace-only pieces (a line break between parts) get no link of their own.
    if (to > from && node.data.slice(from, to).trim()) pieces.push({ node, from, to });
  }
  return pieces;
}

function makeLink(doc: Document, ref: Linkable, first: boolean): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.className = REF_CLASS;
  a.href = hrefFor(ref);
  if (first) {
    if (ref.id) a.setAttribute('data-kamerlens-ref', ref.id);
    a.setAttribute('data-kamerlens-kind', ref.kind);
    if (ref.members) a.setAttribute('data-kamerlens-members', ref.members.join('/'));
  } else {
    // The rest of a reference that runs across inline elements: same target, but not counted twice.
    a.setAttribute('data-kamerlens-continues', ref.id ?? '');
  }
  return a;
}

/** Text already inside a Kamerlens link (a motion mention never contains a citation, but text may be odd). */
function insideOwnLink(node: Text): boolean {
  return Boolean(node.parentElement?.closest(`.${REF_CLASS}`));
}

/**
 * Wraps each reference's text in a link, in place. `refs` must come from `map.text` and must not overlap.
 *
 * Works from the last reference back to the first, so that splitting a text node never moves the offsets of the
 * references still to do. Returns the number of references wrapped.
 */
export function annotate(map: TextMap, refs: readonly Linkable[]): number {
  let wrapped = 0;
  for (let r = refs.length - 1; r >= 0; r--) {
    const ref = refs[r]!;
    const pieces = piecesOf(map, ref.start, ref.end);
    if (!pieces.length || pieces.some((p) => insideOwnLink(p.node))) continue;
    for (let p = pieces.length - 1; p >= 0; p--) {
      const { node, from, to } = pieces[p]!;
      if (!node.parentNode) continue;
      if (to < node.data.length) node.splitText(to);
      const target = from > 0 ? node.splitText(from) : node;
      const link = makeLink(node.ownerDocument, ref, p === 0);
      target.parentNode!.insertBefore(link, target);
      link.appendChild(target);
    }
    wrapped++;
  }
  return wrapped;
}
