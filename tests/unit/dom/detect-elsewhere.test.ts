// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { scanRoots } from '../../../lib/dom/scan';
import { findPapers, readFound } from '../../../lib/messaging/found-papers';
import { CHECKS, LIMITS } from '../../../lib/messaging/protocol';
import { SEND_MAX } from '../../../lib/messaging/text-parts';
import { detectInBackground } from '../../../lib/page/detect-in-background';
import type { DetectContext } from '../../../lib/refs/types';
import { corpusNames, corpusText } from '../../support/shared';

/*
 * The first pass asks the background for the papers of the page's text (lib/messaging/found-papers.ts). What the
 * page shows must be the same as when the page detects them itself, and a background that cannot answer must cost
 * nothing but the wait.
 */

afterEach(() => {
  document.body.innerHTML = '';
});

/** A page of paragraphs, some with inline markup and a link of the page's own, as a verslag has them. */
function page(text: string): string {
  const paragraphs = text.split(/\n\s*\n/).map((p, i) => {
    const escaped = p.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return i % 7 === 3 ? `<p><em>${escaped}</em> <a href="/x">zie ook</a></p>` : `<p>${escaped}</p>`;
  });
  return `<main>${paragraphs.join('')}</main>`;
}

/** The background's side as the message carries it: checked like a page's message, answered, and back as JSON. */
function background(calls: string[] = []) {
  return detectInBackground((async (name: string, payload: unknown) => {
    calls.push(name);
    const { text, context } = CHECKS['detect-papers']!(payload);
    return JSON.parse(JSON.stringify({ found: findPapers(text, context) }));
  }) as never);
}

async function linked(html: string, options: Parameters<typeof scanRoots>[1] = {}) {
  document.body.innerHTML = html;
  const count = await scanRoots([document.querySelector('main')!], options);
  return { count, html: document.body.innerHTML };
}

const TEXTS: [string, string][] = [
  [
    'citations',
    'Zie Kamerstuk 19 637, nr. 2375 en Kamerstukken 36 410 VI, nrs. 12 en 13.\n\nHandelingen II 2019/20, nr. 27, item 10; Stb. 2019, 143.',
  ],
  [
    'a long paragraph',
    Array.from({ length: 2_000 }, (_, i) => `Zie Kamerstuk ${30000 + i}, nr. ${1 + (i % 90)}. `).join(''),
  ],
];

describe('papers found in the background', () => {
  it.each(TEXTS)('give the page the same links as its own detector: %s', async (_name, text) => {
    const here = await linked(page(text));
    const calls: string[] = [];
    const there = await linked(page(text), { detect: background(calls) });
    expect(calls).toEqual(['detect-papers']);
    expect(there.count).toBe(here.count);
    expect(there.html).toBe(here.html);
    expect(here.count).toBeGreaterThan(2);
  });

  it('are what the page links: it does not detect again', async () => {
    const text = TEXTS[0]![1];
    const one = findPapers(text).slice(1, 2);
    await linked(page(text), { detect: async (t) => readFound(one, t.length) });
    expect([...document.querySelectorAll('[data-kamerlens-ref]')].map((a) => a.textContent)).toEqual([
      text.slice(one[0]![2], one[0]![3]),
    ]);
  });

  it.skipIf(!corpusNames().length)('give the same links on every corpus letter', async () => {
    for (const name of corpusNames()) {
      const text = corpusText(name);
      const here = await linked(page(text));
      const there = await linked(page(text), { detect: background() });
      expect(there.html, name).toBe(here.html);
    }
  });

  it('complete references with the page’s own dossier, as the page’s detector does', async () => {
    const context: DetectContext = { id: 'kst-36333-39' };
    const text = 'De motie op stuk nr. 44 is aangenomen.';
    const here = await linked(page(text), { context });
    const there = await linked(page(text), { context, detect: background() });
    expect(there.html).toBe(here.html);
    expect(document.querySelector('[data-kamerlens-ref]')?.getAttribute('data-kamerlens-ref')).toBe('kst-36333-44');
  });

  it('link only the kinds switched on', async () => {
    const text = TEXTS[0]![1];
    const kinds = (kind: string) => kind !== 'staatsblad';
    const there = await linked(page(text), { kinds, detect: background() });
    expect(there.html).toBe((await linked(page(text), { kinds })).html);
    expect(document.querySelector('[data-kamerlens-kind="staatsblad"]')).toBeNull();
  });
});

describe('a background that cannot answer', () => {
  it.each([
    ['fails', async () => Promise.reject(new Error('Could not establish connection'))],
    ['answers nothing', async () => undefined],
  ])('that %s: the page detects itself', async (_name, detect) => {
    const text = TEXTS[0]![1];
    const here = await linked(page(text));
    const there = await linked(page(text), { detect });
    expect(there.html).toBe(here.html);
    expect(there.count).toBe(here.count);
  });

  it('is not asked for a text too long to send in one task, nor one over the message’s cap', async () => {
    const calls: string[] = [];
    const detect = detectInBackground((async (name: string) => {
      calls.push(name);
      return { found: [] };
    }) as never);
    expect(await detect('x'.repeat(LIMITS.text + 1))).toBeUndefined();
    expect(await detect('x'.repeat(SEND_MAX + 1))).toBeUndefined();
    expect(calls).toEqual([]);
    expect(await detect('x'.repeat(SEND_MAX))).toEqual([]);
    expect(calls).toEqual(['detect-papers']);
  });
});

describe('the answer, read back against its text', () => {
  it('keeps papers inside the text, in order, and drops anything else', () => {
    const found = [
      ['kamerstuk', 'kst-19637-2375', 4, 30],
      ['kamerstuk', 'kst-1-1', 10, 20], // overlaps the one before
      ['motion', 'x', 31, 35], // not a paper
      ['kamerstuk', '', 31, 35], // no id
      ['staatsblad', 'stb-2019-143', 40, 40], // empty
      ['staatsblad', 'stb-2019-143', 40.5, 50], // not an offset
      ['staatsblad', 'stb-2019-143', 40, 51], // past the text
      ['kamerstuk', 'kst-1', 1, 2, 3], // not four
      'kst-2-2',
      ['staatsblad', 'stb-2019-143', 40, 50],
    ];
    expect(readFound(found, 50)).toEqual([
      { kind: 'kamerstuk', id: 'kst-19637-2375', start: 4, end: 30 },
      { kind: 'staatsblad', id: 'stb-2019-143', start: 40, end: 50 },
    ]);
    expect(readFound({ found }, 50)).toBeUndefined();
    expect(readFound(null, 50)).toBeUndefined();
  });

  it('is refused by the background for a text that is no string or over the cap, and loses a bad context', () => {
    const check = CHECKS['detect-papers']!;
    expect(() => check({ text: 5 })).toThrow(/detect-papers/);
    expect(() => check({ text: 'x'.repeat(LIMITS.text + 1) })).toThrow(/at most/);
    expect(check({ text: 'a', context: { id: 'kst-1-2', dossier: 7, toevoeging: 'x'.repeat(100) } })).toEqual({
      text: 'a',
      context: { id: 'kst-1-2' },
    });
    expect(check({ text: 'a', context: 'kst-1-2' })).toEqual({ text: 'a' });
  });
});
