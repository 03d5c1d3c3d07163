import './style.css';
import { scanRoots } from '@/lib/dom/scan';
import { excluder, profileFor, textRoots } from '@/lib/dom/site';
import { CONTENT_MATCHES } from '@/lib/sites';
import { watchForNewText } from './watch';

/**
 * Content script: links every reference in the page's main text. Runs at document_idle, works in slices (see
 * lib/dom/scheduler.ts) and marks `<html data-kamerlens="ready">` once the first pass is done, so tests and later
 * features know the page has been read.
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
  },
});
