// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { scanRoots } from '../../../lib/dom/scan';
import { excluder, profileFor, textRoots } from '../../../lib/dom/site';
import { expectedFor } from '../../support/expected';
import { FIXTURE_DIR } from '../../support/fixture-server';

const OB_FIXTURE = join(FIXTURE_DIR, 'zoek.officielebekendmakingen.nl', 'kst-99999-1.html');

function load(file: string) {
  // Scripts stay inert: happy-dom would otherwise run the fixture's late-insert timer.
  const html = readFileSync(file, 'utf8').replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
}

async function scanPage(hostname: string) {
  const profile = profileFor(hostname);
  return scanRoots(textRoots(document, profile), { exclude: excluder(profile) });
}

const ids = (selector = '[data-kamerlens-ref]') =>
  [...document.querySelectorAll(selector)].map((el) => el.getAttribute('data-kamerlens-ref'));

describe('scanning an OB page', () => {
  beforeEach(() => load(OB_FIXTURE));

  it('links the references of the main text and nothing in page chrome, fields, scripts or existing links', async () => {
    const linked = await scanPage('zoek.officielebekendmakingen.nl');
    const { papers } = expectedFor('kst-99999-1');
    expect(ids()).toEqual(papers);
    expect(linked).toBe(papers.length);
  });

  it('gives each link the OB href and the kind', async () => {
    await scanPage('zoek.officielebekendmakingen.nl');
    const link = document.querySelector('#plain a.kamerlens-ref') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://zoek.officielebekendmakingen.nl/kst-19637-2375.html');
    expect(link.getAttribute('data-kamerlens-kind')).toBe('kamerstuk');
    expect(link.textContent).toBe('Kamerstuk 19 637, nr. 2375');
    expect(document.querySelector('#plain')!.textContent).toBe(
      'In de brief van 29 maart 2018 (Kamerstuk 19 637, nr. 2375) presenteerde het kabinet de agenda.',
    );
  });

  it('links a reference split over an inline element once, with the rest as continuation', async () => {
    await scanPage('zoek.officielebekendmakingen.nl');
    const inline = document.querySelector('#inline')!;
    expect([...inline.querySelectorAll('[data-kamerlens-ref]')].map((a) => a.textContent)).toEqual(['Kamerstuk']);
    expect([...inline.querySelectorAll('[data-kamerlens-continues]')].map((a) => a.textContent)).toEqual([
      ' 35 000 VI, nr. 59',
    ]);
    expect(inline.querySelector('em')!.textContent).toBe('Kamerstuk');
  });

  it('follows a reference across line breaks', async () => {
    await scanPage('zoek.officielebekendmakingen.nl');
    const pieces = [...document.querySelectorAll('#linebreak a')].map((a) => a.textContent);
    expect(pieces).toEqual(['Kamerstuk 21 501-20,', 'nr. 1265']);
    expect(document.querySelector('#linebreak')!.querySelectorAll('br')).toHaveLength(2);
  });

  it('leaves the text unchanged and adds nothing on a second pass', async () => {
    await scanPage('zoek.officielebekendmakingen.nl');
    const before = document.body.innerHTML;
    const text = document.body.textContent;
    expect(await scanPage('zoek.officielebekendmakingen.nl')).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    expect(document.body.textContent).toBe(text);
  });

  it('stops when aborted, leaving the page as it was', async () => {
    const before = document.body.innerHTML;
    const controller = new AbortController();
    controller.abort();
    const profile = profileFor('zoek.officielebekendmakingen.nl');
    await scanRoots(textRoots(document, profile), { exclude: excluder(profile), signal: controller.signal });
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('scanning a tweedekamer.nl page', () => {
  it('links references in the embedded document, not in menus, buttons or the vote widget', async () => {
    load(join(FIXTURE_DIR, 'www.tweedekamer.nl', '2099D00001.html'));
    await scanPage('www.tweedekamer.nl');
    expect(ids()).toEqual(['kst-19637-2375', 'kst-35000-VI-59']);
    expect(document.querySelector('#tk-ref [data-kamerlens-ref]')!.textContent).toBe('Kamerstuk 19 637,\nnr. 2375');
  });
});
