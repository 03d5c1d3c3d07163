// @vitest-environment happy-dom
// The options page keeps its notes section on the extension's database: an in-memory IndexedDB here.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BaseUrlField } from '../../../components/BaseUrlField';
import { SyncStatus } from '../../../components/SyncStatus';
import { App } from '../../../entrypoints/options/App';
import { handleMessages } from '../../../lib/messaging/runtime';
import { tkBaseUrl } from '../../../lib/settings';
import { checkBaseUrl, usableBaseUrl } from '../../../lib/settings-validation';
import type { SyncHealth } from '../../../lib/sync/health';
import { TK_DEFAULT_BASE } from '../../../lib/tk/versions';
import { useMessages } from '../../support/i18n';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  // The real Dutch messages, the default: a test in English says so.
  useMessages('nl');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

async function type(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(form: HTMLFormElement) {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await flush();
}

describe('checkBaseUrl', () => {
  it.each([
    ['https://gegevensmagazijn.tweedekamer.nl/OData/v5/', true, 'https://gegevensmagazijn.tweedekamer.nl/OData/v5'],
    ['http://localhost:8080/OData/v4/2.0', true, 'http://localhost:8080/OData/v4/2.0'],
    ['http://127.0.0.1:8787/OData/v5', true, 'http://127.0.0.1:8787/OData/v5'],
    ['http://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0', false, /https/],
    ['gegevensmagazijn.tweedekamer.nl', false, /volledig webadres/],
    ['https://gegevensmagazijn.tweedekamer.nl/OData?$top=1', false, /vraagteken/],
    ['https://example.org/OData/v5', false, /Alleen adressen op gegevensmagazijn/],
    ['https://repository.overheid.nl/sru', false, /Alleen adressen op gegevensmagazijn/],
    ['https://10.0.0.1/OData/v5', false, /Alleen adressen/],
    ['https://user:secret@gegevensmagazijn.tweedekamer.nl/OData/v5', false, /gebruikersnaam of wachtwoord/],
    ['https://gegevensmagazijn.tweedekamer.nl.evil.example/OData/v5', false, /Alleen adressen/],
    ['', false, /Vul een adres in/],
  ] as const)('%s', (input, ok, expected) => {
    const result = checkBaseUrl(input, 'gegevensmagazijn.tweedekamer.nl');
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.url).toBe(expected);
    else expect(result.reason).toMatch(expected as RegExp);
  });
});

describe('usableBaseUrl', () => {
  it('uses a stored address only when it passes the check, else the default with the reason', () => {
    const host = 'gegevensmagazijn.tweedekamer.nl';
    expect(usableBaseUrl('https://gegevensmagazijn.tweedekamer.nl/OData/v5', host, TK_DEFAULT_BASE)).toEqual({
      url: 'https://gegevensmagazijn.tweedekamer.nl/OData/v5',
    });
    const refused = usableBaseUrl('https://u:p@evil.example/OData', host, TK_DEFAULT_BASE);
    expect(refused.url).toBe(TK_DEFAULT_BASE);
    expect(refused.refused).toMatch(/gebruikersnaam/);
  });
});

describe('BaseUrlField', () => {
  it('refuses an address that is not https and keeps what was typed', async () => {
    const onSave = vi.fn(async () => {});
    await act(() =>
      render(
        <BaseUrlField
          id="tk"
          label="TK"
          value={TK_DEFAULT_BASE}
          fallback={TK_DEFAULT_BASE}
          host="gegevensmagazijn.tweedekamer.nl"
          onSave={onSave}
        />,
        root,
      ),
    );
    const input = root.querySelector('input')!;
    await type(input, 'http://voorbeeld.nl/odata');
    await submit(root.querySelector('form')!);
    expect(onSave).not.toHaveBeenCalled();
    expect(input.value).toBe('http://voorbeeld.nl/odata');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/https/);
  });

  it('saves a cleaned address, and puts the default back on request', async () => {
    const onSave = vi.fn(async (_url: string) => {});
    await act(() =>
      render(
        <BaseUrlField
          id="tk"
          label="TK"
          value={TK_DEFAULT_BASE}
          fallback={TK_DEFAULT_BASE}
          host="gegevensmagazijn.tweedekamer.nl"
          onSave={onSave}
        />,
        root,
      ),
    );
    await type(root.querySelector('input')!, 'https://gegevensmagazijn.tweedekamer.nl/OData/v5/');
    await submit(root.querySelector('form')!);
    expect(onSave).toHaveBeenLastCalledWith('https://gegevensmagazijn.tweedekamer.nl/OData/v5');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Opgeslagen.');
    await act(() => (root.querySelectorAll('button')[1] as HTMLButtonElement).click());
    await flush();
    expect(onSave).toHaveBeenLastCalledWith(TK_DEFAULT_BASE);
  });
});

describe('SyncStatus', () => {
  it('names each source, how it is doing, and why when it fails', async () => {
    await act(() =>
      render(
        <SyncStatus
          health={{
            tk: { status: 'unavailable', message: 'Tweede Kamer API: …/OData/v4/2.0/Document answered 410', at: 1 },
            koop: { status: 'ok', at: 1 },
          }}
        />,
        root,
      ),
    );
    const items = [...root.querySelectorAll('li')];
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual(['unavailable', 'ok']);
    expect(items[0]!.textContent).toMatch(/niet beschikbaar.*answered 410/s);
    expect(items[1]!.querySelector('.reason')).toBeNull();
  });
});

describe('SyncStatus of the TK API', () => {
  const api = {
    configuredBaseUrl: 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0',
    baseUrl: 'https://gegevensmagazijn.tweedekamer.nl/OData/v5',
    version: 'v5',
    fellBack: true,
    metadataAt: Date.UTC(2026, 11, 1, 9),
    lacking: [
      { concept: 'kabinetsappreciatie', label: 'de kabinetsappreciatie', need: 'optional' },
      { concept: 'besluitSoort', label: 'de besluitsoort', need: 'decision' },
    ],
    can: { paper: true, number: true, decision: false },
    problems: ['de Tweede Kamer API levert de besluitsoort niet meer'],
  } as const;

  it('shows the version in use, the date of its $metadata, the fall-back and what it no longer delivers', async () => {
    await act(() =>
      render(
        <SyncStatus
          health={{ tk: { status: 'ok', at: 1, api: structuredClone(api) as never }, koop: { status: 'ok' } }}
        />,
        root,
      ),
    );
    const tk = root.querySelector('[data-service="tk"]')!;
    expect(tk.querySelector('[data-api-version]')!.getAttribute('data-api-version')).toBe('v5');
    // 09:00 UTC in the machine's time zone, as the options page shows it.
    const at = new Date(api.metadataAt);
    expect(tk.querySelector('.metadata-date')!.textContent).toBe(
      `1 dec 2026, ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`,
    );
    expect(tk.querySelector('.fell-back')!.textContent).toMatch(/OData\/v4\/2\.0 antwoordt niet meer.*OData\/v5/s);
    expect(tk.querySelector('.problems')!.textContent).toBe('de Tweede Kamer API levert de besluitsoort niet meer');
    expect(tk.querySelector('.lacking')!.textContent).toMatch(/de kabinetsappreciatie/);
    expect(tk.querySelector('.lacking')!.textContent).not.toMatch(/besluitsoort/);
    expect(tk.querySelector('.api p')!.textContent).toMatch(
      /^API-versie: v5 \(https:.*OData\/v5\), beschrijving \(\$metadata\) van 1 dec 2026/,
    );
  });

  it('says it in English, the version and the date where the English message puts them', async () => {
    useMessages('en');
    await act(() =>
      render(
        <SyncStatus
          health={{
            tk: { status: 'ok', at: 1, api: { ...structuredClone(api), version: undefined } as never },
            koop: { status: 'unavailable', message: 'KOOP: answered 503', at: 1 },
          }}
        />,
        root,
      ),
    );
    expect(root.querySelector('.sync-status')!.getAttribute('aria-label')).toBe('Data sources');
    const [tk, koop] = [...root.querySelectorAll<HTMLElement>('.sync-status > li')];
    expect(tk!.textContent).toMatch(/^Tweede Kamer open data: working \(since Jan 1, 1970, \d+:\d\d [AP]M\)/);
    expect(koop!.textContent).toMatch(
      /^KOOP \(officielebekendmakingen\.nl\): unavailable \(since .*\)KOOP: answered 503$/,
    );
    // No version known: the text says so in English, the machine value stays one value for every language.
    expect(tk!.querySelector('[data-api-version]')!.getAttribute('data-api-version')).toBe('unknown');
    expect(tk!.querySelector('.version')!.textContent).toBe('unknown');
    expect(tk!.querySelector('.api p')!.textContent).toMatch(
      /^API version: unknown \(https:.*OData\/v5\), description \(\$metadata\) of Dec 1, 2026, /,
    );
    expect(tk!.querySelector('.metadata-date')!.textContent).toMatch(/^Dec 1, 2026, /);
    expect(tk!.querySelector('.fell-back')!.textContent).toBe(
      'The address set, https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0, no longer answers; Kamerlens uses https://gegevensmagazijn.tweedekamer.nl/OData/v5.',
    );
    expect(tk!.querySelector('.lacking')!.textContent).toBe('Not delivered, shown as unknown: de kabinetsappreciatie.');
  });
});

describe('the options page', () => {
  it('asks the background to try again, and shows what it answers', async () => {
    let retried = 0;
    const stop = handleMessages({
      'sync-status': () => ({ tk: { status: 'unavailable', message: 'answered 404' }, koop: { status: 'ok' } }),
      'sync-retry': () => {
        retried++;
        return { tk: { status: 'ok' }, koop: { status: 'ok' } };
      },
    });
    await act(() => render(<App />, root));
    await flush();
    expect(root.querySelector('[data-service="tk"]')!.getAttribute('data-status')).toBe('unavailable');
    await act(() => (root.querySelector('button.retry') as HTMLButtonElement).click());
    await flush();
    expect(retried).toBe(1);
    expect(root.querySelector('[data-service="tk"]')!.getAttribute('data-status')).toBe('ok');
    stop();
  });

  it('shows the saved addresses and the background’s view of the sources, and saves a change', async () => {
    await tkBaseUrl.setValue('https://gegevensmagazijn.tweedekamer.nl/OData/v5');
    const stop = handleMessages({
      'sync-status': () => ({ tk: { status: 'degraded', message: 'answered 503' }, koop: { status: 'ok' } }),
    });
    await act(() => render(<App />, root));
    await flush();
    const inputs = [...root.querySelectorAll<HTMLInputElement>('.base-url input')];
    expect(inputs.map((i) => i.value)).toEqual([
      'https://gegevensmagazijn.tweedekamer.nl/OData/v5',
      'https://repository.overheid.nl/sru',
    ]);
    expect(root.querySelector('[data-service="tk"]')!.textContent).toMatch(/storing.*answered 503/s);
    await type(inputs[0]!, 'https://gegevensmagazijn.tweedekamer.nl/OData/v6');
    await submit(root.querySelector('form')!);
    expect(await tkBaseUrl.getValue()).toBe('https://gegevensmagazijn.tweedekamer.nl/OData/v6');
    stop();
  });
});

describe('the options page in English', () => {
  it('shows its headings, the loading status, the retry button and the address fields in English', async () => {
    useMessages('en');
    let answer: (health: SyncHealth) => void = () => {};
    const stop = handleMessages({
      'sync-status': () => new Promise((resolve) => (answer = resolve)),
      'sync-retry': () => ({ tk: { status: 'ok' }, koop: { status: 'ok' } }),
    });
    await act(() => render(<App />, root));
    await flush();
    // The page's own three headings; the notes part (tests/unit/components/notes-settings.test.tsx) follows.
    expect([...root.querySelectorAll('h2')].slice(0, 3).map((h) => h.textContent)).toEqual([
      'Data sources',
      'On the page',
      'Addresses',
    ]);
    expect(root.querySelector('section p')!.textContent).toBe('Loading the status…');
    expect(root.querySelector('button.retry')!.textContent).toBe('Try again');
    expect([...root.querySelectorAll('.base-url label')].map((l) => l.textContent)).toEqual([
      'Tweede Kamer open data (OData)',
      'KOOP search service (SRU)',
    ]);
    expect([...root.querySelectorAll('.base-url button')].map((b) => b.textContent)).toEqual([
      'Save',
      'Default',
      'Save',
      'Default',
    ]);
    await act(() => answer({ tk: { status: 'degraded', message: 'answered 503' }, koop: { status: 'unknown' } }));
    await flush();
    expect(root.querySelector('[data-service="tk"]')!.textContent).toMatch(
      /^Tweede Kamer open data: failing, being retried/,
    );
    expect(root.querySelector('[data-service="koop"]')!.textContent).toBe(
      'KOOP (officielebekendmakingen.nl): not used yet',
    );
    // An address that fails the check says why in English, and the field keeps it.
    const input = root.querySelector<HTMLInputElement>('#tk-base')!;
    await type(input, 'http://example.org/OData');
    await submit(input.form!);
    expect(root.querySelector('#tk-base-message')!.textContent).toBe(
      'Use https:// (http:// only for a server on this computer).',
    );
    expect(input.value).toBe('http://example.org/OData');
    stop();
  });
});
