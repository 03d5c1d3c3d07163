// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countLinked, scanRoots } from '../../../lib/dom/scan';
import { FIGHT_LIMIT, MAX_WAIT_MS, type NewText, SETTLE_MS, watchForNewText } from '../../../lib/page/watch';

/** The parts of WXT's content-script context the watcher uses. */
function fakeContext() {
  const controller = new AbortController();
  const stops: (() => void)[] = [];
  return {
    signal: controller.signal,
    get isInvalid() {
      return controller.signal.aborted;
    },
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms) as unknown as number,
    onInvalidated: (fn: () => void) => {
      stops.push(fn);
      return () => {};
    },
    invalidate() {
      controller.abort();
      for (const stop of stops) stop();
    },
  };
}

let main: HTMLElement;
let ctx: ReturnType<typeof fakeContext>;
let changes: NewText[];

function paragraph(text: string, id?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  if (id) p.id = id;
  p.textContent = text;
  main.appendChild(p);
  return p;
}

const linked = (el: Element | null) => Boolean(el?.querySelector('a.kamerlens-ref'));

beforeEach(async () => {
  vi.useFakeTimers();
  document.body.innerHTML = '<main><p id="first">Eerst Kamerstuk 19 637, nr. 2375.</p><nav id="nav"></nav></main>';
  main = document.querySelector('main')!;
  await scanRoots([main]);
  ctx = fakeContext();
  changes = [];
  watchForNewText(ctx, [main], (el) => el.matches('nav'), { onChange: (change) => changes.push(change) });
});

afterEach(() => {
  ctx.invalidate();
  vi.useRealTimers();
});

describe('watching for new text', () => {
  it('rescans the roots instead of walking up from each node of a burst above the threshold', async () => {
    ctx.invalidate();
    ctx = fakeContext();
    const seen: Element[][] = [];
    watchForNewText(ctx, [main], (el) => el.matches('nav'), {
      onChange: (change) => seen.push(change.links),
      rescanNodes: 5,
    });
    const nav = document.getElementById('nav')!;
    nav.textContent = 'Menu: Kamerstuk 10 006, nr. 6';
    const added = Array.from({ length: 12 }, (_, i) => paragraph(`Burst: Kamerstuk ${30_000 + i}, nr. 1.`));
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(added.every(linked)).toBe(true);
    expect(seen.flat().length).toBe(12);
    // The rescan reads the whole root but links only what is new, and leaves the page chrome alone.
    expect(linked(nav)).toBe(false);
    expect(document.querySelectorAll('#first a.kamerlens-ref').length).toBe(1);
    expect(countLinked([main])).toBe(13);
  });

  it('links text the page adds later, once the page has been quiet, and reports the new links', async () => {
    const late = paragraph('Later: Kamerstuk 28 638, nr. 164.', 'late');
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(linked(late)).toBe(true);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.links.map((a) => a.getAttribute('data-kamerlens-ref'))).toEqual(['kst-28638-164']);
    expect(countLinked([main])).toBe(2);
  });

  it('waits for a quiet period: changes every 100 ms hold the scan back until they stop', async () => {
    const added: HTMLParagraphElement[] = [];
    for (let i = 0; i < 4; i++) {
      added.push(paragraph(`Alinea ${i}: Kamerstuk 30 57${i}, nr. ${i + 1}.`));
      await vi.advanceTimersByTimeAsync(100);
    }
    // 100 ms after the last change: nothing yet (a throttle from the first change would have linked some by now).
    expect(added.some(linked)).toBe(false);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(added.every(linked)).toBe(true);
    expect(changes).toHaveLength(1);
  });

  it('still links a page that never stops changing, at the latest after the longest wait', async () => {
    const clock = paragraph('0', 'clock');
    const late = paragraph('Later: Kamerstuk 28 638, nr. 164.');
    for (let t = 0; t < MAX_WAIT_MS + 200; t += 50) {
      clock.textContent = String(t);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(linked(late)).toBe(true);
  });

  it('links a burst of 2 000 paragraphs added in one task, every one, in one round', async () => {
    const burst = Array.from({ length: 2_000 }, (_, i) =>
      paragraph(`Alinea ${i}: Kamerstuk 36 ${String(i % 1000).padStart(3, '0')}, nr. ${1 + Math.floor(i / 1000)}.`),
    );
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    for (let t = 0; t < 100 && !burst.every(linked); t++) await vi.advanceTimersByTimeAsync(50);
    expect(burst.every(linked)).toBe(true);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.links).toHaveLength(2_000);
    expect(countLinked([main])).toBe(2_001);
  });

  it('ignores its own links: no second round after linking', async () => {
    paragraph('Later: Kamerstuk 28 638, nr. 164.');
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(vi.getTimerCount()).toBe(0);
    expect(changes).toHaveLength(1);
  });

  it('leaves page chrome alone, also when its text arrives later', async () => {
    document.getElementById('nav')!.innerHTML = '<span>Kamerstuk 10 001, nr. 1</span>';
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(linked(document.getElementById('nav'))).toBe(false);
  });

  it('leaves text the user is editing alone, also when the region starts above the changed element', async () => {
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', '');
    editor.innerHTML = '<p>Kamerstuk 10 001, nr. 1</p>';
    main.appendChild(editor);
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    editor.querySelector('p')!.append(' en Kamerstuk 10 002, nr. 2');
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(linked(editor)).toBe(false);
    expect(changes).toEqual([]);
  });

  it('reports links the page took away, so the count can follow', async () => {
    document.getElementById('first')!.remove();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(changes).toEqual([{ links: [], removed: true }]);
    expect(countLinked([main])).toBe(0);
  });

  it('gives up on an element that keeps putting its own text back, and links the rest of the page', async () => {
    const widget = paragraph('Zie ook Kamerstuk 30 573, nr. 174 in deze widget.', 'widget');
    const original = widget.textContent;
    let reverts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    new MutationObserver(() => {
      if (timer || !widget.querySelector('a')) return;
      timer = setTimeout(() => {
        timer = undefined;
        reverts++;
        widget.textContent = original;
      }, 100);
    }).observe(widget, { childList: true, subtree: true });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reverts).toBe(FIGHT_LIMIT);
    expect(linked(widget)).toBe(false);
    expect(widget.textContent).toBe(original);
    const late = paragraph('Later: Kamerstuk 28 638, nr. 164.');
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(linked(late)).toBe(true);
    expect(reverts).toBe(FIGHT_LIMIT);
  });

  it('links a page section re-rendered long after it was linked again (no fight)', async () => {
    const section = paragraph('Zie Kamerstuk 30 573, nr. 174.', 'section');
    for (let i = 0; i < FIGHT_LIMIT + 2; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      expect(linked(section)).toBe(true);
      section.textContent = `Zie Kamerstuk 30 573, nr. 174 (versie ${i}).`;
    }
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(linked(section)).toBe(true);
  });

  it('rescans the whole block when the page changes an inline part of it', async () => {
    const p = paragraph('', 'inline');
    p.innerHTML = '<em>Kamerstuk</em><span></span>';
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    p.querySelector('span')!.textContent = ' 35 000 VI, nr. 59';
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(p.querySelector('[data-kamerlens-ref]')?.textContent).toBe('Kamerstuk');
    expect(p.querySelector('[data-kamerlens-continues]')?.textContent).toBe(' 35 000 VI, nr. 59');
  });
});
