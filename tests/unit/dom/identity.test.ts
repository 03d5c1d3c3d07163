// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { adoptSelfMotions, OwnLinks, pageIdentity } from '../../../lib/dom/identity';

const motion = (text: string) =>
  `<a class="kamerlens-ref" data-kamerlens-kind="motion" data-kamerlens-members="van houwelingen" href="#">${text}</a>`;

/** The motion links as the second pass leaves them: Kamerlens' own (tests/unit/dom/own-links.test.ts). */
function ownMotions(): OwnLinks {
  const own = new OwnLinks();
  for (const a of document.querySelectorAll('a.kamerlens-ref')) own.claim(a, undefined);
  return own;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('the page’s own document', () => {
  it('is DC.identifier on OB pages, at the URL of the same name', () => {
    document.head.innerHTML = '<meta name="DC.identifier" content="kst-35000-VI-59">';
    history.replaceState(null, '', '/kst-35000-VI-59.html');
    expect(pageIdentity(document)).toBe('kst-35000-VI-59');
  });

  it('is not a DC.identifier that the URL does not name: the page may have planted it', () => {
    document.head.innerHTML = '<meta name="DC.identifier" content="kst-35000-VI-59">';
    history.replaceState(null, '', '/kst-99999-2.html');
    expect(pageIdentity(document)).toBeUndefined();
  });

  it('is the aside’s Nummer on tweedekamer.nl pages', () => {
    document.body.innerHTML =
      '<aside><ul class="m-list"><li><span class="m-list__label"><span class="h-visually-hidden">Nummer:</span>31497-504</span></li></ul></aside>';
    expect(pageIdentity(document)).toBe('kst-31497-504');
  });

  it('is unknown elsewhere', () => {
    document.body.innerHTML = '<p>Nummer: geen</p>';
    expect(pageIdentity(document)).toBeUndefined();
  });
});

describe('adopting the page’s own motion', () => {
  it('gives the motion a motion page is about the page’s id, in its title and its header', () => {
    document.body.innerHTML = `
      <h1><span>Motie</span><span>:</span> ${motion('Motie van het lid Van Houwelingen')} over passend onderwijs</h1>
      <div class="m-modal__content"><h2>Nr. 504<br>${motion('MOTIE VAN HET LID VAN HOUWELINGEN')}</h2><p>De Kamer,</p></div>`;
    expect(adoptSelfMotions(document, 'kst-31497-504', ownMotions())).toBe(2);
    for (const a of document.querySelectorAll('a')) {
      expect(a.getAttribute('data-kamerlens-ref')).toBe('kst-31497-504');
      expect(a.getAttribute('href')).toBe('https://zoek.officielebekendmakingen.nl/kst-31497-504.html');
    }
  });

  it('leaves a motion that a letter’s title is about, and one in running text', () => {
    document.body.innerHTML = `
      <h1>Uitvoering van de ${motion('motie van het lid Sjoerdsma')}</h1>
      <p>Zie ook de ${motion('motie van het lid Van Houwelingen')}.</p>`;
    expect(adoptSelfMotions(document, 'kst-21501-02-2397', ownMotions())).toBe(0);
    expect(document.querySelectorAll('[data-kamerlens-ref]')).toHaveLength(0);
  });

  it('leaves a motion link the page wrote itself: it gets neither the page’s id nor, so, its status', () => {
    document.body.innerHTML = `<h1>${motion('Motie van het lid Van Houwelingen')}</h1>`;
    const own = new OwnLinks();
    expect(adoptSelfMotions(document, 'kst-31497-504', own)).toBe(0);
    const planted = document.querySelector('a')!;
    expect(planted.hasAttribute('data-kamerlens-ref')).toBe(false);
    expect(own.withIds(document)).toEqual([]);
  });
});

describe('Kamerlens’ own elements by id', () => {
  const link = (id: string) => `<a class="kamerlens-ref" data-kamerlens-ref="${id}" href="#">${id}</a>`;

  it('finds the elements claimed for some ids, never one the page wrote with the same id', () => {
    document.body.innerHTML = `<p>${link('kst-1-1')} ${link('kst-1-1')} ${link('kst-2-1')} ${link('kst-1-1')}</p>`;
    const [a, b, c, planted] = [...document.querySelectorAll('a')];
    const own = new OwnLinks();
    for (const el of [a!, b!, c!]) own.claim(el, el.getAttribute('data-kamerlens-ref') ?? undefined);
    expect(own.withIdsAmong(new Set(['kst-1-1']), document).map(([el]) => el)).toEqual([a, b]);
    expect(own.withIdsAmong(new Set(['kst-1-1']), document).map(([el]) => el)).not.toContain(planted);
    expect(own.idsIn(document).sort()).toEqual(['kst-1-1', 'kst-2-1']);
  });

  it('follows what the element carries now: re-claimed, renamed by the page, or taken out of the page', () => {
    document.body.innerHTML = `<p>${link('kst-1-1')} ${link('kst-2-1')} ${link('kst-3-1')}</p>`;
    const [a, b, c] = [...document.querySelectorAll('a')];
    const own = new OwnLinks();
    for (const el of [a!, b!, c!]) own.claim(el, el.getAttribute('data-kamerlens-ref') ?? undefined);
    // A motion of our own adopted the page's id (identity.ts adoptSelfMotions): it moves to that id.
    a!.setAttribute('data-kamerlens-ref', 'kst-9-9');
    own.claim(a!, 'kst-9-9');
    // The page wrote another id on our element: it is no longer ours to show.
    b!.setAttribute('data-kamerlens-ref', 'kst-8-8');
    c!.remove();
    expect(own.withIdsAmong(new Set(['kst-1-1', 'kst-2-1', 'kst-3-1', 'kst-8-8']), document)).toEqual([]);
    expect(own.withIdsAmong(new Set(['kst-9-9']), document).map(([el]) => el)).toEqual([a]);
    expect(own.idsIn(document)).toEqual(['kst-9-9']);
    // Put back by the page, it is ours again.
    document.body.append(c!);
    expect(own.idsIn(document).sort()).toEqual(['kst-3-1', 'kst-9-9']);
  });
});
