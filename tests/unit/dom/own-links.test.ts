// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimPaperLinks, OwnLinks } from '../../../lib/dom/identity';
import { scanRoots } from '../../../lib/dom/scan';
import { LIMITS } from '../../../lib/messaging/protocol';
import { handleMessages, send } from '../../../lib/messaging/runtime';
import { analyseRoots } from '../../../lib/page/analyse';
import { listenForUpdates, requestStatus } from '../../../lib/page/status';
import { analyseText } from '../../../lib/refs/analyse';
import type { RefInfo } from '../../../lib/sync/info';
import { useMessages } from '../../support/i18n';

vi.mock('../../../lib/messaging/runtime', () => ({ send: vi.fn(), handleMessages: vi.fn() }));

/**
 * Issue finding 6: the content script looked up and decorated every `[data-kamerlens-ref]` of the document, also
 * elements the page wrote itself, so that any page on a matched host could read from `data-kamerlens-state` and the
 * tooltip's "Stand van …" which papers this user had opened, and when. Only the elements Kamerlens made are
 * looked up and decorated now, with the ids Kamerlens derived.
 */
const PAGE = `
<main>
  <p id="plain">In de brief (Kamerstuk 19 637, nr. 2&shy;375) presenteerde het kabinet de agenda.</p>
  <p id="inline"><em>Kamerstuk</em> 35 000 VI,<br>nr. 59 vraagt om een jaarlijkse rapportage.</p>
  <p id="list">De fiches (Kamerstuk 22 112, nrs. 2955, 2956 en 2964) volgen.</p>
  <p id="motion">Het kabinet geeft uitvoering aan de motie van het lid Groothuizen c.s.<sup><a class="nootnum"
    href="#ID-n1">1</a></sup></p>
  <p id="planted">Geplant:
    <a id="bare" data-kamerlens-ref="kst-19637-2375" href="#">gelezen?</a>
    <a id="copy" class="kamerlens-ref" data-kamerlens-ref="kst-32824-245" data-kamerlens-kind="kamerstuk" href="#">stuk</a>
    <span id="span" data-kamerlens-ref="kst-32824-246">x</span>
    <a id="wrong" class="kamerlens-ref" data-kamerlens-ref="kst-32824-247" data-kamerlens-kind="kamerstuk"
      href="#">Kamerstuk 36 100, nr. 3</a>
    <a id="motie" class="kamerlens-ref" data-kamerlens-ref="kst-32824-248" data-kamerlens-kind="motion"
      data-kamerlens-members="groothuizen" href="#">motie van het lid Groothuizen</a>
  </p>
</main>`;

const PLANTED = ['bare', 'copy', 'span', 'wrong', 'motie'];
const OWN_PAPERS = ['kst-19637-2375', 'kst-35000-VI-59', 'kst-22112-2955', 'kst-22112-2956', 'kst-22112-2964'];

const ctx = {
  isInvalid: false,
  signal: new AbortController().signal,
  onInvalidated: vi.fn(),
} as unknown as ContentScriptContext;

/** The background: knows every id it is asked for, fetched an hour ago. */
const info = (id: string): RefInfo => ({
  id,
  state: 'fresh',
  asOf: Date.UTC(2026, 10, 30, 12),
  document: { soort: 'Brief', titel: `Over ${id}`, indieners: [] },
});

/** The ids of every `lookup-refs` the content script sent. */
const asked = () =>
  vi
    .mocked(send)
    .mock.calls.filter(([name]) => name === 'lookup-refs')
    .map(([, payload]) => (payload as { ids: string[] }).ids);

const planted = () =>
  PLANTED.map((id) => {
    const el = document.getElementById(id)!;
    return [id, el.getAttribute('data-kamerlens-state'), el.getAttribute('title')];
  });

beforeEach(async () => {
  // The tooltips are the browser's messages: Dutch ones here, as the assertions read.
  useMessages('nl');
  document.body.innerHTML = PAGE;
  vi.mocked(send).mockImplementation((async (name: string, payload: { ids: string[]; text: string }) => {
    if (name === 'lookup-refs') return { refs: payload.ids.map(info) };
    if (name === 'analyse-text') return analyseText(payload.text, []);
    throw new Error(`unexpected ${name}`);
  }) as typeof send);
  await scanRoots([document.querySelector('main')!]);
});

describe('the ids the content script looks up', () => {
  it('are those of the links it made, never one the page wrote on an element of its own', async () => {
    await requestStatus(ctx);
    expect(asked()).toEqual([OWN_PAPERS]);
    for (const id of OWN_PAPERS) {
      const el = document.querySelector(`a.kamerlens-ref[data-kamerlens-ref="${id}"]:not([id])`)!;
      expect(el.getAttribute('data-kamerlens-state')).toBe('fresh');
      expect(el.getAttribute('title')).toMatch(/Stand van /);
    }
    expect(planted()).toEqual(PLANTED.map((id) => [id, null, null]));
  });

  it('are sent in messages the background accepts whole, so a page of thousands of citations gets every status', async () => {
    const n = LIMITS.ids + 3;
    document.body.innerHTML = `<main><p>${Array.from({ length: n }, (_, i) => `Kamerstuk 19 637, nr. ${i + 1}.`).join(' ')}</p></main>`;
    await scanRoots([document.querySelector('main')!]);
    vi.mocked(send).mockClear();
    await requestStatus(ctx);
    const batches = asked();
    expect(batches.map((b) => b.length)).toEqual([LIMITS.ids, 3]);
    expect(document.querySelectorAll('a.kamerlens-ref[data-kamerlens-state="fresh"]')).toHaveLength(n);
  }, 60_000);

  it('give the page’s elements nothing when the background pushes a record for their id', async () => {
    let handlers: Record<string, (payload: { refs: RefInfo[] }) => unknown> = {};
    vi.mocked(handleMessages).mockImplementation(((h: typeof handlers) => {
      handlers = h;
      return () => undefined;
    }) as typeof handleMessages);
    listenForUpdates(ctx);
    await requestStatus(ctx);
    handlers['refs-updated']!({
      refs: ['kst-19637-2375', 'kst-32824-245', 'kst-32824-246', 'kst-32824-247', 'kst-32824-248'].map(info),
    });
    expect(planted()).toEqual(PLANTED.map((id) => [id, null, null]));
    expect(document.querySelector('#plain a.kamerlens-ref')!.getAttribute('data-kamerlens-state')).toBe('fresh');
  });

  it('stay the ones Kamerlens derived when the page rewrites the id on one of Kamerlens’ links', async () => {
    await requestStatus(ctx);
    const link = document.querySelector('#plain a.kamerlens-ref')!;
    link.setAttribute('data-kamerlens-ref', 'kst-32824-249');
    link.removeAttribute('data-kamerlens-state');
    await requestStatus(ctx);
    expect(asked()[1]).toEqual(OWN_PAPERS.slice(1));
    expect(link.hasAttribute('data-kamerlens-state')).toBe(false);
  });

  it('include the motions the second pass linked, with the document their footnote names', async () => {
    vi.mocked(send).mockImplementation((async (name: string, payload: { ids: string[]; text: string }) => {
      if (name === 'lookup-refs') return { refs: payload.ids.map(info) };
      // The motion's footnote, as lib/dom/footnotes.ts reads it from a page's notes.
      const at = payload.text.indexOf('c.s.') + 4;
      return analyseText(payload.text, [{ at, label: '1', body: 'Kamerstuk 35 000 VI, nr. 78.' }]);
    }) as typeof send);
    const { motions } = await analyseRoots([document.querySelector('main')!], () => false, ctx.signal);
    expect(motions).toBe(1);
    await requestStatus(ctx);
    expect(asked().at(-1)).toEqual([...OWN_PAPERS, 'kst-35000-VI-78']);
    const motion = document.querySelector('#motion a[data-kamerlens-kind="motion"]')!;
    expect(motion.getAttribute('data-kamerlens-state')).toBe('fresh');
    expect(planted()).toEqual(PLANTED.map((id) => [id, null, null]));
  });
});

describe('claiming paper links', () => {
  it('claims a link around a real citation with its own id: it tells the page nothing its text does not', async () => {
    document.body.innerHTML = `<main><p>Zie <a class="kamerlens-ref" data-kamerlens-ref="kst-36100-4"
      data-kamerlens-kind="kamerstuk" href="#">Kamerstuk 36 100, nr. 4</a> en <a class="kamerlens-ref"
      data-kamerlens-ref="kst-36100-4" data-kamerlens-kind="kamerstuk" href="#">Kamerstuk 36 100, nr. 4 en meer</a>.</p></main>`;
    const own = new OwnLinks();
    expect(await claimPaperLinks([document.querySelector('main')!], own)).toBe(1);
    expect(own.withIds(document).map(([el, id]) => [el.textContent, id])).toEqual([
      ['Kamerstuk 36 100, nr. 4', 'kst-36100-4'],
    ]);
  });

  it('checks each element once, however many the page plants', async () => {
    const own = new OwnLinks();
    const main = document.querySelector('main')!;
    expect(await claimPaperLinks([main], own)).toBe(OWN_PAPERS.length);
    expect(await claimPaperLinks([main], own)).toBe(0);
    for (const id of ['copy', 'wrong']) expect(own.checked(document.getElementById(id)!)).toBe(true);
    expect(own.has(document.getElementById('copy')!)).toBe(false);
  });
});
