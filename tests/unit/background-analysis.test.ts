import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background';
import { reportedErrors } from '../../lib/log';
import { envelope, LIMITS, type Reply } from '../../lib/messaging/protocol';
import { send } from '../../lib/messaging/runtime';
import { koopBaseUrl, tkBaseUrl } from '../../lib/settings';
import { stubUnimplemented } from '../support/browser-stubs';
import { type MockApi, startMockApi } from '../support/mock-api/server';
import { motionDense } from '../support/texts';

/**
 * Issue 8, finding 10: one long `analyse-text` kept the worker busy for seconds, and every tab's lookups waited
 * behind it. The background as the browser starts it (WXT's fake browser, real message passing), as in
 * background.test.ts, with its data services pointed at the local mocks.
 */
let api: MockApi;

beforeAll(async () => {
  api = await startMockApi();
  fakeBrowser.reset();
  stubUnimplemented();
  await tkBaseUrl.setValue(api.baseUrl.tk);
  await koopBaseUrl.setValue(api.baseUrl.koop);
  background.main();
});

afterAll(async () => {
  await api.close();
});

describe('a long analysis in the background', () => {
  it('lets a lookup sent while it runs be answered before it finishes', async () => {
    // 2 MB, the most a page may send: motion-dense text (the slowest kind, ~1 MB/s) between plain prose.
    const dense = motionDense(100_000);
    const prose = 'Het kabinet informeert de Kamer over de voortgang van het beleid. '.repeat(
      (LIMITS.text - 2 * dense.length) / 66,
    );
    const text = `${dense}\n\n${prose}\n\n${dense}`.slice(0, LIMITS.text);
    const order: string[] = [];
    const analysis = send('analyse-text', { text, footnotes: [] }).then((result) => {
      order.push('analysis');
      return result;
    });
    // Once the analysis has begun (it starts after a macrotask): a worker busy with it in one go would run this
    // timer only after the whole analysis.
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push('lookup sent');
    const lookup = await send('lookup-refs', { ids: ['kst-35000-VI-59'] });
    order.push('lookup answered');
    expect(lookup.refs).toHaveLength(1);
    const result = await analysis;
    expect(order).toEqual(['lookup sent', 'lookup answered', 'analysis']);
    // The analysis itself is complete: motions from the first and from the last window.
    expect(result.motions[0]!.start).toBeLessThan(1_000);
    expect(result.motions.at(-1)!.start).toBeGreaterThan(text.length - 100_000);
  }, 120_000);
});

describe('analyses no one wants any more', () => {
  /** `analyse-text` as a content script in `tab` (frame 0) sends it: the fake browser's own sendMessage has no sender. */
  async function fromTab(tab: number, text: string): Promise<Reply<'analyse-text'>> {
    const replies: unknown[] = await fakeBrowser.runtime.onMessage.trigger(
      envelope('analyse-text', { text, footnotes: [] }),
      { tab: { id: tab } as never, frameId: 0 },
    );
    return replies.find((r) => r !== undefined) as Reply<'analyse-text'>;
  }
  /** The fake browser's events can tell whether anyone listens; the browser's own types do not say so. */
  const listensForClosedTabs = () =>
    (fakeBrowser.tabs.onRemoved as unknown as { hasListeners(): boolean }).hasListeners();
  const short = 'Hiermee geef ik uitvoering aan de motie van het lid Becker c.s. (Kamerstuk 35 000 VI, nr. 59).';

  it("are dropped when their tab closes, and the next tab's is answered; neither is reported as a fault", async () => {
    const long = fromTab(11, motionDense(LIMITS.text));
    const answered = fromTab(12, short);
    // Once the background has the requests (they are handled a microtask later), the tab closes, as the browser
    // tells it (the fake browser's own tabs.remove looks the tab's window up by the tab's id).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(listensForClosedTabs()).toBe(true);
    await fakeBrowser.tabs.onRemoved.trigger(11, { isWindowClosing: false, windowId: 1 });
    expect(await long).toEqual({ ok: false, error: expect.stringContaining('its tab was closed') });
    const reply = await answered;
    // With no analysis left, closing a tab does not concern the background (nor wake it).
    expect(listensForClosedTabs()).toBe(false);
    expect(reply.ok && reply.value.motions).toMatchObject([{ members: ['becker'], id: 'kst-35000-VI-59' }]);
    expect(reportedErrors().filter((e) => e.where.includes('analyse-text'))).toEqual([]);
  });

  it('of a page that asked again (it was reloaded): only its latest is done', async () => {
    const before = fromTab(13, motionDense(LIMITS.text));
    const after = fromTab(13, short);
    expect(await before).toEqual({ ok: false, error: expect.stringContaining('its page asked again') });
    expect((await after).ok).toBe(true);
  });
});
