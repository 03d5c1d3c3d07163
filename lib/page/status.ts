import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HTML_ATTR } from '@/lib/contract/attrs';
import { applyInfos } from '@/lib/dom/badges';
import { claimPaperLinks, OwnLinks } from '@/lib/dom/identity';
import { excluder, profileFor, textRoots } from '@/lib/dom/site';
import { LIMITS } from '@/lib/messaging/protocol';
import { handleMessages, send } from '@/lib/messaging/runtime';
import { InfoStore } from './store';

/**
 * Kamerlens' own reference elements on this page, with their ids: in the content script's world, where the page
 * cannot reach. Only these are looked up and decorated (lib/dom/identity.ts); the second pass adds its motions.
 */
export const own = new OwnLinks();

/** What the background said about the ids of this page's own elements (for the card and the panel). */
export const infos = new InfoStore();

/** References the background fetched for this tab arrive as `refs-updated`: shown as they come. */
export function listenForUpdates(ctx: ContentScriptContext): void {
  const stop = handleMessages({
    'refs-updated': ({ refs }) => {
      applyInfos(document, refs, own);
      infos.remember(refs);
      return undefined;
    },
  });
  ctx.onInvalidated(stop);
}

/**
 * Asks the background what the cache has for the page's references and shows it at once (what is missing follows
 * as `refs-updated`). Only the ids of Kamerlens' own links are asked for, never one the page wrote on an element
 * of its own. Marks `<html data-kamerlens-cache="ready">` after the answer.
 */
export async function requestStatus(
  ctx: ContentScriptContext,
  /** The message to the background (injected by tests; the runtime's by default). */
  ask: typeof send = send,
): Promise<void> {
  const profile = profileFor(location.hostname);
  await claimPaperLinks(textRoots(document, profile), own, { exclude: excluder(profile), signal: ctx.signal });
  if (ctx.isInvalid) return;
  const ids = own.idsIn(document);
  if (!ids.length) return;
  // In messages the background accepts whole (LIMITS.ids): a page with 29 000 citations gets every status.
  for (let i = 0; i < ids.length; i += LIMITS.ids) {
    const { refs } = await ask('lookup-refs', { ids: ids.slice(i, i + LIMITS.ids) });
    if (ctx.isInvalid) return;
    applyInfos(document, refs, own);
    infos.remember(refs);
  }
  document.documentElement.setAttribute(HTML_ATTR.cache, 'ready');
}
