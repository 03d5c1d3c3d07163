import { describe, expect, it } from 'vitest';
import { analyseText, analyseTextInWindows, windowEnd } from '../../../lib/refs/analyse';
import { findFootnotes } from '../../../lib/refs/footnotes';
import { corpusNames, corpusText, HAS_SHARED } from '../../support/shared';
import { motionDense } from '../../support/texts';

/** No pause at all: the windows still run one after the other, and the test runs at full speed. */
const noPause = async () => {};

async function windowed(text: string, window: number) {
  let pauses = 0;
  const analysis = await analyseTextInWindows(text, findFootnotes(text), {
    window,
    pause: async () => {
      pauses++;
    },
  });
  return { analysis, pauses };
}

describe('analysis in windows', () => {
  const texts: [string, string][] = [
    ['motion-dense text', motionDense(40_000)],
    [
      'a motion and its footnote across windows',
      `${'Tekst over iets anders. '.repeat(60)}De motie van het lid Becker8 is aangenomen.\n\n${'Meer tekst. '.repeat(80)}\n8 Kamerstuk 35 300 VI, nr. 37.\n`,
    ],
    [
      'a section about a pillar whose heading is far from its paragraphs',
      `4. Minder illegaliteit, meer terugkeer\n\n${'Het kabinet zet in op terugkeer en vertrek. '.repeat(200)}\n\nZoals onder pijler drie genoemd, wordt de asielprocedure verkort.`,
    ],
    ['an empty text', ''],
  ];

  it.each(texts)('gives the result of the whole text at once: %s', async (_what, text) => {
    const whole = analyseText(text, findFootnotes(text));
    for (const window of [1, 97, 1_000, 32_000]) {
      const { analysis } = await windowed(text, window);
      expect(analysis, `window ${window}`).toEqual(whole);
    }
  });

  it.skipIf(!HAS_SHARED)('gives the result of the whole text at once on the corpus letters', async () => {
    for (const name of corpusNames()) {
      const text = corpusText(name);
      expect((await windowed(text, 5_000)).analysis, name).toEqual(analyseText(text, findFootnotes(text)));
    }
  });

  it('pauses between windows, about once per window of text', async () => {
    const text = motionDense(50_000);
    const { pauses } = await windowed(text, 5_000);
    // At least one pause per 5 000 characters (windows end at white space, so a little earlier), and after the
    // paper pass.
    expect(pauses).toBeGreaterThanOrEqual(10);
    expect(pauses).toBeLessThanOrEqual(25);
  });

  it('stops at the pause after its signal is aborted, with its reason, and reads no further window', async () => {
    const text = motionDense(50_000);
    const controller = new AbortController();
    let pauses = 0;
    const stopped = analyseTextInWindows(text, [], {
      window: 5_000,
      signal: controller.signal,
      pause: async () => {
        // Aborted while the third window's pause runs (the tab closed).
        if (++pauses === 3) controller.abort(new DOMException('its tab was closed', 'AbortError'));
      },
    });
    await expect(stopped).rejects.toThrow('its tab was closed');
    expect(pauses).toBe(3);
    // Aborted before it starts: it never reads the text.
    await expect(
      analyseTextInWindows(text, [], { signal: AbortSignal.abort(new Error('gone')), pause: noPause }),
    ).rejects.toThrow('gone');
  });

  it('with a signal that is never aborted, finds what it finds without one', async () => {
    const text = motionDense(20_000);
    const plain = await analyseTextInWindows(text, [], { window: 3_000, pause: noPause });
    const signalled = await analyseTextInWindows(text, [], {
      window: 3_000,
      pause: noPause,
      signal: new AbortController().signal,
    });
    expect(signalled).toEqual(plain);
    expect(plain.motions.length).toBeGreaterThan(10);
  });

  it('finds the motions with no pause at all', async () => {
    const text =
      'Hiermee komt het kabinet tegemoet aan de motie van het lid Groothuizen c.s. (Kamerstuk 35 000 VI, nr. 59).';
    const analysis = await analyseTextInWindows(text, [], { pause: noPause, window: 10 });
    expect(analysis.motions).toMatchObject([{ members: ['groothuizen'], id: 'kst-35000-VI-59' }]);
  });
});

describe('windowEnd', () => {
  it.each([
    ['at a blank line in the second half', 'aaaa bbbb\n\ncccc dddd eeee', 0, 14, 10],
    ['at white space when there is no blank line', 'aaaa bbbb cccc dddd', 0, 12, 9],
    ['in the word when the second half has no white space', 'aaaa bbbbbbbbbbbbbbbbbbb', 0, 14, 14],
    ['at the end of the text', 'aaaa bbbb', 0, 40, 9],
    ['never before the first half of the window', 'a\n\nbbbbbbbbbbbbbbbbbbbbbb', 0, 20, 20],
  ])('%s', (_what, text, from, at, expected) => {
    expect(windowEnd(text, from, at)).toBe(expected);
  });
});
