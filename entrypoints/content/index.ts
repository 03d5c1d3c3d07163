import './style.css';
import { scanRoots } from '@/lib/dom/scan';
import { excluder, profileFor, textRoots } from '@/lib/dom/site';
import { CONTENT_MATCHES } from '@/lib/sites';
import { analyseRoots } from './analyse';
import { listenForUpdates, requestStatus } from './status';
import { watchForNewText } from './watch';

/**
 * Content script: links every reference in the page's main text. Runs at document_idle, works in slices (see
 * lib/dom/scheduler.ts) and marks `<html data-kamerlens="ready">` once papers are linked. Motions and pillar topics
 * follow from the background (`data-kamerlens-analysis="ready"`, or `"failed"` with the reason logged once).
 */
export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const profile = profileFor(location.hostname);
    const exclude = excluder(profile);
    const roots = textRoots(document, profile);
    const linked = await scanRoots(roots, { exclude, signal: ctx.signal });
    if (ctx.isInvalid) return;
    document.documentElement.setAttribute('data-kamerlens', 'ready');
    document.documentElement.setAttribute('data-kamerlens-count', String(linked));
    watchForNewText(ctx, roots, exclude);
    const html = document.documentElement;
    listenForUpdates(ctx);
    const status = () =>
      requestStatus(ctx).catch((error) => {
        if (!ctx.isInvalid) console.warn('Kamerlens: the cache is unavailable:', error);
      });
    const first = status();
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
