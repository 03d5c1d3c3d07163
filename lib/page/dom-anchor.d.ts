/** Types for Hypothesis' dom-anchor-text-position 5 (it ships none): a DOM Range → offsets in `root.textContent`. */
declare module 'dom-anchor-text-position' {
  export function fromRange(root: Node, range: Range): { start: number; end: number };
}
