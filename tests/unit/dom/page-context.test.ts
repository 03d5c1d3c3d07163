// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { pageContext } from '../../../lib/dom/identity';
import { scanRoots } from '../../../lib/dom/scan';

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

function onPage(id: string, head = '') {
  document.head.innerHTML = `<meta name="DC.identifier" content="${id}">${head}`;
  history.replaceState(null, '', `/${id}.html`);
}

describe('what the page tells detection about itself', () => {
  it('is its own Kamerstuk id, where pageIdentity trusts it', () => {
    onPage('kst-32824-405');
    expect(pageContext(document)).toEqual({ id: 'kst-32824-405' });
    history.replaceState(null, '', '/kst-99999-2.html');
    expect(pageContext(document)).toBeUndefined();
  });

  it('is the one dossier a Handelingen item treats, and nothing when it treats several', () => {
    onPage('h-tk-20232024-10-8', '<meta name="OVERHEIDop.behandeldDossier" content="36333">');
    expect(pageContext(document)).toEqual({ dossier: '36333' });
    onPage(
      'h-tk-20232024-10-8',
      '<meta name="OVERHEIDop.behandeldDossier" content="36333"><meta name="OVERHEIDop.behandeldDossier" content="36200">',
    );
    expect(pageContext(document)).toBeUndefined();
  });

  it('reaches the first pass: a motion’s own page links the motion it replaces', async () => {
    onPage('kst-32824-405');
    document.body.innerHTML =
      '<main><h1>GEWIJZIGDE MOTIE VAN HET LID X TER VERVANGING VAN DIE GEDRUKT ONDER NR. 404</h1></main>';
    const main = document.querySelector('main')!;
    expect(await scanRoots([main])).toBe(0);
    expect(await scanRoots([main], { context: pageContext(document)! })).toBe(1);
    expect(main.querySelector('[data-kamerlens-ref]')?.getAttribute('data-kamerlens-ref')).toBe('kst-32824-404');
  });
});
