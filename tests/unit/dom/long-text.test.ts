// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cutBefore, cutLongText, PIECE_MAX } from '../../../lib/dom/long-text';
import { isOwn } from '../../../lib/dom/own';
import { scanRoots } from '../../../lib/dom/scan';

/** The hostile page's block (tests/fixtures/pages/zoek.officielebekendmakingen.nl/hostile-huge.html), `n` citations. */
function block(n: number): string {
  const citation = (i: number) => {
    const d = 30000 + (i % 9000);
    return `Kamerstuk ${Math.floor(d / 1000)} ${String(d % 1000).padStart(3, '0')}, nr. ${1 + Math.floor(i / 9000)}`;
  };
  return Array.from({ length: n }, (_, i) => `Zie ${citation(i)} en verder. `).join('');
}

const textNodes = (root: Node) => {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
};

describe('a text node too long to link in one step', () => {
  it('is cut at sentence ends into pieces of at most PIECE_MAX, the text as it was', () => {
    document.body.innerHTML = '<main><p id="p"></p></main>';
    const p = document.getElementById('p')!;
    const text = block(6_000); // ~260 KB
    p.textContent = text;
    const node = p.firstChild as Text;
    cutLongText(node);
    const pieces = textNodes(p);
    expect(pieces.length).toBeGreaterThan(text.length / PIECE_MAX);
    expect(pieces[0]).toBe(node); // the page's own node keeps the first piece
    expect(pieces.slice(1).every(isOwn)).toBe(true);
    for (const piece of pieces) {
      expect(piece.data.length).toBeLessThanOrEqual(PIECE_MAX);
      expect(piece.data.startsWith('Zie Kamerstuk')).toBe(true);
    }
    expect(p.textContent).toBe(text);
  });

  it('is cut where no reference stands, so that the first pass links every citation once and whole', async () => {
    document.body.innerHTML = '<main><p id="p"></p></main>';
    const p = document.getElementById('p')!;
    const text = block(6_000);
    p.textContent = text;
    await scanRoots([document.querySelector('main')!]);
    expect(p.querySelectorAll('a[data-kamerlens-ref]')).toHaveLength(6_000);
    expect(p.querySelectorAll('[data-kamerlens-continues]')).toHaveLength(0);
    expect(p.textContent).toBe(text);
  });

  it('takes no full stop of a reference for a sentence end, and falls back to white space', () => {
    const text = 'zie Kamerstuk 19 637, nr. 2375 en Stb. 2019, 143 en Handelingen II. Verder';
    // No sentence end in reach: the last white space before the limit.
    expect(cutBefore(text, 0, 30)).toBe(text.lastIndexOf(' ', 29) + 1);
    expect(text.slice(cutBefore(text, 0, text.length))).toBe('Verder');
    expect(cutBefore('verder. Zie het', 0, 15)).toBe(8);
    expect(cutBefore('aaaaaaaaaa', 0, 10)).toBe(-1);
  });
});
