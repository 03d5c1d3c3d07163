// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextMap, isSkipped } from '../../../lib/dom/text-map';

/**
 * The text map is read with a walk of its own (child and sibling pointers, the open blocks kept on a stack), not a
 * TreeWalker with a filter. It must read what the plain definition reads: every text node not under a skipped
 * element, in document order, a '\n' between blocks and at a <br>.
 */
const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'H2', 'TD', 'TR', 'TABLE', 'TBODY', 'SECTION']);

function reference(root: Element, readOwnLinks: boolean): string {
  let out = '';
  let lastBlock: Node | null = null;
  let br = false;
  const visit = (node: Node, block: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        const el = c as Element;
        if (isSkipped(el, undefined, readOwnLinks)) continue;
        if (el.tagName === 'BR') br = true;
        else visit(el, BLOCKS.has(el.tagName) ? el : block);
      } else if (c.nodeType === 3 && (c as Text).data) {
        if (lastBlock && (block !== lastBlock || br)) out += '\n';
        lastBlock = block;
        br = false;
        out += (c as Text).data;
      }
    }
  };
  visit(root, root);
  return out;
}

/** A random tree of blocks, inline elements, links (ours, the page's, decorated), breaks, comments and text. */
function randomTree(seed: number): string {
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const node = (depth: number): string => {
    const k = rand(depth > 3 ? 3 : 11);
    if (k === 0) return `tekst${rand(100)} `;
    if (k === 1) return '<br>';
    if (k === 2) return '<!-- c -->';
    const kids = () => Array.from({ length: rand(4) }, () => node(depth + 1)).join('');
    switch (k) {
      case 3:
        return `<p>${kids()}</p>`;
      case 4:
        return `<div>${kids()}</div>`;
      case 5:
        return `<em>${kids()}</em>`;
      case 6:
        return `<a href="x">pagina</a>`;
      case 7:
        return `<a class="kamerlens-ref" data-kamerlens-ref="kst-1-1" href="x">ons</a>`;
      case 8:
        return `<a data-kamerlens-existing="" href="x">versierd</a>`;
      case 9:
        return `<ul><li>${kids()}</li></ul>`;
      default:
        return `<span contenteditable="true">bewerkt</span><script>x</script>`;
    }
  };
  return Array.from({ length: 6 }, () => node(0)).join('');
}

describe('the text map', () => {
  it('reads what the plain definition reads, on random trees, with and without our own links', () => {
    for (let seed = 1; seed <= 300; seed++) {
      document.body.innerHTML = `<main>${randomTree(seed)}</main>`;
      const main = document.querySelector('main')!;
      for (const readOwnLinks of [false, true])
        expect(buildTextMap(main, { readOwnLinks }).text, `seed ${seed}`).toBe(reference(main, readOwnLinks));
    }
  });
});
