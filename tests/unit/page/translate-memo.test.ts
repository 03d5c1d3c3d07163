import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatDate, setTranslate, t, templatesOf, useTemplates } from '../../../lib/i18n';
import { PAGE_TEXT_KEYS } from '../../../lib/messaging/page-texts';
import { useMessages } from '../../support/i18n';

afterEach(() => {
  fakeBrowser.reset();
  setTranslate(undefined);
});

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

describe('the page’s texts, read by the background', () => {
  const SUBS = ['12', '$1 en $2', 'januari', '2024', '09', '30', '9', 'AM', 'x'];

  it.each(['nl', 'en'] as const)('give the page the same texts as its own browser.i18n (%s)', (lang) => {
    useMessages(lang);
    const direct = PAGE_TEXT_KEYS.map((key) => [t(key), t(key, SUBS.slice(0, 3)), t(key, SUBS)]);
    const texts = templatesOf(PAGE_TEXT_KEYS);
    expect(Object.keys(texts)).toEqual([...PAGE_TEXT_KEYS]);
    // The page's side: no catalogue of its own; any question to the browser would fail the test.
    const asked: string[] = [];
    Object.assign(fakeBrowser.i18n, {
      getMessage: (key: string) => {
        asked.push(key);
        return 'ASKED';
      },
    });
    useTemplates(texts);
    expect(PAGE_TEXT_KEYS.map((key) => [t(key), t(key, SUBS.slice(0, 3)), t(key, SUBS)])).toEqual(direct);
    expect(asked).toEqual([]);
    // A key the background did not give is still the browser's.
    expect(t('notes_title')).toBe('ASKED');
    expect(asked).toEqual(['notes_title']);
  });

  it('are forgotten when a translation is set', () => {
    useTemplates({ card_totals: 'T $1/$2' });
    expect(t('card_totals', ['1', '2'])).toBe('T 1/2');
    setTranslate((key) => `own ${key}`);
    expect(t('card_totals', ['1', '2'])).toBe('own card_totals');
  });
});
