import { describe, expect, it } from 'vitest';
import { CHECKS, InvalidMessage, LIMITS } from '../../../lib/messaging/protocol';

describe('message checks', () => {
  const lookup = CHECKS['lookup-refs']!;
  const analyse = CHECKS['analyse-text']!;

  it('refuses payloads of the wrong shape with a reason', () => {
    for (const bad of [null, 'x', { ids: 'kst-1-1' }, { ids: {} }]) expect(() => lookup(bad)).toThrow(InvalidMessage);
    for (const bad of [null, { text: 1, footnotes: [] }, { text: 'x' }, { text: 'x', footnotes: {} }])
      expect(() => analyse(bad)).toThrow(InvalidMessage);
  });

  it('cuts an id list to its caps: no long ids, no duplicates, no more than the limit', () => {
    const planted = `kst-12345-${'A'.repeat(10_000)}-1`;
    const many = Array.from({ length: LIMITS.ids + 10 }, (_, i) => `kst-19637-${i}`);
    expect(lookup({ ids: ['kst-19637-2375', planted, 'kst-19637-2375', 7] }).ids).toEqual(['kst-19637-2375']);
    expect(lookup({ ids: many }).ids).toHaveLength(LIMITS.ids);
  });

  it('cuts a text to its cap and drops footnotes that point outside it', () => {
    const text = 'a'.repeat(LIMITS.text + 5);
    const out = analyse({
      text,
      footnotes: [
        { at: 3, label: '1', body: 'Kamerstuk 19 637, nr. 2375' },
        { at: LIMITS.text + 3, label: '2', body: 'buiten de tekst' },
        { at: -1, label: '3', body: 'negatief' },
        { at: 4, label: 'x'.repeat(100), body: 'te lang label' },
        'geen noot',
      ],
    });
    expect(out.text).toHaveLength(LIMITS.text);
    expect(out.footnotes.map((f) => f.label)).toEqual(['1']);
  });
});
