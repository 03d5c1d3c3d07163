import './style.css';
import { scanRoots } from '@/lib/dom/scan';
import { excluder, profileFor, textRoots } from '@/lib/dom/site';
import { CONTENT_MATCHES } from '@/lib/sites';
import { analyseRoots } from './analyse';
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
    try {
      const { motions } = await analyseRoots(roots, exclude, ctx.signal);
      if (ctx.isInvalid) return;
      html.setAttribute('data-kamerlens-motions', String(motions));
      html.setAttribute('data-kamerlens-analysis', 'ready');
    } catch (error) {
      // The papers stay linked; motions and pillars are extras. A reloaded extension ends here too.
      if (ctx.isInvalid) return;
      html.setAttribute('data-kamerlens-analysis', 'failed');
      console.warn('Kamerlens: motions and pillar topics are unavailable on this page:', error);
    }
  },
});
