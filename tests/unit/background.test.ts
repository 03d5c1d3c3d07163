import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background';
import { send } from '../../lib/messaging/runtime';
import { koopBaseUrl, tkBaseUrl } from '../../lib/settings';
import { type MockApi, startMockApi } from '../support/mock-api/server';

/**
 * The background as the browser starts it (WXT's fake browser: real message passing, alarms and storage, in
 * memory), with its data services pointed at the local mocks through the settings a user would change.
 */
let api: MockApi;

beforeAll(async () => {
  fakeBrowser.reset();
  api = await startMockApi();
  await tkBaseUrl.setValue(api.baseUrl.tk);
  await koopBaseUrl.setValue(api.baseUrl.koop);
  background.main();
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

describe('the background', () => {
  it('registers the periodic refresh', async () => {
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toContain('kamerlens-refresh');
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
    expect(api.requests.every((r) => r.url.startsWith('/OData/v4/2.0/') || r.url.startsWith('/sru'))).toBe(true);
    expect(await send('sync-status', {})).toMatchObject({ tk: { status: 'ok' }, koop: { status: 'ok' } });
  });

  it('refreshes followed dossiers incrementally when the alarm fires', async () => {
    api.clearRequests();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'kamerlens-refresh', scheduledTime: Date.now() });
    const changed = await until(
      async () => api.requests.map((r) => decodeURIComponent(r.url)),
      (urls) => urls.some((u) => u.includes('ApiGewijzigdOp gt')),
    );
    // A motion of 35000-VI was cached above, so that dossier is followed.
    expect(changed.find((u) => u.includes('ApiGewijzigdOp gt'))).toContain('Nummer eq 35000');
  });

  it('finds motions and pillars in a text for the content script', async () => {
    const analysis = await send('analyse-text', {
      text: 'Hiermee komt het kabinet tegemoet aan de motie van het lid Groothuizen c.s. (Kamerstuk 35 000 VI, nr. 59).',
      footnotes: [],
    });
    expect(analysis.motions).toMatchObject([{ members: ['groothuizen'], id: 'kst-35000-VI-59' }]);
  });
});
