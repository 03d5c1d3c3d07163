import { describe, expect, it } from 'vitest';
import { CHECKS, LIMITS } from '../../../lib/messaging/protocol';
import { KeptText, PARTS_TTL_MS, PendingParts, SEND_MAX, textParts } from '../../../lib/messaging/text-parts';
import { STOPPED } from '../../../lib/messaging/turns';
import { sendForAnalysis } from '../../../lib/page/analyse';
import { detectInBackground } from '../../../lib/page/detect-in-background';
import type { Footnote } from '../../../lib/refs/types';

/*
 * A long text goes to the background in parts, each a message of at most SEND_MAX characters (sending 1.3 MB was
 * one task of 12-35 ms in Chromium); the background puts them together again before the analysis.
 */

describe('cutting a text into parts', () => {
  it('keeps a short text whole and cuts a long one into parts of at most the limit, in order', () => {
    expect(textParts('kort', 10)).toEqual(['kort']);
    const text = 'abcdefghij'.repeat(25);
    const parts = textParts(text, 64);
    expect(parts.length).toBe(4);
    expect(parts.every((p) => p.length <= 64)).toBe(true);
    expect(parts.join('')).toBe(text);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(63)}😀${'b'.repeat(70)}`;
    const parts = textParts(text, 64);
    expect(parts[0]).toBe('a'.repeat(63));
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(p).toBe(JSON.parse(JSON.stringify(p)));
    expect(parts.every((p) => !/[\ud800-\udbff]$/.test(p) && !/^[\udc00-\udfff]/.test(p))).toBe(true);
  });
});

describe('the parts waiting in the background', () => {
  it('give the whole text back once, to the sender that sent them', () => {
    const parts = new PendingParts(1_000);
    parts.add('tab1:t', 0, 'aaa');
    parts.add('tab2:t', 0, 'xxx');
    parts.add('tab1:t', 1, 'bbb');
    expect(parts.take('tab1:t', 'ccc')).toBe('aaabbbccc');
    expect(() => parts.take('tab1:t', 'ccc')).toThrow(/no parts/);
    expect(parts.take('tab2:t', 'y')).toBe('xxxy');
    expect(parts.size).toBe(0);
  });

  it('refuse parts out of order or over the cap, and forget those', () => {
    const parts = new PendingParts(10);
    parts.add('k', 0, 'aaaa');
    expect(() => parts.add('k', 2, 'bbbb')).toThrow(/after 1 parts/);
    expect(parts.size).toBe(0);
    parts.add('k', 0, 'aaaaaa');
    expect(() => parts.add('k', 1, 'bbbbbb')).toThrow(/over 10/);
    expect(parts.size).toBe(0);
  });

  it('forget the parts of a text whose end never came', () => {
    let now = 0;
    const parts = new PendingParts(1_000, () => now);
    parts.add('closed-tab', 0, 'aaa');
    now += PARTS_TTL_MS + 1;
    parts.add('other', 0, 'bbb');
    expect(parts.size).toBe(1);
    expect(() => parts.take('closed-tab', '')).toThrow(/no parts/);
  });
});

describe('a long text sent for analysis', () => {
  it('travels in messages the background accepts, each at most SEND_MAX, and arrives whole with its footnotes', async () => {
    const text = 'Zie de motie van het lid Fritsma (19 637, nr. 2380). '.repeat(16_000); // ~850 KB
    const footnotes: Footnote[] = [
      { at: 10, label: '1', body: 'Kamerstuk 19 637, nr. 2380' },
      { at: text.length - 5, label: '2', body: 'Kamerstuk 36 333, nr. 39' },
    ];
    const pending = new PendingParts(LIMITS.text);
    const sizes: number[] = [];
    let analysed: { text: string; footnotes: Footnote[] } | undefined;
    const ask = (async (name: 'analyse-part' | 'analyse-text', payload: unknown) => {
      const sent = JSON.parse(JSON.stringify(payload));
      if (name === 'analyse-part') {
        const part = CHECKS['analyse-part']!(sent);
        sizes.push(part.text.length);
        pending.add(part.token, part.index, part.text);
        return undefined;
      }
      const request = CHECKS['analyse-text']!(sent);
      sizes.push(request.text.length);
      analysed = pending.complete(request.token, request.text, request.footnotes);
      return { motions: [], pillars: [] };
    }) as never;
    await sendForAnalysis(ask, text, footnotes);
    expect(sizes.length).toBe(Math.ceil(text.length / SEND_MAX));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SEND_MAX);
    expect(analysed?.text).toBe(text);
    expect(analysed?.footnotes).toEqual(footnotes);
    expect(pending.size).toBe(0);
  });

  /**
   * A background whose worker restarts, losing the parts it kept, when message number `restartAt` (0-based, in the
   * order sent) comes in, and again at each number in `more`; the errors go back as `send` throws them.
   */
  function restarting(restartAt: number, ...more: number[]) {
    let pending = new PendingParts(LIMITS.text);
    let count = 0;
    const analysed: string[] = [];
    const ask = (async (name: 'analyse-part' | 'analyse-text', payload: unknown) => {
      const sent = JSON.parse(JSON.stringify(payload));
      if (count === restartAt || more.includes(count)) pending = new PendingParts(LIMITS.text);
      count++;
      try {
        if (name === 'analyse-part') {
          const part = CHECKS['analyse-part']!(sent);
          pending.add(part.token, part.index, part.text);
          return undefined;
        }
        const request = CHECKS['analyse-text']!(sent);
        analysed.push(pending.complete(request.token, request.text, request.footnotes).text);
        return { motions: [], pillars: [] };
      } catch (error) {
        throw new Error(`Kamerlens: ${name} failed: ${(error as Error).message}`);
      }
    }) as never;
    return { ask, analysed, messages: () => count };
  }
  const long = 'Zie de motie van het lid Fritsma (19 637, nr. 2380). '.repeat(16_000); // ~850 KB, four parts

  it('is sent once more, whole, when the background restarted half-way and lost its parts', async () => {
    // Between two parts (the next one comes out of order), and before the request that ends them (no parts wait).
    for (const restartAt of [2, 3]) {
      const bg = restarting(restartAt);
      await sendForAnalysis(bg.ask, long, []);
      expect(bg.analysed).toEqual([long]);
      expect(bg.messages()).toBe(restartAt + 1 + textParts(long).length);
    }
  });

  it('gives up after sending it twice, with the background’s reason', async () => {
    const parts = textParts(long).length;
    const bg = restarting(parts - 1, 2 * parts - 1);
    await expect(sendForAnalysis(bg.ask, long, [])).rejects.toThrow(/no parts wait/);
    expect(bg.messages()).toBe(2 * parts);
  });

  it('goes whole in one message when it fits', async () => {
    const names: string[] = [];
    const ask = (async (name: string) => {
      names.push(name);
      return { motions: [], pillars: [] };
    }) as never;
    await sendForAnalysis(ask, 'Zie Kamerstuk 19 637, nr. 2380.', []);
    expect(names).toEqual(['analyse-text']);
  });

  it('is asked for once more when the background stopped it for another page of its tab, and not a third time', async () => {
    // What a page back from the back-forward cache hears: its analysis was stopped for the page that came after it
    // (lib/messaging/turns.ts), as the message layer passes the reason on.
    const stopped = () => new Error(`Kamerlens: analyse-text failed: Kamerlens: ${STOPPED}: its page asked again`);
    let calls = 0;
    const once = (async () => {
      if (++calls === 1) throw stopped();
      return { motions: [], pillars: [] };
    }) as never;
    await expect(sendForAnalysis(once, 'Zie Kamerstuk 19 637, nr. 2380.', [])).resolves.toEqual({
      motions: [],
      pillars: [],
    });
    expect(calls).toBe(2);
    calls = 0;
    const always = (async () => {
      calls++;
      throw stopped();
    }) as never;
    await expect(sendForAnalysis(always, 'Zie Kamerstuk 19 637, nr. 2380.', [])).rejects.toThrow(STOPPED);
    expect(calls).toBe(2);
  });

  it('is refused for a part too long or without a token', () => {
    const check = CHECKS['analyse-part']!;
    expect(() => check({ token: 't', index: 0, text: 'x'.repeat(SEND_MAX + 1) })).toThrow(/at most/);
    expect(() => check({ index: 0, text: 'x' })).toThrow(/token/);
    expect(() => check({ token: 't', index: -1, text: 'x' })).toThrow(/index/);
    expect(() => CHECKS['analyse-text']!({ text: '', footnotes: [], token: 5 })).toThrow(/token/);
  });
});

describe('the first pass’s text, kept by the background for the analysis', () => {
  /**
   * The background's three handlers as entrypoints/background.ts has them, behind the real message checks and JSON,
   * failing the way the runtime fails (`Kamerlens: <name> failed: <reason>`).
   */
  function background(pending = new PendingParts(LIMITS.text)) {
    const sent: { name: string; length: number }[] = [];
    const analysed: { text: string; footnotes: Footnote[] }[] = [];
    let failAnalysis = false;
    const ask = (async (name: 'detect-papers' | 'analyse-part' | 'analyse-text', payload: unknown) => {
      const wire = JSON.parse(JSON.stringify(payload));
      try {
        if (name === 'detect-papers') {
          const request = CHECKS['detect-papers']!(wire);
          sent.push({ name, length: request.text.length });
          if (request.token !== undefined) pending.add(request.token, 0, request.text);
          return { found: [] };
        }
        if (name === 'analyse-part') {
          const part = CHECKS['analyse-part']!(wire);
          pending.add(part.token, part.index, part.text);
          return undefined;
        }
        const request = CHECKS['analyse-text']!(wire);
        sent.push({ name, length: request.text.length });
        analysed.push(pending.complete(request.token, request.text, request.footnotes));
        if (failAnalysis) throw new Error('the analysis broke');
        return { motions: [], pillars: [] };
      } catch (error) {
        throw new Error(`Kamerlens: ${name} failed: ${(error as Error).message}`);
      }
    }) as never;
    return { ask, sent, analysed, pending, fail: () => (failAnalysis = true) };
  }

  const text = 'Zie de motie van het lid Fritsma (19 637, nr. 2380). '.repeat(2_000); // ~106 KB, one message
  const footnotes: Footnote[] = [{ at: text.length - 3, label: '1', body: 'Kamerstuk 19 637, nr. 2380' }];

  it('is sent once: the analysis of the same text sends only its token, and gets the whole text and footnotes', async () => {
    const bg = background();
    const kept = new KeptText();
    await detectInBackground(bg.ask, kept)(text);
    await sendForAnalysis(bg.ask, text, footnotes, kept);
    expect(bg.sent).toEqual([
      { name: 'detect-papers', length: text.length },
      { name: 'analyse-text', length: 0 },
    ]);
    expect(bg.analysed).toEqual([{ text, footnotes }]);
    expect(bg.pending.size).toBe(0);
  });

  it('is not used for another text, nor twice, and later first-pass texts are not kept', async () => {
    const bg = background();
    const kept = new KeptText();
    const detect = detectInBackground(bg.ask, kept);
    await detect(text);
    await detect('Zie Kamerstuk 36 333, nr. 39.');
    expect(bg.pending.size).toBe(1);
    const other = `${text} En de motie op stuk nr. 44.`;
    await sendForAnalysis(bg.ask, other, [], kept);
    await sendForAnalysis(bg.ask, text, footnotes, kept);
    await sendForAnalysis(bg.ask, text, footnotes, kept);
    expect(bg.sent.filter((s) => s.name === 'analyse-text').map((s) => s.length)).toEqual([
      other.length,
      0,
      text.length,
    ]);
    expect(bg.analysed.map((a) => a.text)).toEqual([other, text, text]);
  });

  it('is sent after all when the background lost it (its worker restarted in between)', async () => {
    const first = background();
    const kept = new KeptText();
    await detectInBackground(first.ask, kept)(text);
    const restarted = background();
    await sendForAnalysis(restarted.ask, text, footnotes, kept);
    expect(restarted.sent.map((s) => s.length)).toEqual([0, text.length]);
    expect(restarted.analysed.at(-1)).toEqual({ text, footnotes });
  });

  it('is not sent again when the analysis itself failed: that failure is the answer', async () => {
    const bg = background();
    const kept = new KeptText();
    await detectInBackground(bg.ask, kept)(text);
    bg.fail();
    await expect(sendForAnalysis(bg.ask, text, footnotes, kept)).rejects.toThrow(/the analysis broke/);
    expect(bg.sent.filter((s) => s.name === 'analyse-text')).toHaveLength(1);
  });

  it('refuses a bad token on detect-papers', () => {
    expect(() => CHECKS['detect-papers']!({ text: 'x', token: 5 })).toThrow(/token/);
    expect(() => CHECKS['detect-papers']!({ text: 'x', token: 'x'.repeat(65) })).toThrow(/token/);
    expect(CHECKS['detect-papers']!({ text: 'x', token: 't' })).toEqual({ text: 'x', token: 't' });
  });
});
