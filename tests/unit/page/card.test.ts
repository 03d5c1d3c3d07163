// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTR } from '../../../lib/contract';
import { OwnLinks } from '../../../lib/dom/identity';
import { setTranslate } from '../../../lib/i18n';
import { CLOSE_DELAY_MS, installCards, OPEN_DELAY_MS, ownReferenceAt } from '../../../lib/page/card';
import { cardContent } from '../../../lib/page/card-content';
import { matches, panelEntries } from '../../../lib/page/panel';
import { InfoStore } from '../../../lib/page/store';
import type { RefInfo } from '../../../lib/sync/info';
import { useLanguage } from './setup';

const MOTION: RefInfo = {
  id: 'kst-35000-VI-59',
  state: 'fresh',
  asOf: Date.UTC(2026, 10, 30, 12),
  document: {
    soort: 'Motie',
    titel: 'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage',
    datum: '2018-11-22',
    dossierTitel: 'Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid',
    indieners: [],
  },
  motion: {
    status: 'aangenomen',
    statusDate: '2018-11-27',
    indieners: [{ naam: 'M. Groothuizen', fractie: 'D66', relatie: 'Indiener' }],
    kabinetsappreciatie: 'Oordeel Kamer',
    votes: [
      { fractie: 'VVD', soort: 'Voor', zetels: 33 },
      { fractie: 'D66', soort: 'Voor', zetels: 19 },
      { fractie: 'PVV', soort: 'Tegen', zetels: 20 },
    ],
    voor: 52,
    tegen: 20,
  },
};

beforeEach(() => useLanguage('nl'));
afterEach(() => setTranslate(undefined));

describe('the card’s content', () => {
  it('shows a motion with its outcome, vote per party, appreciatie, stand van and links, as text only', () => {
    const el = cardContent(document, { id: MOTION.id, kind: 'kamerstuk' }, MOTION);
    const text = el.textContent!;
    for (const part of [
      'Motie',
      'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage',
      '22 november 2018',
      'Dossier 35000-VI: Vaststelling van de begrotingsstaten',
      'Indieners: M. Groothuizen (D66)',
      'aangenomen',
      'gestemd op 27 november 2018',
      '52 voor, 20 tegen',
      'voor (52)',
      'VVD 33',
      'tegen (20)',
      'PVV 20',
      'Kabinetsappreciatie: Oordeel Kamer',
      'Stand van',
    ])
      expect(text).toContain(part);
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://zoek.officielebekendmakingen.nl/kst-35000-VI-59.html',
      expect.stringMatching(/^https:\/\/www\.tweedekamer\.nl\/zoeken\?qry=/),
    ]);
  });

  it('never turns outside data into markup', () => {
    const evil = { ...MOTION, document: { ...MOTION.document!, titel: '<img src=x onerror=alert(1)>' } };
    const el = cardContent(document, { id: MOTION.id, kind: 'kamerstuk' }, evil);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it.each([
    [undefined, 'Gegevens worden opgehaald…'],
    [{ id: 'kst-1234-5', state: 'missing' }, 'Niet gevonden'],
    [{ id: 'kst-1234-5', state: 'failed', error: 'gone' }, 'Gegevens niet beschikbaar: bron niet gevonden'],
    [{ id: 'kst-1234-5', state: 'failed', error: 'https://evil' }, 'onbekende fout'],
    [{ id: 'kst-1234-5', state: 'stale', asOf: 1_000, document: { indieners: [] } }, 'Wordt bijgewerkt'],
  ] as [RefInfo | undefined, string][])('says what it knows of a reference without data (%#)', (info, text) => {
    expect(cardContent(document, { id: 'kst-1234-5', kind: 'kamerstuk' }, info).textContent).toContain(text);
  });

  it('speaks English when the browser does', () => {
    useLanguage('en');
    expect(cardContent(document, { id: MOTION.id, kind: 'kamerstuk' }, MOTION).textContent).toContain('adopted');
  });
});

describe('the card', () => {
  let own: OwnLinks;
  let infos: InfoStore;
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = `<p><a id="ours" href="x" data-kamerlens-ref="kst-35000-VI-59" data-kamerlens-kind="kamerstuk">59</a>
      <a id="planted" href="y" data-kamerlens-ref="kst-35000-VI-59" data-kamerlens-kind="kamerstuk">59</a></p>`;
    own = new OwnLinks();
    own.claim(document.getElementById('ours')!, 'kst-35000-VI-59');
    infos = new InfoStore();
    infos.remember([MOTION]);
  });
  afterEach(() => vi.useRealTimers());

  const host = () => document.querySelector('kamerlens-card');
  const shown = () => host()?.hasAttribute('data-open') ?? false;
  const over = (el: Element, related?: Element) =>
    el.dispatchEvent(
      new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse', relatedTarget: related ?? null }),
    );
  const out = (el: Element, related: Element | null) =>
    el.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, pointerType: 'mouse', relatedTarget: related }));

  it('opens only for Kamerlens’ own elements, never for one the page marked', () => {
    expect(ownReferenceAt(document.getElementById('ours'), own)?.subject.id).toBe('kst-35000-VI-59');
    expect(ownReferenceAt(document.getElementById('planted'), own)).toBeUndefined();
    const cards = installCards({ doc: document, own, infos, refresh: async () => [] });
    expect(cards.open(document.getElementById('planted')!)).toBe(false);
    expect(cards.open(document.getElementById('ours')!)).toBe(true);
    cards.destroy();
  });

  it('opens after resting, stays while the pointer moves into it, closes after leaving, updates in place', () => {
    const cards = installCards({ doc: document, own, infos, refresh: async () => [] });
    const ours = document.getElementById('ours')!;
    over(ours);
    vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
    expect(shown()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(shown()).toBe(true);
    // Into the card: no close.
    out(ours, host());
    over(host()!);
    vi.advanceTimersByTime(CLOSE_DELAY_MS * 3);
    expect(shown()).toBe(true);
    // A pushed record changes the open card.
    infos.remember([{ ...MOTION, motion: { ...MOTION.motion!, status: 'verworpen' } }]);
    expect(host()!.shadowRoot!.textContent).toContain('verworpen');
    // Out to the page: it closes after the grace time.
    out(host()!, document.body);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(shown()).toBe(false);
    expect(ours.getAttribute(ATTR.ref)).toBe('kst-35000-VI-59');
    cards.destroy();
    expect(host()).toBeNull();
  });

  it('passing over a reference does not open it', () => {
    const cards = installCards({ doc: document, own, infos, refresh: async () => [] });
    const ours = document.getElementById('ours')!;
    over(ours);
    vi.advanceTimersByTime(OPEN_DELAY_MS / 2);
    out(ours, document.body);
    over(document.body);
    vi.advanceTimersByTime(OPEN_DELAY_MS * 2);
    expect(shown()).toBe(false);
    cards.destroy();
  });
});

describe('the panel’s entries', () => {
  it('lists own references with their dossier, motion flag and filter', () => {
    document.body.innerHTML = `<a id="a" data-kamerlens-ref="kst-35000-VI-59" data-kamerlens-kind="kamerstuk">x</a>
      <a id="b" data-kamerlens-ref="stb-2019-143" data-kamerlens-kind="staatsblad">Stb. 2019, 143</a>
      <a id="c" data-kamerlens-ref="kst-1234-5" data-kamerlens-kind="kamerstuk">planted</a>`;
    const own = new OwnLinks();
    own.claim(document.getElementById('a')!, 'kst-35000-VI-59');
    own.claim(document.getElementById('b')!, 'stb-2019-143');
    const infos = new InfoStore();
    infos.remember([MOTION]);
    const entries = panelEntries(document, own, infos);
    expect(entries.map((e) => [e.id, e.kind, e.motion, e.filter, e.dossier])).toEqual([
      ['kst-35000-VI-59', 'kamerstuk', true, 'adopted', '35000-VI'],
      ['stb-2019-143', 'staatsblad', false, undefined, undefined],
    ]);
    expect(entries.filter((e) => matches(e, 'motions')).length).toBe(1);
    expect(entries.filter((e) => matches(e, 'rejected')).length).toBe(0);
    expect(entries.filter((e) => matches(e, 'all')).length).toBe(2);
  });

  it('lists a document once, at its first mention: a motion’s name and its citation are one entry', () => {
    document.body.innerHTML = `<p>de <a id="m" data-kamerlens-ref="kst-35000-VI-59" data-kamerlens-kind="motion">motie-Groothuizen</a>
      (<a id="c" data-kamerlens-ref="kst-35000-VI-59" data-kamerlens-kind="kamerstuk">35 000 VI, nr. 59</a>)</p>`;
    const own = new OwnLinks();
    own.claim(document.getElementById('m')!, 'kst-35000-VI-59');
    own.claim(document.getElementById('c')!, 'kst-35000-VI-59');
    const entries = panelEntries(document, own, new InfoStore());
    expect(entries.map((e) => [e.el.id, e.id])).toEqual([['m', 'kst-35000-VI-59']]);
  });
});
