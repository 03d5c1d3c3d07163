// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyInfos, describe as describeRef } from '../../../lib/dom/badges';
import { OwnLinks } from '../../../lib/dom/identity';
import { formatTime } from '../../../lib/i18n';
import type { RefInfo } from '../../../lib/sync/info';
import { useMessages } from '../../support/i18n';

const MOTION: RefInfo = {
  id: 'kst-35000-VI-59',
  state: 'fresh',
  asOf: Date.UTC(2020, 10, 1, 12),
  source: 'tk',
  document: {
    soort: 'Motie',
    titel: 'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage',
    datum: '2018-11-22',
    indieners: [],
  },
  motion: {
    status: 'aangenomen',
    statusDate: '2018-12-04',
    indieners: [{ naam: 'M. Groothuizen', fractie: 'D66', relatie: 'Indiener' }],
    votes: [
      { fractie: 'VVD', soort: 'Voor', zetels: 33 },
      { fractie: 'PVV', soort: 'Tegen', zetels: 20 },
    ],
    voor: 33,
    tegen: 20,
  },
};

let own: OwnLinks;

beforeEach(() => {
  // The browser's messages and UI language, Dutch unless a test says otherwise (as Kamerlens' default locale).
  fakeBrowser.reset();
  useMessages('nl');
  document.body.innerHTML = `
    <p><a class="kamerlens-ref" data-kamerlens-ref="kst-35000-VI-59" data-kamerlens-kind="kamerstuk">Kamerstuk 35 000 VI, nr. 59</a>
    en de <a class="kamerlens-ref" data-kamerlens-ref="kst-35000-VI-59" data-kamerlens-kind="motion">motie van het lid Groothuizen c.s.</a>
    en <a class="kamerlens-ref" data-kamerlens-ref="stb-2019-143" data-kamerlens-kind="staatsblad">Stb. 2019, 143</a></p>`;
  // As the content script's passes claim the links they make (tests/unit/dom/own-links.test.ts).
  own = new OwnLinks();
  for (const el of document.querySelectorAll('[data-kamerlens-ref]'))
    own.claim(el, el.getAttribute('data-kamerlens-ref')!);
});

describe('status on the page', () => {
  it('marks every link to a reference with its state, its motion status and a tooltip', () => {
    expect(applyInfos(document, [MOTION, { id: 'stb-2019-143', state: 'pending' }], own)).toBe(3);
    const [paper, mention, stb] = [...document.querySelectorAll<HTMLElement>('[data-kamerlens-ref]')];
    for (const el of [paper!, mention!]) {
      expect(el.getAttribute('data-kamerlens-state')).toBe('fresh');
      expect(el.getAttribute('data-kamerlens-status')).toBe('aangenomen');
      expect(el.getAttribute('data-kamerlens-type')).toBe('Motie');
    }
    expect(stb!.getAttribute('data-kamerlens-state')).toBe('pending');
    expect(stb!.hasAttribute('data-kamerlens-status')).toBe(false);
    expect(stb!.title).toMatch(/worden opgehaald/);
  });

  it('says what the document is, how the motion ended with the vote, who submitted it, and as of when', () => {
    const text = describeRef(MOTION);
    expect(text).toContain('Motie · 22 november 2018');
    expect(text).toContain('aangenomen op 4 december 2018 (33 voor, 20 tegen)');
    expect(text).toContain('Indieners: M. Groothuizen (D66)');
    expect(text).toMatch(/Stand van /);
  });

  it('reads in Dutch line by line, with the dates and the time of the data in the UI language', () => {
    expect(
      describeRef({ ...MOTION, motion: { ...MOTION.motion!, reason: 'de TK API heeft geen besluit' } }).split('\n'),
    ).toEqual([
      'Motie · 22 november 2018',
      'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage',
      'aangenomen op 4 december 2018 (33 voor, 20 tegen)',
      'Waarom onbekend: de TK API heeft geen besluit',
      'Indieners: M. Groothuizen (D66)',
      `Stand van ${formatTime(MOTION.asOf!)}`,
    ]);
    expect(formatTime(MOTION.asOf!)).toMatch(/^1 nov 2020/);
    expect(describeRef({ id: 'x', state: 'pending' })).toBe('Kamerlens: gegevens worden opgehaald…');
    expect(describeRef({ id: 'x', state: 'none' })).toBe(
      'Kamerlens: de link opent de bron; voor deze verwijzing zijn geen documentgegevens',
    );
    expect(describeRef({ id: 'x', state: 'missing' })).toBe(
      'Kamerlens: niet gevonden bij de Tweede Kamer of officielebekendmakingen.nl',
    );
  });

  it('says when the data is being refreshed, missing or failed', () => {
    expect(describeRef({ ...MOTION, state: 'stale' })).toMatch(/wordt bijgewerkt/);
    expect(describeRef({ id: 'x', state: 'missing' })).toMatch(/niet gevonden/);
    expect(describeRef({ id: 'x', state: 'failed', error: 'unreachable' })).toBe(
      'Kamerlens: gegevens niet beschikbaar (bron niet bereikbaar)',
    );
  });
});

describe('the tooltip in English', () => {
  beforeEach(() => useMessages('en'));

  it('says it all in the UI language: status, dates, vote, submitters and the time of the data', () => {
    const text = describeRef({ ...MOTION, motion: { ...MOTION.motion!, reason: 'de TK API heeft geen besluit' } });
    // The document's soort and title are the source's own words (Dutch), the rest is the UI's.
    expect(text.split('\n')).toEqual([
      'Motie · November 22, 2018',
      'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage',
      'adopted on December 4, 2018 (33 for, 20 against)',
      'Why unknown: de TK API heeft geen besluit',
      'Submitted by: M. Groothuizen (D66)',
      `As of ${formatTime(MOTION.asOf!)}`,
    ]);
    expect(formatTime(MOTION.asOf!)).toMatch(/^Nov 1, 2020/);
  });

  it('says what it knows of a reference without data', () => {
    expect(describeRef({ id: 'x', state: 'pending' })).toBe('Kamerlens: fetching the data…');
    expect(describeRef({ id: 'x', state: 'missing' })).toBe(
      'Kamerlens: not found at the House of Representatives or officielebekendmakingen.nl',
    );
    expect(describeRef({ id: 'x', state: 'none' })).toBe(
      'Kamerlens: the link opens the source; there is no document data for this reference',
    );
    expect(describeRef({ id: 'x', state: 'failed', error: 'gone' })).toBe(
      'Kamerlens: data unavailable (source not found)',
    );
    // Anything but a category (an older background's message, with its request URL) is an unknown error.
    expect(describeRef({ id: 'x', state: 'failed', error: 'https://x/?q=1' as never })).toBe(
      'Kamerlens: data unavailable (unknown error)',
    );
    expect(describeRef({ ...MOTION, state: 'stale' })).toMatch(/^As of .+ \(being updated\)$/m);
    expect(
      describeRef({
        ...MOTION,
        motion: { ...MOTION.motion!, status: 'ingediend', statusDate: undefined, voor: 0, tegen: 0 },
      }),
    ).toContain('\nnot voted yet\n');
  });

  it('has no Dutch word of its own left', () => {
    const all = [
      describeRef({ ...MOTION, state: 'stale', motion: { ...MOTION.motion!, reason: 'x' } }),
      ...(['pending', 'missing', 'none', 'failed'] as const).map((state) => describeRef({ id: 'x', state })),
    ].join('\n');
    for (const word of [' op ', 'voor', 'tegen', 'Stand van', 'Indieners', 'Waarom', 'gegevens', 'bron', 'bijgewerkt'])
      expect(all).not.toContain(word);
  });
});
