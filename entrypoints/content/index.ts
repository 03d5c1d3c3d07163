import './style.css';
import { scanRoots } from '@/lib/dom/scan';
import { excluder, profileFor, textRoots } from '@/lib/dom/site';
import { CONTENT_MATCHES } from '@/lib/sites';
import { analyseRoots } from './analyse';
import { listenForUpdates, requestStatus } from './status';
import { watchForNewText } from './watch';

/**
 * Content script. Three passes, each sliced so the page never waits (lib/dom/scheduler.ts):
 * 1. papers are linked in the page (regex only) → `<html data-kamerlens="ready">`;
 * 2. the background's cache answers for them → `data-kamerlens-cache="ready"`, records that arrive later are pushed;
 * 3. motions and pillar topics, found in the background → `data-kamerlens-analysis="ready"` (or `"failed"`).
 * Text the page adds later goes through pass 1 and 2 as it arrives.
 */
export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const html = document.documentElement;
    const profile = profileFor(location.hostname);
    const exclude = excluder(profile);
    const roots = textRoots(document, profile);
    const linked = await scanRoots(roots, { exclude, signal: ctx.signal });
    if (ctx.isInvalid) return;
    html.setAttribute('data-kamerlens', 'ready');
    html.setAttribute('data-kamerlens-count', String(linked));

    listenForUpdates(ctx);
    const status = () =>
      requestStatus(ctx).catch((error) => {
        if (!ctx.isInvalid) console.warn('Kamerlens: the cache is unavailable:', error);
      });
    const first = status();
    watchForNewText(ctx, roots, exclude, () => void status());

    try {
      const { motions } = await analyseRoots(roots, exclude, ctx.signal);
      if (ctx.isInvalid) return;
      html.setAttribute('data-kamerlens-motions', String(motions));
      html.setAttribute('data-kamerlens-analysis', 'ready');
      // Motion mentions linked to a document share its status: ask again now that they are on the page.
      await first;
      if (motions) await status();
    } catch (error) {
      // The papers stay linked; motions and pillars are extras. A reloaded extension ends here too.
      if (ctx.isInvalid) return;
      html.setAttribute('data-kamerlens-analysis', 'failed');
      console.warn('Kamerlens: motions and pillar topics are unavailable on this page:', error);
    }
  },
});
