// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { scanRoots } from '../../../lib/dom/scan';
import { disabledKinds, enabledSites, pillarLabels } from '../../../lib/settings';
import {
  kindFilter,
  pageSettings,
  pillarLabelsShown,
  siteEnabled,
  watchPillarLabels,
} from '../../../lib/settings-page';

beforeEach(() => {
  fakeBrowser.reset();
});

const kindsOnPage = () =>
  [...document.querySelectorAll('[data-kamerlens-kind]')].map((a) => a.getAttribute('data-kamerlens-kind'));

describe('the kinds a user switched off', () => {
  it('are not linked; the rest is, and everything is by default', async () => {
    const html = '<p>Zie Kamerstuk 19 637, nr. 2375, Stb. 2019, 143 en Handelingen II 2018/19, nr. 27, item 10.</p>';
    document.body.innerHTML = html;
    await scanRoots([document.body], { kinds: await kindFilter() });
    expect(kindsOnPage()).toEqual(['kamerstuk', 'staatsblad', 'handelingen']);

    document.body.innerHTML = html;
    await disabledKinds.setValue(['staatsblad', 'handelingen']);
    await scanRoots([document.body], { kinds: await kindFilter() });
    expect(kindsOnPage()).toEqual(['kamerstuk']);
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(html, 'text/html').body.textContent);
  });
});

describe('the sites a user switched off', () => {
  it('say so per host; both sites are on by default, and no other host ever is', async () => {
    expect(await siteEnabled('zoek.officielebekendmakingen.nl')).toBe(true);
    expect(await siteEnabled('www.tweedekamer.nl')).toBe(true);
    expect(await siteEnabled('example.org')).toBe(false);
    await enabledSites.setValue({ ob: true, tk: false });
    expect(await siteEnabled('tweedekamer.nl')).toBe(false);
    expect(await siteEnabled('www.tweedekamer.nl')).toBe(false);
    expect(await siteEnabled('zoek.officielebekendmakingen.nl')).toBe(true);
  });
});

describe('pillar labels switched off', () => {
  it('are read and watched as the options page writes them, on by default', async () => {
    expect(await pillarLabelsShown()).toBe(true);
    const seen: boolean[] = [];
    const stop = watchPillarLabels((on) => seen.push(on));
    await pillarLabels.setValue(false);
    expect(await pillarLabelsShown()).toBe(false);
    await pillarLabels.setValue(true);
    stop();
    await pillarLabels.setValue(false);
    expect(seen).toEqual([false, true]);
  });
});

describe('the page’s settings in one read', () => {
  it('say the same as the three reads', async () => {
    await enabledSites.setValue({ ob: false, tk: true });
    await disabledKinds.setValue(['motion']);
    await pillarLabels.setValue(false);
    const ob = await pageSettings('zoek.officielebekendmakingen.nl');
    const tk = await pageSettings('www.tweedekamer.nl');
    expect([ob.enabled, tk.enabled, ob.pillarLabels, ob.kinds('motion'), ob.kinds('kamerstuk')]).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
  });
});
