// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { adoptSelfMotions, pageIdentity } from '../../../lib/dom/identity';

const motion = (text: string) =>
  `<a class="kamerlens-ref" data-kamerlens-kind="motion" data-kamerlens-members="van houwelingen" href="#">${text}</a>`;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the page’s own document', () => {
  it('is DC.identifier on OB pages', () => {
    document.head.innerHTML = '<meta name="DC.identifier" content="kst-35000-VI-59">';
    expect(pageIdentity(document)).toBe('kst-35000-VI-59');
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
    expect(adoptSelfMotions(document, 'kst-31497-504')).toBe(2);
    for (const a of document.querySelectorAll('a')) {
      expect(a.getAttribute('data-kamerlens-ref')).toBe('kst-31497-504');
      expect(a.getAttribute('href')).toBe('https://zoek.officielebekendmakingen.nl/kst-31497-504.html');
    }
  });

  it('leaves a motion that a letter’s title is about, and one in running text', () => {
    document.body.innerHTML = `
      <h1>Uitvoering van de ${motion('motie van het lid Sjoerdsma')}</h1>
      <p>Zie ook de ${motion('motie van het lid Van Houwelingen')}.</p>`;
    expect(adoptSelfMotions(document, 'kst-21501-02-2397')).toBe(0);
    expect(document.querySelectorAll('[data-kamerlens-ref]')).toHaveLength(0);
  });
});
