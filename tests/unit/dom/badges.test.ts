// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyInfos, describe as describeRef } from '../../../lib/dom/badges';
import { OwnLinks } from '../../../lib/dom/identity';
import type { RefInfo } from '../../../lib/sync/info';

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

  it('says when the data is being refreshed, missing or failed', () => {
    expect(describeRef({ ...MOTION, state: 'stale' })).toMatch(/wordt bijgewerkt/);
    expect(describeRef({ id: 'x', state: 'missing' })).toMatch(/niet gevonden/);
    expect(describeRef({ id: 'x', state: 'failed', error: 'unreachable' })).toBe(
      'Kamerlens: gegevens niet beschikbaar (bron niet bereikbaar)',
    );
  });
});
