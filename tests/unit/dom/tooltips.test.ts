import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KamerlensDB } from '../../../lib/db/schema';
import { applyInfos, describe as describeRef } from '../../../lib/dom/badges';
import { OwnLinks } from '../../../lib/dom/identity';
import { getJson, getText, ServiceError } from '../../../lib/net/http';
import { createSync, Resolver } from '../../../lib/sync';
import { errorCategory, type RefError, type RefInfo, readInfos } from '../../../lib/sync/info';
import { useMessages } from '../../support/i18n';
import { type MockApi, startMockApi } from '../../support/mock-api/server';

/**
 * Issue finding 11: a failed reference's tooltip quoted the service's message, with the full request URL: 10 KB and
 * more of query, every id of the batch, any userinfo of the base URL, readable by every page on a matched host. The
 * page gets a short category now; the message stays in the background, for the options page (the sync health).
 */

/** A request URL as the sync builds them: userinfo from a configured base URL, and an id list kilobytes long. */
const BATCH = Array.from({ length: 400 }, (_, i) => `kst-${30000 + i}-${i + 1}`);
const URL_ = `https://user:secret@repository.overheid.nl/sru?operation=searchRetrieve&query=${encodeURIComponent(
  BATCH.map((id) => `dt.identifier="${id}"`).join(' OR '),
)}`;

/** The message getText/getJson throw for an answer, as the resolver stores it in the fetch row. */
async function messageFor(answer: () => Promise<Response>, json = false): Promise<string> {
  const fetch = (async () => answer()) as typeof globalThis.fetch;
  try {
    await (json ? getJson('KOOP SRU', URL_, { fetch }) : getText('KOOP SRU', URL_, { fetch }));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no failure');
}

// The tooltips are the browser's messages: Dutch ones here, as the assertions read.
beforeEach(() => useMessages('nl'));

const noUrl = (text: string) => {
  expect(text).not.toMatch(/:\/\/|repository\.overheid|secret|kst-30001|sru|%3D/i);
  expect(text.length).toBeLessThan(120);
};

describe('the category of a failure', () => {
  it.each<[string, () => Promise<string>, RefError]>([
    [
      'a network failure',
      () =>
        messageFor(async () => {
          throw new TypeError('fetch failed');
        }),
      'unreachable',
    ],
    ['a 503', () => messageFor(async () => new Response('', { status: 503 })), 'unreachable'],
    [
      'a 429',
      () => messageFor(async () => new Response('', { status: 429, headers: { 'retry-after': '5' } })),
      'unreachable',
    ],
    ['a 404', () => messageFor(async () => new Response('', { status: 404 })), 'gone'],
    ['a 410', () => messageFor(async () => new Response('', { status: 410 })), 'gone'],
    ['a 400', () => messageFor(async () => new Response('query too complex', { status: 400 })), 'refused'],
    ['a 403', () => messageFor(async () => new Response('', { status: 403 })), 'refused'],
    ['an answer that is not JSON', () => messageFor(async () => new Response('<html>'), true), 'unreadable'],
    [
      'an SRU diagnostic',
      async () =>
        new ServiceError('KOOP SRU', 'diagnostic', `refused the request: unsupported index (${URL_})`).message,
      'refused',
    ],
    ['an unavailable KOOP', async () => 'KOOP is niet bereikbaar', 'unreachable'],
    [
      'what the TK API no longer delivers',
      async () => 'de Tweede Kamer API levert de stemmingen niet meer',
      'unsupported',
    ],
    ['anything else', async () => `TypeError: x is undefined at ${URL_}`, 'unknown'],
  ])('is named for %s, and the tooltip says so without the URL', async (_name, message, category) => {
    const text = await message();
    expect(errorCategory(text)).toBe(category);
    noUrl(describeRef({ id: 'stb-2019-143', state: 'failed', error: errorCategory(text) }));
  });

  it('is unknown for a message that is not one, and a tooltip never shows what came as the error', () => {
    expect(errorCategory(undefined)).toBe('unknown');
    const legacy = {
      id: 'stb-2019-143',
      state: 'failed',
      error: `KOOP SRU: ${URL_} answered 404`,
    } as unknown as RefInfo;
    expect(describeRef(legacy)).toBe('Kamerlens: gegevens niet beschikbaar (onbekende fout)');
  });
});

describe('what the page is sent and shown for a failed reference', () => {
  let db: KamerlensDB;
  beforeEach(() => {
    db = new KamerlensDB(`tooltips-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('is a category, from a fetch row whose error names a 10 KB URL with userinfo', async () => {
    const lastError = `KOOP SRU: ${URL_} answered 404`;
    expect(lastError.length).toBeGreaterThan(10_000);
    await db.fetches.put({
      id: 'stb-2019-143',
      kind: 'staatsblad',
      status: 'failed',
      nextAttemptAt: 0,
      attempts: 1,
      lastError,
      freshUntil: 0,
      tabs: [],
    });
    const [info] = await readInfos(db, ['stb-2019-143'], Date.now());
    expect(info).toEqual({ id: 'stb-2019-143', state: 'failed', error: 'gone' });

    // A page of its own: this file runs in Node, whose fetch the resolver below needs (happy-dom's applies CORS).
    const { document } = new Window() as unknown as { document: Document };
    document.body.innerHTML =
      '<p><a class="kamerlens-ref" data-kamerlens-ref="stb-2019-143" data-kamerlens-kind="staatsblad">Stb. 2019, 143</a></p>';
    const own = new OwnLinks();
    own.claim(document.querySelector('a')!, 'stb-2019-143');
    applyInfos(document, [info!], own);
    const title = document.querySelector('a')!.title;
    expect(title).toBe('Kamerlens: gegevens niet beschikbaar (bron niet gevonden)');
    expect(document.body.innerHTML).not.toMatch(/:\/\/|secret|sru/);
  });
});

describe('a failing service, through the resolver', () => {
  let api: MockApi;
  let db: KamerlensDB;
  beforeAll(async () => {
    api = await startMockApi();
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    db = new KamerlensDB(`tooltips-sync-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('keeps the message for the options page and gives the tabs only its category', async () => {
    api.setFault('koop', { mode: 'gone404' });
    const notified: RefInfo[][] = [];
    const sync = createSync(
      db,
      { tkBaseUrl: async () => api.baseUrl.tk, koopBaseUrl: async () => api.baseUrl.koop },
      { notify: (_tab, refs) => void notified.push(refs) },
    );
    const resolver = new Resolver(sync);
    const ids = ['stb-2019-143', 'stcrt-2020-31064'];
    await resolver.lookup(ids, 1);
    await resolver.run();
    const { refs, health } = await resolver.lookup(ids, 1);
    expect(refs).toEqual(ids.map((id) => ({ id, state: 'failed', error: 'gone' })));
    // The options page has the whole story, URL included (lib/sync/health.ts).
    expect(health.koop).toMatchObject({ status: 'unavailable', message: expect.stringMatching(/\/sru.*answered 404/) });
    for (const ref of [...refs, ...notified.flat()]) noUrl(JSON.stringify(ref));
  });
});
