import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTranslate } from '../../../lib/page/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function messages(lang: 'nl' | 'en'): Messages {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../assets/public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Messages;
}

/** Translates as browser.i18n does, from the messages file of `lang`. */
export function useLanguage(lang: 'nl' | 'en'): void {
  const m = messages(lang);
  setTranslate((key, subs = []) => {
    const entry = m[key];
    if (!entry) return key;
    return entry.message.replace(/\$(\w+)\$/g, (_x, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  });
}
