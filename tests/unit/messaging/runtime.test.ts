import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { envelope, isEnvelope } from '../../../lib/messaging/protocol';
import { handleMessages, send } from '../../../lib/messaging/runtime';

describe('the message protocol', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a typed request with the handler’s value', async () => {
    handleMessages({ 'analyse-text': ({ text }) => ({ motions: [], pillars: [], echo: text }) as never });
    expect(await send('analyse-text', { text: 'hallo', footnotes: [] })).toMatchObject({ echo: 'hallo' });
  });

  it('turns a handler’s failure into an error that names the message and the reason', async () => {
    handleMessages({
      'analyse-text': () => {
        throw new Error('tekst te lang');
      },
    });
    await expect(send('analyse-text', { text: '', footnotes: [] })).rejects.toThrow(
      /analyse-text failed: tekst te lang/,
    );
  });

  it('tells the error funnel about a failing handler, and refuses a payload of the wrong shape before it runs', async () => {
    const reported: string[] = [];
    let ran = 0;
    handleMessages(
      {
        'lookup-refs': () => {
          ran++;
          return { refs: [] };
        },
        'analyse-text': () => {
          throw new Error('kapot');
        },
      },
      (where, error) => reported.push(`${where}: ${(error as Error).message}`),
    );
    await expect(send('analyse-text', { text: '', footnotes: [] })).rejects.toThrow(/kapot/);
    await expect(send('lookup-refs', { ids: 'kst-1-1' as never })).rejects.toThrow(/ids must be a list/);
    expect(ran).toBe(0);
    expect(reported).toEqual(['message analyse-text: kapot', 'message lookup-refs: lookup-refs: ids must be a list']);
  });

  it('recognises only its own envelopes', () => {
    expect(isEnvelope(envelope('analyse-text', { text: '', footnotes: [] }))).toBe(true);
    expect(isEnvelope({ name: 'analyse-text' })).toBe(false);
    expect(isEnvelope('analyse-text')).toBe(false);
  });
});
