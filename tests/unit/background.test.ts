import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background';
import { envelope } from '../../lib/messaging/protocol';
import { send } from '../../lib/messaging/runtime';
import { koopBaseUrl, migrateTkBaseUrlV2, tkBaseUrl } from '../../lib/settings';
import { TK_DEFAULT_BASE, TK_LEGACY_BASE } from '../../lib/tk/versions';
import { type fakeEvent, stubUnimplemented } from '../support/browser-stubs';
import { type MockApi, startMockApi } from '../support/mock-api/server';

/**
 * The background as the browser starts it (WXT's fake browser: real message passing, alarms and storage, in
 * memory), with its data services pointed at the local mocks through the settings a user would change.
 */
let api: MockApi;

beforeAll(async () => {
  api = await startMockApi();
});

afterAll(async () => {
  await api.close();
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Fires the wake alarm when the background has set one, as the browser would once it falls due: what waits for a
 * backoff (or was queued while a round was ending) is fetched then, not by a timer in the worker.
 */
async function fireWake(): Promise<void> {
  const wake = await fakeBrowser.alarms.get('kamerlens-wake');
  if (wake) await fakeBrowser.alarms.onAlarm.trigger(wake);
}

/*
 * Before the background runs (its settings watchers would act on every value written here): what a worker started
 * after the update finds in storage. WXT keeps an item's version beside it, under the key with a `$` appended.
 */
describe('the TK base URL setting, version 2', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const stored = async () => fakeBrowser.storage.local.get(['tkBaseUrl', 'tkBaseUrl$']);

  it.each([
    ['Kamerlens’ old default', TK_LEGACY_BASE, TK_DEFAULT_BASE],
    ['the old default with a slash', `${TK_LEGACY_BASE}/`, TK_DEFAULT_BASE],
    ['a URL the user typed', 'https://proxy.example.org/OData/v4/2.0', 'https://proxy.example.org/OData/v4/2.0'],
    ['a mirror of v5', 'https://tk.example.org/OData/v5', 'https://tk.example.org/OData/v5'],
  ])('moves a version-1 value: %s', async (_what, saved, expected) => {
    await fakeBrowser.storage.local.set({ tkBaseUrl: saved, tkBaseUrl$: { v: 1 } });
    // What WXT runs when the item is defined, at every worker start.
    await tkBaseUrl.migrate();
    expect(await tkBaseUrl.getValue()).toBe(expected);
    expect(await stored()).toEqual({ tkBaseUrl: expected, tkBaseUrl$: { v: 2 } });
    // Once: a second start changes nothing.
    await tkBaseUrl.migrate();
    expect(await stored()).toEqual({ tkBaseUrl: expected, tkBaseUrl$: { v: 2 } });
  });

  it('treats a value without version as version 1', async () => {
    await fakeBrowser.storage.local.set({ tkBaseUrl: TK_LEGACY_BASE });
    await tkBaseUrl.migrate();
    expect(await stored()).toEqual({ tkBaseUrl: TK_DEFAULT_BASE, tkBaseUrl$: { v: 2 } });
  });

  it('keeps v4/2.0 when the user chose it after the update', async () => {
    await fakeBrowser.storage.local.set({ tkBaseUrl: TK_LEGACY_BASE, tkBaseUrl$: { v: 2 } });
    await tkBaseUrl.migrate();
    expect(await tkBaseUrl.getValue()).toBe(TK_LEGACY_BASE);
  });

  it('defaults to v5 when nothing is stored', async () => {
    await tkBaseUrl.migrate();
    expect(await tkBaseUrl.getValue()).toBe(TK_DEFAULT_BASE);
    expect(migrateTkBaseUrlV2(TK_LEGACY_BASE)).toBe(TK_DEFAULT_BASE);
  });
});

let menus: ReturnType<typeof stubUnimplemented>['menus'];

describe('the background', () => {
  beforeAll(async () => {
    fakeBrowser.reset();
    ({ menus } = stubUnimplemented());
    await tkBaseUrl.setValue(api.baseUrl.tk);
    await koopBaseUrl.setValue(api.baseUrl.koop);
    background.main();
  });

  it('offers "Notitie bij selectie" on selections, and answers a page with no notes with none', async () => {
    await until(
      async () => menus.length,
      (n) => n === 1,
    );
    expect(menus[0]).toMatchObject({ id: 'kamerlens-note-selection', contexts: ['selection'] });
    expect(await send('page-notes', { documentId: 'kst-19637-2535' })).toEqual({
      documentId: 'kst-19637-2535',
      passages: [],
    });
  });

  it('hears the panel command and tells the tab, through the listener it registers', async () => {
    const sent: [number, unknown][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
      sent.push([tabId, message]);
      return { ok: true, value: undefined };
    }) as typeof fakeBrowser.tabs.sendMessage);
    // As the browser calls every onCommand listener for a shortcut (the fake event of tests/support/browser-stubs.ts).
    const onCommand = (fakeBrowser as unknown as { commands: { onCommand: ReturnType<typeof fakeEvent> } }).commands
      .onCommand;
    await onCommand.trigger('toggle-panel', { id: 12 });
    await until(
      async () => sent.length,
      (n) => n > 0,
    );
    expect(sent).toEqual([[12, envelope('toggle-panel', {})]]);
  });

  it('creates the periodic refresh when it is missing', async () => {
    const alarm = await until(
      () => fakeBrowser.alarms.get('kamerlens-refresh'),
      (a) => a !== undefined,
    );
    expect(alarm).toMatchObject({ name: 'kamerlens-refresh', periodInMinutes: 30 });
  });

  it('answers lookups from its cache at once and fills it from the services it is set to', async () => {
    const ids = ['kst-35000-VI-59', 'stb-2019-143'];
    const first = await send('lookup-refs', { ids });
    expect(first.refs.map((r) => r.state)).toEqual(['pending', 'pending']);
    const filled = await until(
      () => send('lookup-refs', { ids }),
      (r) => r.refs.every((ref) => ref.state === 'fresh'),
    );
    expect(filled.refs[0]!.motion?.status).toBe('aangenomen');
    expect(api.requests.every((r) => r.url.startsWith('/OData/v5/') || r.url.startsWith('/sru'))).toBe(true);
    expect(api.requests.filter((r) => r.url === '/OData/v5/$metadata')).toHaveLength(1);
    expect(await send('sync-status', {})).toMatchObject({
      tk: { status: 'ok', api: { version: 'v5', fellBack: false } },
      koop: { status: 'ok' },
    });
  });

  it('refreshes followed dossiers incrementally when the alarm fires', async () => {
    api.clearRequests();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'kamerlens-refresh', scheduledTime: Date.now() });
    const changed = await until(
      async () => api.requests.map((r) => decodeURIComponent(r.url)),
      (urls) => urls.some((u) => u.includes('ApiGewijzigdOp gt')),
    );
    // A motion of 35000-VI was cached above, so that dossier is followed; the instant is in Dutch time.
    const query = changed.find((u) => u.includes('ApiGewijzigdOp gt'))!;
    expect(query).toContain('Nummer eq 35000');
    expect(query).toMatch(/ApiGewijzigdOp gt \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00/);
  });

  it('finds motions and pillars in a text for the content script', async () => {
    const analysis = await send('analyse-text', {
      text: 'Hiermee komt het kabinet tegemoet aan de motie van het lid Groothuizen c.s. (Kamerstuk 35 000 VI, nr. 59).',
      footnotes: [],
    });
    expect(analysis.motions).toMatchObject([{ members: ['groothuizen'], id: 'kst-35000-VI-59' }]);
  });

  it('asks an unavailable TK again on “Opnieuw proberen” (sync-retry), falling back to v5 for a saved v4/2.0 URL', async () => {
    // A v4/2.0 URL saved before the TK retired it, while the TK answers nothing at all.
    api.setFault('tk', { mode: 'gone404' });
    await tkBaseUrl.setValue(api.baseUrl.tkV4);
    const id = 'kst-19637-2623';
    await send('lookup-refs', { ids: [id] });
    const down = await until(
      async () => {
        await fireWake();
        return send('sync-status', {});
      },
      (h) => h.tk.status === 'unavailable',
    );
    expect(down.tk.message).toMatch(/404/);
    // KOOP's record meanwhile, with the reason the motion's outcome is not known.
    const meanwhile = (await send('lookup-refs', { ids: [id] })).refs[0]!;
    expect(meanwhile).toMatchObject({ source: 'koop', motion: { status: 'onbekend', reason: expect.any(String) } });

    api.resetFaults();
    const health = await send('sync-retry', {});
    expect(health.tk.status).not.toBe('unavailable');
    const healed = await until(
      async () => {
        await fireWake();
        return send('lookup-refs', { ids: [id] });
      },
      (r) => r.refs[0]!.source === 'tk',
    );
    expect(healed.refs[0]!.motion?.status).toBe('aangehouden');
    expect(await send('sync-status', {})).toMatchObject({
      tk: { status: 'ok', api: { configuredBaseUrl: api.baseUrl.tkV4, version: 'v5', fellBack: true } },
    });
    expect(api.requests.some((r) => r.url.startsWith('/OData/v5/Document'))).toBe(true);
    await tkBaseUrl.setValue(api.baseUrl.tk);
  });

  it('keeps an existing refresh alarm when a worker starts again, instead of pushing it out', async () => {
    const when = Date.now() + 7 * 60_000;
    await fakeBrowser.alarms.create('kamerlens-refresh', { when, periodInMinutes: 30 });
    const get = vi.spyOn(fakeBrowser.alarms, 'get');
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    // The worker was stopped and is started again (the browser keeps its alarms).
    background.main();
    expect(get).toHaveBeenCalledWith('kamerlens-refresh');
    await get.mock.results[0]!.value;
    await new Promise((r) => setTimeout(r, 0));
    expect(create.mock.calls.filter((call) => (call as unknown[])[0] === 'kamerlens-refresh')).toEqual([]);
    expect(await fakeBrowser.alarms.get('kamerlens-refresh')).toMatchObject({
      scheduledTime: when,
      periodInMinutes: 30,
    });
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name === 'kamerlens-refresh')).toHaveLength(1);
  });
});
