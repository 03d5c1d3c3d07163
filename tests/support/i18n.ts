import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { setTranslate } from '../../lib/i18n';
import { PROJECT_ROOT } from './shared';

export type Lang = 'nl' | 'en';

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The real messages file of one locale (assets/public/_locales/<lang>/messages.json). */
export function readMessages(lang: Lang): Messages {
  const file = join(PROJECT_ROOT, 'assets', 'public', '_locales', lang, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

/**
 * A message of `lang` with its substitutions, as the browsers fill it in: named placeholders (`$A$`,
 * case-insensitive) become their content (`$1`) first, then `$1`… the substitutions, and `$$` a `$`.
 * Undefined for a key the file does not have.
 */
export function messageFiller(lang: Lang): (key: string, subs?: string[]) => string | undefined {
  const messages = readMessages(lang);
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) return undefined;
    const named = entry.message.replace(
      /\$(\w+)\$/g,
      (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole,
    );
    return named.replace(/\$(\$|\d)/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
  };
}

/**
 * WXT's fake browser has no i18n: this gives it the real messages of one locale and that locale as the UI language
 * (dates), so component tests read the texts a user reads (call after fakeBrowser.reset()).
 */
export function useMessages(lang: Lang = 'nl'): void {
  const fill = messageFiller(lang);
  Object.assign(fakeBrowser.i18n, {
    // The browsers answer '' for a key they do not know.
    getMessage: (key: string, subs?: string | string[]) =>
      fill(key, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]) ?? '',
    getUILanguage: () => lang,
  });
  // lib/i18n.ts keeps the messages it read (a page's language never changes): these are new.
  setTranslate(undefined);
}
