import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scanRoots } from '@/lib/dom/scan';

/** Quiet time after the last change before new text is scanned: pages often insert content in bursts. */
const SETTLE_MS = 150;

/**
 * Scans text that the page adds after the first pass (expanded sections, late-loaded documents). Our own links are
 * ignored, and since scanning is idempotent, a burst of changes costs one rescan of the touched elements.
 */
export function watchForNewText(
  ctx: ContentScriptContext,
  roots: Element[],
  exclude: (el: Element) => boolean,
  onLinked: (count: number) => void,
) {
  const pending = new Set<Element>();
  let timer: number | undefined;
  const flush = () => {
    timer = undefined;
    const targets = [...pending].filter((el) => el.isConnected && !exclude(el));
    pending.clear();
    // Only the outermost changed elements: a parent's scan covers its children.
    const outermost = targets.filter((el) => !targets.some((other) => other !== el && other.contains(el)));
    void scanRoots(outermost, { exclude, signal: ctx.signal }).then((count) => {
      if (count && !ctx.isInvalid) onLinked(count);
    });
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
        if (!el || el.closest('[data-kamerlens-ref], [data-kamerlens-continues]')) continue;
        if ((node as Element).classList?.contains('kamerlens-ref')) continue;
        pending.add(el);
      }
    }
    if (pending.size && timer === undefined) timer = ctx.setTimeout(flush, SETTLE_MS);
  });
  for (const root of roots) observer.observe(root, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
