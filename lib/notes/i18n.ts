import { browser } from 'wxt/browser';

/**
 * A text of the popup, the all-notes page or the options page in the browser's language
 * (assets/public/_locales/{nl,en}/messages.json, keys `notes_*` and `popup_*`). A key without a text shows as the
 * key itself, so a missing translation is visible instead of an empty button.
 */
export function t(key: string, ...substitutions: string[]): string {
  // WXT types getMessage with the keys it saw at the last `wxt prepare`; ours are checked by a unit test instead.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
  try {
    return getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

/** The browser's UI language as a BCP 47 tag for dates (`nl`, `en-US`); Dutch where it cannot say. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'nl';
  } catch {
    return 'nl';
  }
}
