import { ATTR, REF_CLASS } from '../contract/attrs';
import { idFromHref } from '../contract/ids';
import type { OwnLinks } from '../dom/identity';
import { setFirstPiece, setLastPiece } from '../dom/own';

/*
 * The page's own links to references, decorated in place. OB Handelingen pages link most of their references
 * themselves, split over two anchors with the same href (page-structure.md §1.7: `(<a href="kst-36333-39.html">36333
 * </a>, nr. <a href="kst-36333-39.html">39</a>)`), and older tweedekamer.nl pages put a motion's title, t.v.v.
 * reference and all, inside one link to its detail page. The anchor keeps its href, text, title and behaviour: it
 * only gains the contract's attributes, so it gets the same badge and card as Kamerlens' own links.
 */

/** At most this much text between two anchors to the same target makes them one reference (`, nr. `, `-`). */
const JOIN_MAX = 12;
/** What may stand between the pieces of one split reference: punctuation, `nr.`/`nrs.`, spaces. */
const JOIN = /^[\s,.;:()–-]*(?:nrs?\.?)?[\s,.;:()–-]*$/i;

export interface DecorateOptions {
  /** Page chrome and fields (the site profile's exclusion): links there are not the text's references. */
  exclude?: (el: Element) => boolean;
  /** The root the anchors were found under: the exclusion is checked up to it. */
  root?: Element;
}

/** Whether `a` is a link Kamerlens should look at: not ours, not already decorated, not in chrome. */
function candidate(a: HTMLAnchorElement, options: DecorateOptions): boolean {
  if (a.classList.contains(REF_CLASS) || a.hasAttribute(ATTR.ref) || a.hasAttribute(ATTR.continues)) return false;
  // A link to a place on this page (`href="#"`, a footnote) is not a reference to another document.
  const raw = a.getAttribute('href') ?? '';
  if (!raw || raw.startsWith('#')) return false;
  const { exclude, root } = options;
  if (exclude) for (let x: Element | null = a; x && x !== root; x = x.parentElement) if (exclude(x)) return false;
  return true;
}

/** The page's anchor just before `a` with nothing but a joining word between them, or undefined. */
function previousPiece(a: Element): Element | undefined {
  let text = '';
  for (let n = a.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === 8) continue; // the empty comments OB puts inside and around its anchors
    if (n.nodeType === 3) {
      text = (n as Text).data + text;
      if (text.length > JOIN_MAX) return undefined;
      continue;
    }
    return (n as Element).tagName === 'A' && JOIN.test(text) ? (n as Element) : undefined;
  }
  return undefined;
}

/** Links a page's anchor, found under an element Kamerlens scanned, to a reference (the id comes from its href). */
export interface Decorated {
  /** The first anchor of each reference (the elements that now carry `data-kamerlens-ref`). */
  firsts: HTMLAnchorElement[];
  /** Anchors decorated as the second piece of a reference. */
  continued: number;
}

/** Anchors looked at in one step of decorateSteps. */
const ANCHORS_PER_STEP = 128;

/** The `<a href>` elements under `scope` (and `scope` itself when it is one), in document order. */
function* anchorsUnder(scope: Element): Generator<HTMLAnchorElement> {
  if (scope.tagName === 'A') {
    if (scope.hasAttribute('href')) yield scope as HTMLAnchorElement;
    return;
  }
  // A walker, not querySelectorAll: it is read a step at a time while the page (and our linking) may change it, and
  // it does not first collect the ~27 000 links of our own that a 1 MB block of citations holds after the first pass.
  const walker = scope.ownerDocument.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as Element;
    if (el.tagName === 'A' && el.hasAttribute('href')) yield el as HTMLAnchorElement;
  }
}

/** Decorates one anchor, if it links a reference: 'first', 'continued', or undefined when it is left as it is. */
function decorateOne(a: HTMLAnchorElement, own: OwnLinks, options: DecorateOptions): 'first' | 'continued' | undefined {
  if (!candidate(a, options)) return undefined;
  // A link nested in another (invalid HTML, but pages have it) is the outer link's text.
  if (a.parentElement?.closest('a[href]')) return undefined;
  const target = idFromHref(a.href);
  if (!target) return undefined;
  const before = previousPiece(a);
  if (before && own.idOf(before) === target.id && before.hasAttribute(ATTR.existing)) {
    a.setAttribute(ATTR.continues, target.id);
    a.setAttribute(ATTR.existing, '');
    setLastPiece(before, a);
    setFirstPiece(a, before);
    return 'continued';
  }
  a.setAttribute(ATTR.ref, target.id);
  a.setAttribute(ATTR.kind, target.kind);
  a.setAttribute(ATTR.existing, '');
  own.claim(a, target.id);
  return 'first';
}

/**
 * Decorates the page's anchors under `scope` (and `scope` itself when it is one) whose target Kamerlens recognises,
 * and claims them in `own` with the id Kamerlens derived from the href: only those are looked up (the page's own
 * `data-kamerlens-ref` is never read). Safe to run again: decorated anchors are skipped. A step at a time, so that a
 * block with tens of thousands of links never holds the page (issue 8: the first pass read them all in one task).
 */
export function* decorateSteps(
  scope: Element,
  own: OwnLinks,
  options: DecorateOptions = {},
  out: Decorated = { firsts: [], continued: 0 },
): Generator<void, Decorated> {
  let seen = 0;
  for (const a of anchorsUnder(scope)) {
    // Split anchors are found in document order: the first piece is decorated before the second is looked at.
    const done = decorateOne(a, own, options);
    if (done === 'first') out.firsts.push(a);
    else if (done === 'continued') out.continued++;
    if (++seen % ANCHORS_PER_STEP === 0) yield;
  }
  return out;
}

/** decorateSteps in one go, for callers with a small scope. */
export function decorateExisting(scope: Element, own: OwnLinks, options: DecorateOptions = {}): Decorated {
  const steps = decorateSteps(scope, own, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
