// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyInfos } from '../../../lib/dom/badges';
import { OwnLinks } from '../../../lib/dom/identity';
import { firstPiece, lastPiece } from '../../../lib/dom/own';
import { decorateExisting } from '../../../lib/page/existing';
import { setTranslate } from '../../../lib/page/i18n';
import type { RefInfo } from '../../../lib/sync/info';
import { useLanguage } from './setup';

/*
 * The page's own links to references (page-structure.md §1.7): OB Handelingen's split anchors, absolute OB links,
 * old tweedekamer.nl title links with a t.v.v. reference inside, and links Kamerlens does not know.
 */
const PAGE = `
<main>
  <p id="split">de motie-Fritsma (<a href="kst-36333-39.html" title="link naar publicatie kst-36333-39">36333<!----></a>,
  nr. <a href="kst-36333-39.html" title="link naar publicatie kst-36333-39">39<!----></a>);</p>
  <p id="two">(<a href="kst-36333-40.html">36333</a>, nr. <a href="kst-36333-41.html">41</a>)</p>
  <p id="far"><a href="kst-36333-42.html">36333</a> en verder een lange tekst tot <a href="kst-36333-42.html">42</a></p>
  <p id="abs"><a href="https://zoek.officielebekendmakingen.nl/stb-2019-143.html">Stb. 2019, 143</a></p>
  <h3 id="tk"><a href="https://www.tweedekamer.nl/kamerstukken/detail?id=2015Z02383&did=2015D04824">Gewijzigde motie
  van het lid Verhoeven (t.v.v. 33 308, nr. 14) over …</a></h3>
  <p id="other"><a href="https://example.org/kst-36333-39.html">x</a> <a href="#noot1">1</a> <a href="/zoeken?q=1">z</a>
  <a href="kst-36333-39-n1.html">variant</a></p>
  <p id="planted"><a href="#" data-kamerlens-ref="kst-19637-2375">gelezen?</a></p>
  <nav id="nav"><a href="kst-36333-50.html">menu</a></nav>
</main>`;

const info = (id: string, status?: 'aangenomen'): RefInfo => ({
  id,
  state: 'fresh',
  asOf: 0,
  document: { indieners: [] },
  ...(status ? { motion: { status, indieners: [], votes: [], voor: 0, tegen: 0 } } : {}),
});

describe('the page’s own reference links', () => {
  let own: OwnLinks;
  beforeEach(() => {
    // Relative hrefs resolve against the OB page they stand on.
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://zoek.officielebekendmakingen.nl/h-tk-20232024-10-8.html',
    );
    document.body.innerHTML = PAGE;
    own = new OwnLinks();
    useLanguage('nl');
  });

  const main = () => document.querySelector('main')!;
  const exclude = (el: Element) => el.matches('nav');
  const attrs = (sel: string) =>
    [...document.querySelectorAll(sel)].map((a) => [
      a.getAttribute('data-kamerlens-ref'),
      a.getAttribute('data-kamerlens-continues'),
      a.getAttribute('data-kamerlens-kind'),
      a.hasAttribute('data-kamerlens-existing'),
    ]);

  it('counts a reference split over two anchors once, the second continuing the first', () => {
    const { firsts, continued } = decorateExisting(main(), own, { exclude, root: main() });
    expect(attrs('#split a')).toEqual([
      ['kst-36333-39', null, 'kamerstuk', true],
      [null, 'kst-36333-39', null, true],
    ]);
    const [first, second] = document.querySelectorAll('#split a');
    expect(firstPiece(second!)).toBe(first);
    expect(lastPiece(first!)).toBe(second);
    // Anchors to different targets are two references; the same target far apart is two mentions.
    expect(attrs('#two a').map(([ref]) => ref)).toEqual(['kst-36333-40', 'kst-36333-41']);
    expect(attrs('#far a').map(([ref, cont]) => [ref, cont])).toEqual([
      ['kst-36333-42', null],
      ['kst-36333-42', null],
    ]);
    expect(continued).toBe(1);
    expect(firsts.map((a) => own.idOf(a))).toEqual([
      'kst-36333-39',
      'kst-36333-40',
      'kst-36333-41',
      'kst-36333-42',
      'kst-36333-42',
      'stb-2019-143',
      '2015D04824',
    ]);
  });

  it('keeps href, text and title, and decorates a title link whole, with nothing linked inside it', () => {
    const before = main().innerHTML.replace(/ data-kamerlens-[a-z-]+(="[^"]*")?/g, '');
    decorateExisting(main(), own, { exclude, root: main() });
    expect(main().innerHTML.replace(/ data-kamerlens-[a-z-]+(="[^"]*")?/g, '')).toBe(before);
    expect(attrs('#tk a')).toEqual([['2015D04824', null, 'tk-document', true]]);
  });

  it('leaves unknown targets, fragments, variants, chrome and planted elements alone', () => {
    decorateExisting(main(), own, { exclude, root: main() });
    expect(attrs('#other a').every(([ref, cont, , existing]) => !ref && !cont && !existing)).toBe(true);
    expect(attrs('#nav a')).toEqual([[null, null, null, false]]);
    const planted = document.querySelector('#planted a')!;
    expect(own.has(planted)).toBe(false);
    expect(planted.hasAttribute('data-kamerlens-existing')).toBe(false);
  });

  it('is idempotent', () => {
    decorateExisting(main(), own, { exclude, root: main() });
    const html = main().innerHTML;
    expect(decorateExisting(main(), own, { exclude, root: main() }).firsts).toEqual([]);
    expect(main().innerHTML).toBe(html);
  });

  it('puts the badge after the last piece and keeps the page’s title', () => {
    decorateExisting(main(), own, { exclude, root: main() });
    applyInfos(document, [info('kst-36333-39', 'aangenomen')], own);
    const [first, second] = document.querySelectorAll('#split a');
    expect(first!.getAttribute('data-kamerlens-status')).toBe('aangenomen');
    expect(first!.hasAttribute('data-kamerlens-badge')).toBe(false);
    expect(second!.getAttribute('data-kamerlens-badge')).toBe('aangenomen');
    expect(second!.getAttribute('data-kamerlens-badge-style')).toBe('adopted');
    expect(first!.getAttribute('title')).toBe('link naar publicatie kst-36333-39');
    setTranslate(undefined);
  });
});
