import type { FoundRef } from '@/lib/messaging/found-papers';
import { readFound } from '@/lib/messaging/found-papers';
import { LIMITS } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/runtime';
import type { DetectContext } from '@/lib/refs/types';

/**
 * Texts up to this long are sent; a longer one the page detects itself, in slices. Sending a text is one task of
 * the page: ~1 ms for the 130 KB verslag, but 12-35 ms for 1.3 MB (measured in Chromium's content script, ten
 * times the text for twenty times the time), where the page's own detector never holds it more than a slice.
 */
export const SEND_MAX = 256 * 1024;

/**
 * The first pass's detector (scan.ts `detect`): the background finds the papers of the page's text (found-papers.ts
 * says why). A text over SEND_MAX gets no answer, and the page detects it itself.
 */
export function detectInBackground(
  ask: typeof send = send,
): (text: string, context?: DetectContext) => Promise<FoundRef[] | undefined> {
  return async (text, context) => {
    if (text.length > Math.min(SEND_MAX, LIMITS.text)) return undefined;
    const { found } = await ask('detect-papers', context ? { text, context } : { text });
    return readFound(found, text.length);
  };
}
