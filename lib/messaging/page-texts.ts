import messages from '@/assets/public/_locales/nl/messages.json';
import { templatesOf } from '../i18n';

/*
 * The page's texts, read by the background from browser.i18n and handed to the content script in one message
 * (`page-texts`, lib/i18n.ts `useTemplates` says why). Imported by the background only: the content script does not
 * carry the messages file.
 */

/** The message prefixes of the page layer (badges, tooltips, card, panel, pillar labels, dates). */
const PAGE_PREFIXES = ['badge_', 'card_', 'panel_', 'page_', 'date_'];

/** Every message key of the page layer, from the default locale's file (which has every key). */
export const PAGE_TEXT_KEYS: readonly string[] = Object.keys(messages).filter((key) =>
  PAGE_PREFIXES.some((prefix) => key.startsWith(prefix)),
);

let read: Record<string, string> | undefined;

/** The page layer's templates in the UI language; read once per background's life (the language does not change). */
export function pageTexts(): Record<string, string> {
  read ??= templatesOf(PAGE_TEXT_KEYS);
  return read;
}
