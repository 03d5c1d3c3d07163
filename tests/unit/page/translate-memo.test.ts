import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, setTranslate, t } from '../../../lib/i18n';

afterEach(() => setTranslate(undefined));

/** A translation that counts how often the browser would be asked, and says which substitutions it got. */
function counting() {
  const asked: string[] = [];
  setTranslate((key, subs) => {
    asked.push(key);
    return subs?.length ? `${key}(${subs.join('|')})` : key.toUpperCase();
  });
  return asked;
}

describe('t: each text is asked of the browser once', () => {
  it('per key and per list of substitutions, and each list gets its own text', () => {
    const asked = counting();
    for (let i = 0; i < 50; i++) {
      expect(t('badge_title_pending')).toBe('BADGE_TITLE_PENDING');
      expect(t('card_totals', ['3', '4'])).toBe('card_totals(3|4)');
      expect(t('card_totals', ['34', ''])).toBe('card_totals(34|)');
      expect(t('card_totals', ['3', '4', ''])).toBe('card_totals(3|4|)');
    }
    expect(asked).toEqual(['badge_title_pending', 'card_totals', 'card_totals', 'card_totals']);
  });

  it('dates repeated over a page ask once per date', () => {
    const asked = counting();
    for (let i = 0; i < 20; i++) formatDate('2024-01-23');
    expect(asked.filter((k) => k === 'date_long')).toHaveLength(1);
    formatDate('2024-01-24');
    expect(asked.filter((k) => k === 'date_long')).toHaveLength(2);
  });

  it('forgets everything when the translation changes', () => {
    counting();
    expect(t('card_totals', ['1', '2'])).toBe('card_totals(1|2)');
    setTranslate((key) => `other ${key}`);
    expect(t('card_totals', ['1', '2'])).toBe('other card_totals');
  });

  it('stays bounded: a page with ever new texts keeps asking, and gets the right ones', () => {
    const asked = counting();
    for (let i = 0; i < 10_000; i++) expect(t('card_confidence', [String(i)])).toBe(`card_confidence(${i})`);
    expect(asked).toHaveLength(10_000);
    expect(t('card_confidence', ['9999'])).toBe('card_confidence(9999)');
    expect(asked).toHaveLength(10_000);
  });
});
