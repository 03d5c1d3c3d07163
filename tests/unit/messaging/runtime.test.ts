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

  it('recognises only its own envelopes', () => {
    expect(isEnvelope(envelope('analyse-text', { text: '', footnotes: [] }))).toBe(true);
    expect(isEnvelope({ name: 'analyse-text' })).toBe(false);
    expect(isEnvelope('analyse-text')).toBe(false);
  });
});
