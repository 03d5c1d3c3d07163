import { detectPapers } from '../refs/papers';
import { hrefFor } from './annotate';

/**
 * Which document the page itself is (reference-forms.md §I): OB pages name it in `<meta name="DC.identifier">`;
 * tweedekamer.nl detail pages in the aside's `Nummer:` (e.g. `31497-504`), since their canonical URL omits it.
 */
export function pageIdentity(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[name="DC.identifier"]')?.getAttribute('content')?.trim();
  if (meta && /^(kst|h-tk|h-ek|ah-tk|stb|stcrt|trb)-/.test(meta)) return meta;
  for (const label of doc.querySelectorAll('aside .m-list__label')) {
    const text = label.textContent ?? '';
    if (!/Nummer:/.test(text)) continue;
    const ref = detectPapers(text.replace(/^.*Nummer:\s*/s, '')).find((r) => r.kind === 'kamerstuk');
    if (ref) return ref.id;
  }
  return undefined;
}

/** Where a document names itself: the page title and the document's own heading (`MOTIE VAN HET LID …`). */
const SELF_HEADINGS = 'h1, .m-modal__content > h2:first-child, h1.stuktitel, h2.stuktitel';

/** What may stand before the motion in its own heading: the number and the type label (`Nr. 504`, `Motie:`). */
const SELF_PREFIX = /^\s*(?:Nr\.\s*\d+\s*)?(?:Motie\s*:?\s*)?$/i;

/** The heading's text before `el`. */
function textBefore(heading: Element, el: Element): string {
  const range = heading.ownerDocument.createRange();
  range.setStart(heading, 0);
  range.setEndBefore(el);
  return range.toString();
}

/**
 * On a motion's own page, the motion its title or heading starts with (`Motie: Motie van het lid …`, `Nr. 504 MOTIE
 * VAN HET LID …`) is the page's document: it gets the page's id, and so its status, instead of a search. A heading
 * that only mentions a motion (`Uitvoering van de motie van het lid …`, a letter's title) keeps its own.
 */
export function adoptSelfMotions(doc: Document, selfId: string): number {
  let adopted = 0;
  for (const el of doc.querySelectorAll<HTMLAnchorElement>(
    'a[data-kamerlens-kind="motion"]:not([data-kamerlens-ref])',
  )) {
    const heading = el.closest(SELF_HEADINGS);
    if (!heading || !SELF_PREFIX.test(textBefore(heading, el))) continue;
    el.setAttribute('data-kamerlens-ref', selfId);
    el.href = hrefFor({ kind: 'kamerstuk', id: selfId, start: 0, end: 0 });
    adopted++;
  }
  return adopted;
}
