// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cutPoint, nextChunk, scanRoots } from '../../../lib/dom/scan';
import { detectPapers } from '../../../lib/refs/papers';
import { corpusNames, corpusText } from '../../support/shared';

function citation(i: number): string {
  const d = 30000 + (i % 9000);
  return `Kamerstuk ${Math.floor(d / 1000)} ${String(d % 1000).padStart(3, '0')}, nr. ${1 + Math.floor(i / 9000)}`;
}
const denseText = (n: number) => Array.from({ length: n }, (_, i) => `Zie ${citation(i)} en verder. `).join('');

/** Every chunk of a text at a given size, as the scanner cuts it. */
function chunked(text: string, size: number) {
  const refs: ReturnType<typeof detectPapers> = [];
  const cuts: number[] = [];
  for (let from = 0; from < text.length; ) {
    const chunk = nextChunk(text, from, size);
    expect(chunk.cut).toBeGreaterThan(from);
    refs.push(...chunk.refs);
    cuts.push(chunk.cut);
    from = chunk.cut;
  }
  return { refs, cuts };
}

describe('cutting the text into chunks', () => {
  it('cuts only where no reference stands, at whitespace away from them', () => {
    const text = denseText(400);
    const whole = detectPapers(text);
    const { cuts } = chunked(text, 1_000);
    expect(cuts.length).toBeGreaterThan(10);
    for (const cut of cuts.slice(0, -1)) {
      expect(whole.some((r) => r.start < cut && cut < r.end)).toBe(false);
      expect(text[cut]).toMatch(/\s/);
      // In the middle of the stretch between two citations (" en verder. Zie "), not at their edges.
      const before = whole.filter((r) => r.end <= cut).at(-1)!;
      const after = whole.find((r) => r.start >= cut)!;
      expect(cut - before.end).toBeGreaterThan(3);
      expect(after.start - cut).toBeGreaterThan(3);
    }
  });

  it('prefers a block boundary, then the widest stretch, and never cuts inside a reference', () => {
    const text = 'aaaa Kamerstuk 19 637, nr. 2375 bb\ncc Kamerstuk 30 573, nr. 174 dd';
    const refs = detectPapers(text);
    expect(cutPoint(text, refs, 0, text.length - 1)).toBe(text.indexOf('\n'));
    const flat = text.replace('\n', ' ');
    const cut = cutPoint(flat, detectPapers(flat), 10, flat.length - 1);
    expect(detectPapers(flat).some((r) => r.start < cut && cut < r.end)).toBe(false);
    // A reference over the whole range: cut at its end.
    const one = 'Kamerstuk 19 637, nr. 2375';
    expect(cutPoint(one, detectPapers(one), 5, 10)).toBe(one.length);
  });

  it('finds in chunks exactly what the detector finds in the whole text, also in one long paragraph', () => {
    const text = denseText(2_000);
    const whole = detectPapers(text);
    for (const size of [1_000, 3_000, 16_000]) expect(chunked(text, size).refs).toEqual(whole);
  });

  it.skipIf(!corpusNames().length)('finds in chunks what the detector finds in each corpus text', () => {
    for (const name of corpusNames()) {
      const text = corpusText(name);
      expect(chunked(text, 1_000).refs, name).toEqual(detectPapers(text));
    }
  });
});

describe('scanning one very long paragraph', () => {
  it('links every citation once, leaves the text as it was, and a second pass adds nothing', async () => {
    document.body.innerHTML = '<main><p id="huge"></p></main>';
    const p = document.getElementById('huge')!;
    const text = denseText(1_500);
    p.textContent = text;
    const main = document.querySelector('main')!;
    expect(await scanRoots([main])).toBe(1_500);
    expect([...p.querySelectorAll('[data-kamerlens-ref]')].map((a) => a.getAttribute('data-kamerlens-ref'))).toEqual(
      detectPapers(text).map((r) => r.id),
    );
    expect(p.textContent).toBe(text);
    const html = p.innerHTML;
    expect(await scanRoots([main])).toBe(0);
    expect(p.innerHTML).toBe(html);
  });
});

describe('scanning a page being edited', () => {
  it('leaves a root alone that lies in an editing region, and reads an island that is not', async () => {
    document.body.innerHTML = '<div contenteditable="true"><main><p>Zie Kamerstuk 19 637, nr. 2375.</p></main></div>';
    expect(await scanRoots([document.querySelector('main')!])).toBe(0);
    document.body.innerHTML =
      '<div contenteditable="true"><main contenteditable="false"><p>Zie Kamerstuk 19 637, nr. 2375.</p></main></div>';
    expect(await scanRoots([document.querySelector('main')!])).toBe(1);
  });
});
