import type { FoundRef } from '@/lib/messaging/found-papers';
import { readFound } from '@/lib/messaging/found-papers';
import { LIMITS } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/runtime';
import type { DetectContext } from '@/lib/refs/types';

/**
 * The first pass's detector (scan.ts `detect`): the background finds the papers of the page's text (found-papers.ts
 * says why). A text over the message's cap gets no answer, and the page detects it itself.
 */
export function detectInBackground(
  ask: typeof send = send,
): (text: string, context?: DetectContext) => Promise<FoundRef[] | undefined> {
  return async (text, context) => {
    if (text.length > LIMITS.text) return undefined;
    const { found } = await ask('detect-papers', context ? { text, context } : { text });
    return readFound(found, text.length);
  };
}
