// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { annotate, LinkWriter } from '../../../lib/dom/annotate';
import { isOwn, ownLinkedAt } from '../../../lib/dom/own';
import { buildTextMap } from '../../../lib/dom/text-map';
import { detectPapers } from '../../../lib/refs/papers';

/** A distinct citation for each i, as the hostile test pages write them. */
function citation(i: number): string {
  const d = 30000 + (i % 9000);
  return `Kamerstuk ${Math.floor(d / 1000)} ${String(d % 1000).padStart(3, '0')}, nr. ${1 + Math.floor(i / 9000)}`;
}

/** One running text with `n` citations, ~37 characters apart. */
function denseText(n: number): string {
  return Array.from({ length: n }, (_, i) => `Zie ${citation(i)} en verder. `).join('');
}

function paragraph(text: string): HTMLParagraphElement {
  document.body.innerHTML = '<main><p id="p"></p></main>';
  const p = document.getElementById('p') as HTMLParagraphElement;
  p.textContent = text;
  return p;
}

function linkAll(root: Element) {
  const map = buildTextMap(root);
  return { map, linked: annotate(map, detectPapers(map.text)) };
}

describe('annotate', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('rewrites a text node with several references once: one change of its text, no splits', () => {
    const p = paragraph(
      'Eerst Kamerstuk 19 637, nr. 2375, dan Kamerstuk 30 573, nr. 174 en ten slotte Stb. 2019, 143.',
    );
    const observer = new MutationObserver(() => {});
    observer.observe(p, { childList: true, characterData: true, subtree: true });
    const split = vi.spyOn(Text.prototype, 'splitText');
    const { linked } = linkAll(p);
    const records = observer.takeRecords();
    expect(linked).toBe(3);
    expect(split).not.toHaveBeenCalled();
    expect(records.filter((r) => r.type === 'characterData')).toHaveLength(1);
    // Everything after the node's kept text goes in as one fragment beside it.
    expect(records.filter((r) => r.type === 'childList').every((r) => r.target === p && !r.removedNodes.length)).toBe(
      true,
    );
    expect([...p.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Kamerstuk 19 637, nr. 2375',
      'Kamerstuk 30 573, nr. 174',
      'Stb. 2019, 143',
    ]);
    expect(p.textContent).toBe(
      'Eerst Kamerstuk 19 637, nr. 2375, dan Kamerstuk 30 573, nr. 174 en ten slotte Stb. 2019, 143.',
    );
  });

  it('keeps the page’s node: it holds the text before the first link, or moves into a link that starts it', () => {
    const p = paragraph('Zie Kamerstuk 19 637, nr. 2375.');
    const node = p.firstChild as Text;
    linkAll(p);
    expect(node.parentNode).toBe(p);
    expect(node.data).toBe('Zie ');
    const q = paragraph('Kamerstuk 19 637, nr. 2375 is de agenda.');
    const first = q.firstChild as Text;
    linkAll(q);
    expect(first.parentElement?.getAttribute('data-kamerlens-ref')).toBe('kst-19637-2375');
    expect(q.textContent).toBe('Kamerstuk 19 637, nr. 2375 is de agenda.');
  });

  it('marks what it made as its own, the links with the time they went in', () => {
    const p = paragraph('Zie Kamerstuk 19 637, nr. 2375 en verder.');
    linkAll(p);
    const link = p.querySelector('a')!;
    expect(isOwn(link)).toBe(true);
    expect(isOwn(link.firstChild!)).toBe(true);
    expect(isOwn(p.lastChild!)).toBe(true);
    expect(isOwn(p.firstChild!)).toBe(false); // the page's own node
    expect(ownLinkedAt(link)).toBeTypeOf('number');
  });

  it('leaves the map valid for earlier references: motions linked last to first, one call each', () => {
    const p = paragraph('De motie van het lid Becker en de motie van het lid Groothuizen zijn aangenomen.');
    const map = buildTextMap(p);
    const at = (s: string) => ({ start: map.text.indexOf(s), end: map.text.indexOf(s) + s.length });
    const becker = { kind: 'motion' as const, members: ['becker'], ...at('motie van het lid Becker') };
    const groothuizen = { kind: 'motion' as const, members: ['groothuizen'], ...at('motie van het lid Groothuizen') };
    expect(annotate(map, [groothuizen])).toBe(1);
    expect(annotate(map, [becker])).toBe(1);
    expect([...p.querySelectorAll('a')].map((a) => a.getAttribute('data-kamerlens-members'))).toEqual([
      'becker',
      'groothuizen',
    ]);
    expect(p.textContent).toBe('De motie van het lid Becker en de motie van het lid Groothuizen zijn aangenomen.');
  });

  it('leaves a node alone that the page changed after the map was read', () => {
    const p = paragraph('Zie Kamerstuk 19 637, nr. 2375.');
    const map = buildTextMap(p);
    (p.firstChild as Text).data = 'Iets anders.';
    expect(annotate(map, detectPapers(map.text))).toBe(0);
    expect(p.querySelector('a')).toBeNull();
  });

  it('builds a long node’s replacement across commits and puts it in once, at the end of the node', () => {
    const p = paragraph(denseText(50));
    const map = buildTextMap(p);
    const refs = detectPapers(map.text);
    const writer = new LinkWriter(map);
    const observer = new MutationObserver(() => {});
    observer.observe(p, { childList: true, subtree: true });
    for (const [i, ref] of refs.entries()) {
      writer.add(ref);
      if (i % 10 === 9) writer.commit(ref.end);
    }
    expect(observer.takeRecords()).toHaveLength(0);
    writer.commit();
    expect(observer.takeRecords().length).toBeGreaterThan(0);
    expect(p.querySelectorAll('a[data-kamerlens-ref]')).toHaveLength(50);
    expect(writer.count).toBe(50);
  });

  it('puts many nodes in over several commits when told when to stop, each node whole, none twice', () => {
    document.body.innerHTML = `<main>${Array.from({ length: 12 }, (_, i) => `<p>Zie ${citation(i)}.</p>`).join('')}</main>`;
    const main = document.querySelector('main')!;
    const map = buildTextMap(main);
    let clock = 0;
    // Every reading of the clock is a millisecond later, and a node reads it twice (its links' stamp, the deadline):
    // a deadline 6 ms ahead lets three nodes in per commit.
    const writer = new LinkWriter(map, { now: () => ++clock });
    for (const ref of detectPapers(map.text)) writer.add(ref);
    const rounds: number[] = [];
    for (let done = false; !done; ) {
      done = writer.commit(Number.POSITIVE_INFINITY, clock + 6);
      rounds.push(main.querySelectorAll('a[data-kamerlens-ref]').length);
    }
    expect(rounds).toEqual([3, 6, 9, 12]);
    expect(main.textContent).toBe(Array.from({ length: 12 }, (_, i) => `Zie ${citation(i)}.`).join(''));
    expect(writer.commit()).toBe(true);
    expect(writer.count).toBe(12);
  });
});
