import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ATTR, HTML_ATTR, has } from '@/lib/contract/attrs';
import { pageIdentity } from '@/lib/dom/identity';
import type { NotePassage, PageDocument, PageRef } from '@/lib/messaging/protocol';
import { handleMessages, send } from '@/lib/messaging/runtime';
import { documentIdFromUrl } from '@/lib/notes/document';
import type { AnchorState } from '@/lib/notes/model';
import { own } from '@/lib/page/status';

/** References listed in the popup at most: a Handelingen day cites thousands; the popup shows counts for all. */
const MAX_REFS = 500;

/** The document's date, as OB pages declare it in their metadata. */
const dateOf = (doc: Document) =>
  doc.querySelector('meta[name="DCTERMS.issued"], meta[name="DC.date"]')?.getAttribute('content')?.slice(0, 10);

/** The document's own title (its heading), else the tab's. */
const titleOf = (doc: Document) => (doc.querySelector('h1')?.textContent ?? doc.title).replace(/\s+/g, ' ').trim();

function pageRefs(): PageRef[] {
  const refs: PageRef[] = [];
  for (const [el, id] of own.withIds(document).slice(0, MAX_REFS)) {
    const state = el.getAttribute(ATTR.state);
    const status = el.getAttribute(ATTR.status);
    refs.push({
      id,
      kind: el.getAttribute(ATTR.kind) ?? 'kamerstuk',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
      ...(state ? { state } : {}),
      ...(status ? { status } : {}),
    });
  }
  return refs;
}

/**
 * Notes on this page: answers the popup (which document this is, its references, the selection as selectors) and
 * draws the notes' passages. Highlights wait for `settled` (the second pass): marks split text nodes, and the second
 * pass applies its answer only to text nodes that are still the ones it sent. The highlight code is imported only
 * when there is something to draw or describe.
 */
export function listenForNotes(ctx: ContentScriptContext, settled: Promise<unknown>): void {
  const documentId = pageIdentity(document) ?? documentIdFromUrl(location.href);
  let anchors: Record<string, AnchorState> = {};
  const html = document.documentElement;

  async function draw(passages: NotePassage[]): Promise<void> {
    await settled.catch(() => undefined);
    if (ctx.isInvalid) return;
    if (passages.length || document.querySelector(`mark${has(ATTR.note)}`)) {
      const { highlightNotes } = await import('@/lib/page/highlights');
      anchors = highlightNotes(document.body, passages);
    } else anchors = {};
    html.setAttribute(HTML_ATTR.notes, String(Object.values(anchors).filter((a) => a !== 'missing').length));
  }

  const stop = handleMessages({
    'page-document': (): PageDocument => ({
      ...(documentId ? { documentId } : {}),
      url: location.href,
      title: titleOf(document),
      ...(dateOf(document) ? { date: dateOf(document)! } : {}),
      refs: pageRefs(),
      anchors,
    }),
    'page-scroll-to': async ({ id }) => {
      const el = own.withIds(document).find(([, ref]) => ref === id)?.[0];
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus();
        return true;
      }
      return (await import('@/lib/page/highlights')).scrollToNote(document, id);
    },
    'selection-describe': async () => {
      const { describeSelection } = await import('@/lib/page/highlights');
      const selectors = describeSelection(document.body, window.getSelection());
      return selectors
        ? { ...(documentId ? { documentId } : {}), url: location.href, title: titleOf(document), selectors }
        : null;
    },
    'notes-changed': ({ passages }) => {
      void draw(passages);
      return undefined;
    },
  });
  ctx.onInvalidated(stop);

  send('page-notes', documentId ? { documentId } : {})
    .then(({ passages }) => draw(passages))
    .catch((error: unknown) => {
      if (!ctx.isInvalid) console.warn('Kamerlens: notes are unavailable on this page:', error);
    });
}
