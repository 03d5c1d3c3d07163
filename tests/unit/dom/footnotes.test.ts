// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageFootnotes } from '../../../lib/dom/footnotes';
import { PILLAR_ATTR } from '../../../lib/dom/pillars';
import { scanRoots } from '../../../lib/dom/scan';
import { buildTextMap } from '../../../lib/dom/text-map';
import { send } from '../../../lib/messaging/runtime';
import { analyseRoots } from '../../../lib/page/analyse';
import { analyseText } from '../../../lib/refs/analyse';

vi.mock('../../../lib/messaging/runtime', () => ({ send: vi.fn(), handleMessages: vi.fn() }));

/**
 * A footnote marker whose fragment does not decode (issue finding 4): `decodeURIComponent('%E0%A4%A')` throws a
 * URIError, which took the motions and pillars of the whole page with it. One bad marker costs its own note only.
 */
const PAGE = `
<div id="broodtekst">
  <h2 class="divisiekop1">4. Minder illegaliteit, meer terugkeer</h2>
  <p id="p1">Het kabinet zet in op terugkeer en vertrek van vreemdelingen zonder verblijfsrecht, met
  vreemdelingenbewaring als uiterste middel. Zie de brief<sup><a class="nootnum" href="#%E0%A4%A">1</a></sup>. Zo geeft
  het kabinet uitvoering aan de motie van het lid Groothuizen c.s.<sup><a class="nootnum" href="#ID-n2">2</a></sup>
  Ook de motie van het lid Becker wordt uitgevoerd.</p>
  <h2 class="divisiekop1">6. Stimuleren integratie en participatie</h2>
  <p id="p2">Statushouders leren de taal en vinden werk via het nieuwe inburgeringsstelsel; gemeenten begeleiden
  hun participatie op de arbeidsmarkt.</p>
  <div id="noten"><hr>
    <div class="voet noot" id="supernote-note-ID-n1"><sup><span class="nootnum"><a id="ID-n1"></a>1</span></sup><p>Kamerstuk 19 637, nr. 2375.</p></div>
    <div class="voet noot" id="supernote-note-ID-n2"><h5 class="note-close"><a class="note-close" href="#close">X</a> Noot</h5>
    <sup><span class="nootnum"><a id="ID-n2" name="ID-n2"></a>2</span></sup><p>Kamerstuk 35 000 VI, nr. 59.</p></div>
  </div>
</div>`;

let root: Element;
beforeEach(async () => {
  document.body.innerHTML = PAGE;
  root = document.getElementById('broodtekst')!;
  await scanRoots([root]);
  // The background's answer, computed here: what `analyse-text` returns.
  vi.mocked(send).mockImplementation((async (name: string, payload: { text: string; footnotes: [] }) => {
    if (name !== 'analyse-text') throw new Error(`unexpected ${name}`);
    return analyseText(payload.text, payload.footnotes);
  }) as typeof send);
});

describe('footnote markers from page markup', () => {
  it('skips a marker whose fragment does not decode, and reads the others', () => {
    const map = buildTextMap(root, { readOwnLinks: true });
    const notes = pageFootnotes(root, map);
    expect(notes.map((n) => [n.label, n.body])).toEqual([['2', 'Kamerstuk 35 000 VI, nr. 59.']]);
  });

  it('finds a note by its fragment as written, or else percent-decoded, as a browser does', () => {
    document.body.innerHTML = `<div id="r"><p>Eerst<sup><a class="nootnum" href="#100%">1</a></sup> en
      dan<sup><a class="nootnum" href="#ID-%C3%A9">2</a></sup> en nog<sup><a class="nootnum" href="#%zz">3</a></sup>.</p>
      <div class="noot" id="100%"><p>Kamerstuk 36 100, nr. 3.</p></div>
      <div class="noot" id="ID-é"><p>Kamerstuk 36 100, nr. 4.</p></div></div>`;
    const r = document.getElementById('r')!;
    const notes = pageFootnotes(r, buildTextMap(r));
    expect(notes.map((n) => [n.label, n.body])).toEqual([
      ['1', 'Kamerstuk 36 100, nr. 3.'],
      ['2', 'Kamerstuk 36 100, nr. 4.'],
    ]);
  });

  it('keeps the motions and pillars of a page with such a marker', async () => {
    const controller = new AbortController();
    const result = await analyseRoots([root], () => false, controller.signal);
    expect(result.motions).toBe(2);
    const motions = [...document.querySelectorAll('[data-kamerlens-kind="motion"]')];
    expect(
      motions.map((a) => [a.getAttribute('data-kamerlens-members'), a.getAttribute('data-kamerlens-ref')]),
    ).toEqual([
      ['groothuizen', 'kst-35000-VI-59'],
      ['becker', null],
    ]);
    expect(document.getElementById('p1')!.getAttribute(PILLAR_ATTR)).toContain('ima-4');
    expect(document.getElementById('p2')!.getAttribute(PILLAR_ATTR)).toContain('ima-6');
  });
});
