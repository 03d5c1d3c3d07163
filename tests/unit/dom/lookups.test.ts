// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { lookups } from '../../../lib/page/lookups';
import type { RefInfo } from '../../../lib/sync/info';

function link(id: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'kamerlens-ref';
  a.setAttribute('data-kamerlens-ref', id);
  document.body.appendChild(a);
  return a;
}

const info = (id: string) => ({ id, state: 'pending' }) as RefInfo;

function setup() {
  const sent: string[][] = [];
  const applied: RefInfo[][] = [];
  const appliedTo: Element[][] = [];
  const cache = lookups({
    send: async (ids) => {
      sent.push(ids);
      return ids.map(info);
    },
    apply: (infos, links) => {
      applied.push(infos);
      appliedTo.push(links);
    },
  });
  return { cache, sent, applied, appliedTo };
}

describe('looking up the links of new text', () => {
  it('sends only ids never asked for', async () => {
    const { cache, sent } = setup();
    cache.seed([link('kst-1-1'), link('kst-2-2')]);
    await cache.linked([link('kst-1-1'), link('kst-3-3'), link('kst-3-3')]);
    await cache.linked([link('kst-3-3'), link('kst-2-2')]);
    expect(sent).toEqual([['kst-3-3']]);
  });

  it('gives a link for an id already shown what the page shows for it', async () => {
    const { cache, sent } = setup();
    const shown = link('kst-1-1');
    shown.setAttribute('data-kamerlens-state', 'fresh');
    shown.setAttribute('data-kamerlens-type', 'Brief regering');
    shown.title = 'Brief';
    cache.seed([shown]);
    const again = link('kst-1-1');
    await cache.linked([again]);
    expect(sent).toEqual([]);
    expect(again.getAttribute('data-kamerlens-state')).toBe('fresh');
    expect(again.getAttribute('data-kamerlens-type')).toBe('Brief regering');
    expect(again.title).toBe('Brief');
  });

  it('puts each answer on the links that wait for it, also those linked while it was on its way', async () => {
    let answer: (infos: RefInfo[]) => void = () => {};
    const appliedTo: Element[][] = [];
    const cache = lookups({
      send: (ids) =>
        new Promise((resolve) => {
          answer = () => resolve(ids.map(info));
        }),
      apply: (_infos, links) => {
        appliedTo.push(links);
      },
    });
    const a = link('kst-1-1');
    const b = link('kst-1-1');
    const first = cache.linked([a]);
    await cache.linked([b]);
    answer([]);
    await first;
    expect(appliedTo).toEqual([[a, b]]);
  });

  it('asks in batches of a few hundred and applies each answer', async () => {
    const { cache, sent, applied } = setup();
    await cache.linked(Array.from({ length: 1_200 }, (_, i) => link(`kst-${i}-1`)));
    expect(sent.map((b) => b.length)).toEqual([500, 500, 200]);
    expect(applied.map((b) => b.length)).toEqual([500, 500, 200]);
  });

  it('asks again for ids whose request failed', async () => {
    let fail = true;
    const sent: string[][] = [];
    const cache = lookups({
      send: async (ids) => {
        sent.push(ids);
        if (fail) throw new Error('background gone');
        return ids.map(info);
      },
      apply: vi.fn(),
    });
    await expect(cache.linked([link('kst-1-1')])).rejects.toThrow('background gone');
    fail = false;
    await cache.linked([link('kst-1-1')]);
    expect(sent).toEqual([['kst-1-1'], ['kst-1-1']]);
    const seeded = cache.seed([link('kst-9-9')]);
    cache.forget(seeded);
    await cache.linked([link('kst-9-9')]);
    expect(sent.at(-1)).toEqual(['kst-9-9']);
  });
});
