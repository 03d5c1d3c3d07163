import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { applyInfos } from '@/lib/dom/badges';
import { handleMessages, send } from '@/lib/messaging/runtime';

/** References the background fetched for this tab arrive as `refs-updated`: shown as they come. */
export function listenForUpdates(ctx: ContentScriptContext): void {
  const stop = handleMessages({
    'refs-updated': ({ refs }) => {
      applyInfos(document, refs);
      return undefined;
    },
  });
  ctx.onInvalidated(stop);
}

/**
 * Asks the background what the cache has for the page's references and shows it at once (what is missing follows
 * as `refs-updated`). Marks `<html data-kamerlens-cache="ready">` after the answer.
 */
export async function requestStatus(ctx: ContentScriptContext): Promise<void> {
  const ids = [
    ...new Set(
      [...document.querySelectorAll('[data-kamerlens-ref]')].map((el) => el.getAttribute('data-kamerlens-ref')!),
    ),
  ];
  if (!ids.length) return;
  const { refs } = await send('lookup-refs', { ids });
  if (ctx.isInvalid) return;
  applyInfos(document, refs);
  document.documentElement.setAttribute('data-kamerlens-cache', 'ready');
}
