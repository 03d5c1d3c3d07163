import type { FoundRef } from '@/lib/messaging/found-papers';
import { readFound } from '@/lib/messaging/found-papers';
import { send } from '@/lib/messaging/runtime';
import { type KeptText, SEND_MAX } from '@/lib/messaging/text-parts';
import type { DetectContext } from '@/lib/refs/types';

/**
 * The first pass's detector (scan.ts `detect`): the background finds the papers of the page's text (found-papers.ts
 * says why). A text over SEND_MAX (one message, text-parts.ts) gets no answer: the page detects it itself, in slices,
 * where its own detector never holds the page more than a slice.
 */
export function detectInBackground(
  ask: typeof send = send,
  /** Where the background keeps the first text for the analysis (text-parts.ts); none kept without it. */
  kept?: KeptText,
): (text: string, context?: DetectContext) => Promise<FoundRef[] | undefined> {
  return async (text, context) => {
    if (text.length > SEND_MAX) return undefined;
    const token = kept?.offer();
    const { found } = await ask('detect-papers', {
      text,
      ...(context ? { context } : {}),
      ...(token === undefined ? {} : { token }),
    });
    if (token !== undefined) kept?.keep(text);
    return readFound(found, text.length);
  };
}
