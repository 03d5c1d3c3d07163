// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../../lib/messaging/runtime';
import { analyseRoots } from '../../../lib/page/analyse';
import { decorateExisting } from '../../../lib/page/existing';
import { own } from '../../../lib/page/status';
import { analyseText } from '../../../lib/refs/analyse';

vi.mock('../../../lib/messaging/runtime', () => ({ send: vi.fn(), handleMessages: vi.fn() }));

/*
 * An OB Handelingen stemmingen page links each motion's citation itself, split over two anchors
 * (page-structure.md §1.7): "de motie-Fritsma (<a>19637</a>, nr. <a>2380</a>)". The second pass must read the
 * decorated anchors' text, so that the motion takes that citation's id (and its status), without ever putting a
 * link inside the page's links.
 */
const PAGE = `<main>
  <p id="split">te weten: de motie-Fritsma over arbeidskrachten (<a href="https://zoek.officielebekendmakingen.nl/kst-19637-2380.html">19637</a>, nr.
    <a href="https://zoek.officielebekendmakingen.nl/kst-19637-2380.html">2380</a>);</p>
  <p id="inside">Zie de eerder aangenomen <a href="https://zoek.officielebekendmakingen.nl/kst-35000-VI-59.html">motie-Groothuizen op stuk nr. 59
    (35000-VI)</a>.</p>
</main>`;

const ctx = { signal: new AbortController().signal } as unknown as ContentScriptContext;

beforeEach(() => {
  document.body.innerHTML = PAGE;
  vi.mocked(send).mockImplementation((async (name: string, payload: { text: string }) =>
    name === 'analyse-text' ? analyseText(payload.text, []) : { refs: [] }) as typeof send);
});

describe('motions next to the page’s own links', () => {
  it('take the id of the citation the page links, split over two anchors', async () => {
    const main = document.querySelector('main')!;
    decorateExisting(main, own, { root: main });
    expect(document.querySelectorAll('#split a[data-kamerlens-existing]')).toHaveLength(2);
    const { motions } = await analyseRoots([main], () => false, ctx.signal);
    const motion = document.querySelector('#split a[data-kamerlens-kind="motion"]');
    expect(motion?.textContent).toBe('motie-Fritsma');
    expect(motion?.getAttribute('data-kamerlens-ref')).toBe('kst-19637-2380');
    expect(motions).toBeGreaterThanOrEqual(1);
  });

  it('never put a link inside one of the page’s links, and leave the page’s text as it was', async () => {
    const main = document.querySelector('main')!;
    const before = main.textContent;
    decorateExisting(main, own, { root: main });
    await analyseRoots([main], () => false, ctx.signal);
    expect(document.querySelectorAll('a a')).toHaveLength(0);
    expect(main.textContent).toBe(before);
  });
});
