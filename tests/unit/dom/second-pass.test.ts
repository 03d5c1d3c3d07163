// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { annotate, motionSearchUrl } from '../../../lib/dom/annotate';
import { pageFootnotes } from '../../../lib/dom/footnotes';
import { markPillars, PILLAR_ATTR } from '../../../lib/dom/pillars';
import { scanRoots } from '../../../lib/dom/scan';
import { buildTextMap } from '../../../lib/dom/text-map';
import { analyseText } from '../../../lib/refs/analyse';

/** An OB-shaped page with a motion whose document is only in its footnote, and two pillar sections. */
const PAGE = `
<div id="broodtekst">
  <h2 class="divisiekop1">4. Minder illegaliteit, meer terugkeer</h2>
  <p id="p1">Het kabinet zet in op terugkeer en vertrek van vreemdelingen zonder verblijfsrecht, met
  vreemdelingenbewaring als uiterste middel. Zo geeft het kabinet uitvoering aan de motie van het lid
  Groothuizen c.s.<sup><a class="nootnum" href="#ID-n2">2</a></sup> Ook de motie van het lid Becker wordt
  uitgevoerd.</p>
  <h2 class="divisiekop1">6. Stimuleren integratie en participatie</h2>
  <p id="p2">Statushouders leren de taal en vinden werk via het nieuwe inburgeringsstelsel; gemeenten begeleiden
  hun participatie op de arbeidsmarkt.</p>
  <div id="noten"><hr>
    <div class="voet noot" id="supernote-note-ID-n2"><h5 class="note-close"><a class="note-close" href="#close">X</a> Noot</h5>
    <sup><span class="nootnum"><a id="ID-n2" name="ID-n2"></a>2</span></sup><p>Kamerstuk 35 000 VI, nr. 59.</p></div>
  </div>
</div>`;

let root: Element;
beforeEach(async () => {
  document.body.innerHTML = PAGE;
  root = document.getElementById('broodtekst')!;
  await scanRoots([root]);
});

/** What the content script does with the background's answer, done here in one process. */
function secondPass() {
  const map = buildTextMap(root, { readOwnLinks: true });
  const analysis = analyseText(map.text, pageFootnotes(root, map));
  markPillars(map, analysis.pillars);
  annotate(map, analysis.motions);
  return analysis;
}

describe('footnotes from page markup', () => {
  it('places the marker after the text it follows and reads the note without its chrome', () => {
    const map = buildTextMap(root, { readOwnLinks: true });
    const [note] = pageFootnotes(root, map);
    expect(note).toMatchObject({ label: '2', body: 'Kamerstuk 35 000 VI, nr. 59.' });
    expect(map.text.slice(note!.at - 4, note!.at)).toBe('c.s.');
    expect(map.text.slice(note!.bodyAt!, note!.bodyAt! + 9)).toBe('Kamerstuk');
  });
});

describe('the second pass over a page', () => {
  it('links a motion to the document its footnote names, and one without a document to the TK search', () => {
    secondPass();
    const motions = [...document.querySelectorAll('[data-kamerlens-kind="motion"]')] as HTMLAnchorElement[];
    expect(
      motions.map((a) => [
        a.textContent?.replace(/\s+/g, ' '),
        a.getAttribute('data-kamerlens-ref'),
        a.getAttribute('data-kamerlens-members'),
      ]),
    ).toEqual([
      ['motie van het lid Groothuizen c.s.', 'kst-35000-VI-59', 'groothuizen'],
      ['motie van het lid Becker', null, 'becker'],
    ]);
    expect(motions[0]!.getAttribute('href')).toBe('https://zoek.officielebekendmakingen.nl/kst-35000-VI-59.html');
    expect(motions[1]!.getAttribute('href')).toBe(motionSearchUrl(['becker']));
  });

  it('labels each section’s heading and paragraphs with its pillar', () => {
    secondPass();
    expect(document.querySelectorAll('h2')[0]!.getAttribute(PILLAR_ATTR)).toContain('ima-4');
    expect(document.getElementById('p1')!.getAttribute(PILLAR_ATTR)).toContain('ima-4');
    expect(document.getElementById('p2')!.getAttribute(PILLAR_ATTR)).toContain('ima-6');
    expect(Number(document.getElementById('p2')!.getAttribute('data-kamerlens-pillar-ima-6'))).toBeGreaterThan(0.5);
  });

  it('leaves the text as it was and the paper links in place', () => {
    const text = root.textContent;
    secondPass();
    expect(root.textContent).toBe(text);
    expect(document.querySelector('[data-kamerlens-kind="kamerstuk"]')?.getAttribute('data-kamerlens-ref')).toBe(
      'kst-35000-VI-59',
    );
  });
});
