import { setTranslate } from '../../../lib/i18n';
import { type Lang, messageFiller } from '../../support/i18n';

export { readMessages as messages } from '../../support/i18n';

/**
 * Translates as browser.i18n does, from the messages file of `lang`, without the fake browser: `t()` is given its
 * translator directly (an unknown key reads as itself, as lib/i18n.ts does in a browser).
 */
export function useLanguage(lang: Lang): void {
  const fill = messageFiller(lang);
  setTranslate((key, subs) => fill(key, subs) ?? key);
}
