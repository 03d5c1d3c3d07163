import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { setTranslate } from '../../lib/i18n';
import { PROJECT_ROOT } from './shared';

/**
 * WXT's fake browser has no i18n: this gives it the real messages of one locale, with named placeholders (`$A$`)
 * and `$1`… filled in as the browsers do, and that locale as the UI language (dates), so component tests read the texts a user reads (call after fakeBrowser.reset()).
 */
export function useMessages(lang: 'nl' | 'en' = 'nl'): void {
  const file = join(PROJECT_ROOT, 'assets', 'public', '_locales', lang, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      const entry = messages[key];
      if (!entry) return '';
      // Named placeholders (`$A$`, case-insensitive) become their content (`$1`) first, as in the browsers.
      const named = entry.message.replace(
        /\$(\w+)\$/g,
        (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole,
      );
      return named.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
    },
    getUILanguage: () => lang,
  });
  // lib/i18n.ts keeps the messages it read (a page's language never changes): these are new.
  setTranslate(undefined);
}
