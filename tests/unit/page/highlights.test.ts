// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearHighlights, describeSelection, highlightNotes, NOTE_ATTR } from '../../../lib/page/highlights';

const PAGE = `<h1>Brief van de minister</h1>
<p id="a">In deze brief presenteert het kabinet de <em>Integrale Migratieagenda</em>.</p>
<p id="b">De agenda rust op zes pijlers, van het voorkomen van irreguliere migratie tot terugkeer.</p>
<p id="c">Over de voortgang wordt de Kamer jaarlijks geïnformeerd.</p>`;

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

/** Selects `passage` (which may run across elements) as a user would, and returns the note's selectors. */
function select(passage: string) {
  const text = document.body.textContent!;
  const start = text.indexOf(passage);
  const walker = document.createTreeWalker(document.body, 0x4);
  const range = document.createRange();
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (at <= start && start < at + n.data.length) range.setStart(n, start - at);
    if (at < start + passage.length && start + passage.length <= at + n.data.length)
      range.setEnd(n, start + passage.length - at);
    at += n.data.length;
  }
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return describeSelection(document.body, selection)!;
}

const marked = (id: string) =>
  [...document.querySelectorAll(`mark[${NOTE_ATTR}="${id}"]`)].map((m) => m.textContent).join('');

describe('highlights of notes on a passage', () => {
  it('describes a selection across elements and draws it again without changing the page’s text', () => {
    const passage = 'het kabinet de Integrale Migratie';
    const selectors = select(passage);
    expect(selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: passage });
    const before = document.body.textContent;
    expect(highlightNotes(document.body, [{ id: 'n1', selectors }])).toEqual({ n1: 'exact' });
    expect(marked('n1')).toBe(passage);
    expect(document.querySelectorAll('mark').length).toBe(2);
    expect(document.body.textContent).toBe(before);
    clearHighlights(document.body);
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.textContent).toBe(before);
  });

  it('finds the passage again on a later visit with words inserted before it', () => {
    const selectors = select('rust op zes pijlers');
    document.body.innerHTML = PAGE.replace('In deze brief', 'Mede namens de staatssecretaris: in deze lange brief');
    expect(highlightNotes(document.body, [{ id: 'n1', selectors }])).toEqual({ n1: 'exact' });
    expect(marked('n1')).toBe('rust op zes pijlers');
  });

  it('finds a slightly edited passage, and says it changed', () => {
    const selectors = select('De agenda rust op zes pijlers');
    document.body.innerHTML = PAGE.replace('rust op zes pijlers', 'rust op de zes pijlers');
    expect(highlightNotes(document.body, [{ id: 'n1', selectors }])).toEqual({ n1: 'fuzzy' });
    expect(marked('n1')).toMatch(/^De agenda rust op de zes pijler/);
  });

  it('reports a passage that is gone as missing and draws nothing for it, the others still drawn', () => {
    const gone = select('van het voorkomen van irreguliere migratie');
    const kept = select('jaarlijks geïnformeerd');
    document.body.innerHTML = PAGE.replace(/<p id="b">.*<\/p>/, '');
    expect(
      highlightNotes(document.body, [
        { id: 'gone', selectors: gone },
        { id: 'kept', selectors: kept },
      ]),
    ).toEqual({ gone: 'missing', kept: 'exact' });
    expect(marked('gone')).toBe('');
    expect(marked('kept')).toBe('jaarlijks geïnformeerd');
  });

  it('describes nothing for an empty selection', () => {
    window.getSelection()!.removeAllRanges();
    expect(describeSelection(document.body, window.getSelection())).toBeNull();
  });
});
