import { ATTR, HTML_ATTR } from '@/lib/contract/attrs';
import './style.css';
import { applyInfos } from '@/lib/dom/badges';
import { pageContext } from '@/lib/dom/identity';
import { countLinked, scanRoots } from '@/lib/dom/scan';
import { runSliced, runStepsSliced, yieldToPage } from '@/lib/dom/scheduler';
import { excluder, profileFor, textRoots } from '@/lib/dom/site';
import { useTemplates } from '@/lib/i18n';
import { handleMessages, send } from '@/lib/messaging/runtime';
import { KeptText } from '@/lib/messaging/text-parts';
import { analyseRoots } from '@/lib/page/analyse';
import { installCards } from '@/lib/page/card';
import { detectInBackground } from '@/lib/page/detect-in-background';
import { decorateSteps } from '@/lib/page/existing';
import { lookups } from '@/lib/page/lookups';
import { installPanel, isPanelShortcut } from '@/lib/page/panel';
import { PillarLabels } from '@/lib/page/pillar-labels';
import { SomeOwnLinks } from '@/lib/page/some-links';
import { infos, listenForUpdates, own, requestStatus } from '@/lib/page/status';
import { watchForNewText } from '@/lib/page/watch';
import { pageSettings, watchPillarLabels } from '@/lib/settings-page';
import { CONTENT_MATCHES } from '@/lib/sites';
import { listenForNotes } from './notes';

/**
 * Content script. Three passes, each sliced so the page never waits (lib/dom/scheduler.ts):
 * 1. papers, found in the background (the page's own detector if it cannot answer), are linked in the page →
 *    `<html data-kamerlens="ready">`;
 * 2. the background's cache answers for them → `data-kamerlens-cache="ready"`, records that arrive later are pushed;
 * 3. motions and pillar topics, found in the background → `data-kamerlens-analysis="ready"` (or `"failed"`).
 * Text the page adds later goes through pass 1 and 2 as it arrives; only ids not asked for before are sent.
 */
/** A command and the page's keydown for one press of the panel shortcut arrive within this time of each other. */
const TOGGLE_DEBOUNCE_MS = 400;

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    // A site switched off in the options is left exactly as it is.
    const settings = await pageSettings(location.hostname);
    if (!settings.enabled) return;
    const html = document.documentElement;
    // Asked first, answered before anything the page shows needs a text; until then texts come from the browser.
    send('page-texts', {})
      .then(({ texts }) => useTemplates(texts))
      .catch(() => undefined);
    const { kinds } = settings;
    const profile = profileFor(location.hostname);
    const exclude = excluder(profile);
    const roots = textRoots(document, profile);
    // The links are ours as they are made: claimed, so that the cache's answers reach them (status.ts); the first
    // pass's a slice at a time once it is done, later ones as they go into the page.
    const claim = (link: Element, id: string | undefined) => own.claim(link, id);
    const firstLinks: Element[] = [];
    // A paper's own page completes references that name only a number (`TER VERVANGING VAN DIE GEDRUKT ONDER NR.
    // 404`, `motie op stuk nr. 44`) with its dossier.
    const context = pageContext(document);
    // The first pass's text, kept by the background for the second pass, which then need not send it again.
    const kept = new KeptText();
    // The page's own links to references (OB Handelingen link most of theirs), decorated and claimed as they are.
    const decorate = (target: Element) =>
      decorateSteps(target, own, { exclude, root: roots.find((r) => r.contains(target)) ?? target });
    // Records the background pushes, from the first link on.
    listenForUpdates(ctx);
    const cache = lookups({
      send: async (ids) => (await send('lookup-refs', { ids })).refs,
      apply: (refs, links) => {
        if (ctx.isInvalid) return;
        applyInfos(document, refs, new SomeOwnLinks(own, links));
        infos.remember(refs);
        html.setAttribute(HTML_ATTR.cache, 'ready');
      },
      pause: () => yieldToPage(),
    });
    const warn = (error: unknown) => {
      if (!ctx.isInvalid) console.warn('Kamerlens: the cache is unavailable:', error);
    };
    // Watched from the start: text the page adds while the first pass runs (a fixture page adds a paragraph 300 ms
    // after it is parsed, and Firefox was still decorating then) is linked by the watcher; the two never link the
    // same text twice (a node that changed after its map was read is left alone, annotate.ts).
    watchForNewText(ctx, roots, exclude, {
      kinds,
      ...(context ? { context } : {}),
      onLink: claim,
      decorate,
      onChange: ({ links }) => {
        html.setAttribute(HTML_ATTR.count, String(countLinked(roots)));
        if (links.length) cache.linked(links).catch(warn);
      },
    });
    // The page's links are decorated before ours go in, so that this pass reads only the page's anchors (a 1 MB
    // block of citations holds ~27 000 of ours afterwards). The scan never links inside an anchor, so the order
    // changes nothing it finds.
    await runStepsSliced(
      (function* () {
        for (const root of roots) for (const link of (yield* decorate(root)).firsts) firstLinks.push(link);
      })(),
      { signal: ctx.signal },
    );
    if (ctx.isInvalid) return;
    await scanRoots(roots, {
      exclude,
      signal: ctx.signal,
      links: firstLinks,
      kinds,
      detect: detectInBackground(send, kept),
      ...(context ? { context } : {}),
    });
    // The scan's last step put links into the page: what follows gets a task of its own.
    await yieldToPage();
    if (ctx.isInvalid) return;
    html.setAttribute(HTML_ATTR.ready, 'ready');
    // The count the watcher keeps, from the start: Kamerlens' own paper links (the page's decorated ones are not
    // linked by it, and firstLinks holds those too).
    html.setAttribute(HTML_ATTR.count, String(countLinked(roots)));

    // Notes answer the popup from now on; their highlights wait until the second pass is done with the text.
    let settle = () => {};
    listenForNotes(ctx, new Promise<void>((resolve) => (settle = resolve)));
    // The card, the panel and the pillar labels: Kamerlens' own elements, each in a shadow root.
    const labels = new PillarLabels(document);
    const cards = installCards({
      doc: document,
      own,
      infos,
      refresh: async (id) => (await send('refresh-ref', { id })).refs,
      sources: [labels],
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    });
    const panel = installPanel({ doc: document, own, infos, labels, setTimeout: (fn, ms) => ctx.setTimeout(fn, ms) });
    ctx.onInvalidated(() => {
      cards.destroy();
      panel.destroy();
    });
    // One press is one toggle: where the browser both runs the command and passes the keys to the page, the page's
    // keydown comes first and the background's message for the same press a moment later.
    let keyToggledAt = Number.NEGATIVE_INFINITY;
    ctx.onInvalidated(
      handleMessages({
        'toggle-panel': () => {
          if (performance.now() - keyToggledAt >= TOGGLE_DEBOUNCE_MS) panel.toggle();
          return undefined;
        },
      }),
    );
    // The same keys on the page, for when the browser leaves the shortcut to it (a conflicting or unset command).
    ctx.addEventListener(document, 'keydown', (e) => {
      if (!isPanelShortcut(e)) return;
      e.preventDefault();
      keyToggledAt = performance.now();
      panel.toggle();
    });
    labels.setShown(settings.pillarLabels);
    ctx.onInvalidated(watchPillarLabels((on) => labels.setShown(on)));

    // What requestStatus sends: every id of our links on the page. Each step from here reads every link of a large
    // page once, so each gets a task of its own.
    const status = (asked: string[]) =>
      requestStatus(ctx).catch((error) => {
        cache.forget(asked);
        warn(error);
      });
    // A step of its own, after the setting up above.
    await yieldToPage();
    await runSliced(firstLinks, (link) => claim(link, link.getAttribute(ATTR.ref) ?? undefined), {
      signal: ctx.signal,
    });
    if (ctx.isInvalid) return;
    const seeded: string[] = [];
    await runSliced(firstLinks, (link) => seeded.push(...cache.seed([link])), { signal: ctx.signal });
    if (ctx.isInvalid) return;
    await yieldToPage();
    const first = status(seeded);

    try {
      await yieldToPage();
      const { motions, motionLinks } = await analyseRoots(roots, exclude, ctx.signal, { labels, kinds, kept });
      if (ctx.isInvalid) return;
      html.setAttribute(HTML_ATTR.motions, String(motions));
      html.setAttribute(HTML_ATTR.analysis, 'ready');
      // Motion mentions linked to a document share its status: theirs once the first answer is on the page (the
      // ids it asked for are not asked again), only for the motions' links.
      await first;
      if (motionLinks.length) await cache.linked(motionLinks);
    } catch (error) {
      // The papers stay linked; motions and pillars are extras. A reloaded extension ends here too.
      if (ctx.isInvalid) return;
      html.setAttribute(HTML_ATTR.analysis, 'failed');
      console.warn('Kamerlens: motions and pillar topics are unavailable on this page:', error);
    } finally {
      settle();
    }
  },
});
