import { ATTR, has, REF_SELECTOR } from '../contract/attrs';
import { classify, isKoopId } from '../contract/ids';
import { detectPapers } from '../refs/papers';
import type { DetectContext } from '../refs/types';
import { hrefFor, REF_CLASS } from './annotate';
import { runSliced } from './scheduler';
import { buildTextMap, nodeIndexAt, type TextMap } from './text-map';

/*
 * Identity: which document the page itself is, and which of the page's reference elements are Kamerlens' own.
 */

/**
 * Which document the page itself is (reference-forms.md §I): OB pages name it in `<meta name="DC.identifier">`, at
 * the URL of the same name (`/kst-35000-VI-59.html`); tweedekamer.nl detail pages in the aside's `Nummer:` (e.g.
 * `31497-504`), since their canonical URL omits it. A meta tag is the page's word alone, so it counts only where the
 * URL says the same: any other id would be one the page planted, and its status would tell the page what the user
 * has read (issue finding 6).
 */
export function pageIdentity(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[name="DC.identifier"]')?.getAttribute('content')?.trim();
  const path = doc.location?.pathname.replace(/\.html$/, '').toLowerCase() ?? '';
  if (meta && isKoopId(meta) && path === `/${meta.toLowerCase()}`) return meta;
  for (const label of doc.querySelectorAll('aside .m-list__label')) {
    const text = label.textContent ?? '';
    if (!/Nummer:/.test(text)) continue;
    const ref = detectPapers(text.replace(/^.*Nummer:\s*/s, '')).find((r) => r.kind === 'kamerstuk');
    if (ref) return ref.id;
  }
  return undefined;
}

/**
 * What the page tells detection about itself: its own Kamerstuk id (trusted as pageIdentity trusts it), so that
 * `TER VERVANGING VAN DIE GEDRUKT ONDER NR. 404` on kst-32824-405 is kst-32824-404; on a Handelingen item, the one
 * dossier it treats (`OVERHEIDop.behandeldDossier`, only when the item's id is trusted and it names exactly one: an
 * item on several dossiers leaves `stuk nr. 44` open). A planted dossier could only make the page's own numbers
 * name papers of that dossier, which the page could write out in its text anyway.
 */
export function pageContext(doc: Document): DetectContext | undefined {
  const self = pageIdentity(doc);
  if (!self) return undefined;
  if (classify(self) === 'kamerstuk') return { id: self };
  if (classify(self) !== 'handelingen') return undefined;
  const dossiers = new Set(
    [...doc.querySelectorAll('meta[name="OVERHEIDop.behandeldDossier"]')]
      .map((m) => m.getAttribute('content')?.trim() ?? '')
      .filter((d) => /^\d{5}$/.test(d)),
  );
  return dossiers.size === 1 ? { dossier: [...dossiers][0]! } : undefined;
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
 * Kamerlens' own reference elements, each with the id Kamerlens derived for it. Held in the content script, in its
 * isolated world: a page can write `data-kamerlens-ref` on elements of its own, but it cannot put one in this map or
 * change the id an element has here. Only these elements are looked up and decorated, so a page never learns from a
 * planted element whether (`fresh` or `pending`) and when ("Stand van …") the user opened a paper.
 */
export class OwnLinks {
  private readonly ids = new WeakMap<Element, string | undefined>();
  /** Elements checked and found not to be ours, so that a page that plants thousands costs one check each. */
  private readonly others = new WeakSet<Element>();
  /**
   * The elements claimed for each id, so that an answer for a few ids reaches their elements without reading every
   * link of the page (a 1 MB block of citations has 27 000: reading them took 37 ms per answer, traced by `npm run
   * bench`). An element the page took out stays here (it may put it back) until it is claimed for another id.
   */
  private readonly byId = new Map<string, Set<Element>>();

  claim(el: Element, id: string | undefined): void {
    const before = this.ids.get(el);
    if (before !== undefined && before !== id) this.byId.get(before)?.delete(el);
    this.ids.set(el, id);
    this.others.delete(el);
    if (id === undefined) return;
    const set = this.byId.get(id);
    if (set) set.add(el);
    else this.byId.set(id, new Set([el]));
  }

  has(el: Element): boolean {
    return this.ids.has(el);
  }

  /** Found not to be ours (never for an element that is). */
  reject(el: Element): void {
    if (!this.ids.has(el)) this.others.add(el);
  }

  checked(el: Element): boolean {
    return this.ids.has(el) || this.others.has(el);
  }

  /** The id Kamerlens gave `el`, while `el` still carries it; undefined for the page's elements. */
  idOf(el: Element): string | undefined {
    const id = this.ids.get(el);
    return id !== undefined && el.getAttribute(ATTR.ref) === id ? id : undefined;
  }

  /** Kamerlens' own elements in the page under `scope` for some of the ids, with their ids (in no set order). */
  withIdsAmong(ids: ReadonlySet<string>, scope: Node): [HTMLElement, string][] {
    const out: [HTMLElement, string][] = [];
    for (const id of ids)
      for (const el of this.byId.get(id) ?? [])
        if (this.idOf(el) === id && scope.contains(el)) out.push([el as HTMLElement, id]);
    return out;
  }

  /** The ids of Kamerlens' own elements in the page under `scope`, each once. */
  idsIn(scope: Node): string[] {
    const out: string[] = [];
    for (const [id, els] of this.byId)
      for (const el of els)
        if (this.idOf(el) === id && scope.contains(el)) {
          out.push(id);
          break;
        }
    return out;
  }

  /** Kamerlens' own elements under `scope` that name a document, with their ids, in document order. */
  withIds(scope: ParentNode): [HTMLElement, string][] {
    const out: [HTMLElement, string][] = [];
    for (const el of scope.querySelectorAll<HTMLElement>(REF_SELECTOR)) {
      const id = this.idOf(el);
      if (id !== undefined) out.push([el, id]);
    }
    return out;
  }
}

/** The paper links the first pass makes (motions are claimed by the second pass, which made them). */
const PAPER_LINKS = `a.${REF_CLASS}${has(ATTR.ref)}:not(${has(ATTR.kind, 'motion')})`;
/** The blocks of text-map.ts, which end a run of text: a reference is found again in the block it stands in. */
const BLOCKS =
  'address, article, aside, blockquote, body, dd, div, dl, dt, figcaption, figure, footer, h1, h2, h3, h4, h5, h6, ' +
  'header, hr, li, main, nav, ol, p, pre, section, table, tbody, td, th, thead, tr, ul';

/**
 * The Kamerlens link that holds a span's text: the link around its first piece of text, when all of that link's text
 * lies inside the span (a link around more than the reference is not the reference's).
 */
function linkAt(map: TextMap, index: ReadonlyMap<Text, number>, span: { start: number; end: number }) {
  let link: Element | null | undefined;
  for (let i = nodeIndexAt(map, span.start); i < map.nodes.length && map.starts[i]! < span.end; i++) {
    const node = map.nodes[i]!;
    const from = Math.max(span.start, map.starts[i]!) - map.starts[i]!;
    const to = Math.min(span.end, map.ends[i]!) - map.starts[i]!;
    if (to <= from || !node.data.slice(from, to).trim()) continue;
    link = node.parentElement?.closest(`.${REF_CLASS}`);
    break;
  }
  if (!link) return undefined;
  const walker = link.ownerDocument.createTreeWalker(link, 0x4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const i = index.get(n);
    if (i === undefined ? n.data.trim() : map.starts[i]! < span.start || map.ends[i]! > span.end) return undefined;
  }
  return link;
}

const indexOf = (map: TextMap) => new Map(map.nodes.map((n, i) => [n, i] as const));

/**
 * Claims the paper links in `scope` that stand exactly where Kamerlens' own detection of the scope's text (as the
 * first pass read it) puts a reference, with the id it derives; every other candidate is the page's.
 */
function claimPapersIn(scope: Element, own: OwnLinks, exclude?: (el: Element) => boolean): number {
  const candidates = [...scope.querySelectorAll(PAPER_LINKS)];
  if (!scope.isConnected || candidates.every((el) => own.checked(el))) return 0;
  const map = buildTextMap(scope, { readOwnLinks: true, ...(exclude ? { exclude } : {}) });
  const index = indexOf(map);
  let claimed = 0;
  for (const ref of detectPapers(map.text)) {
    const link = ref.end > ref.start ? linkAt(map, index, ref) : undefined;
    if (!link || own.has(link) || link.getAttribute(ATTR.ref) !== ref.id) continue;
    if (link.getAttribute(ATTR.kind) !== ref.kind) continue;
    own.claim(link, ref.id);
    claimed++;
  }
  for (const el of candidates) own.reject(el);
  return claimed;
}

/**
 * Finds which of the paper links under `roots` are Kamerlens' own, a block at a time and only for links not yet
 * checked: the link must stand where detecting the block's text again puts a reference, with that reference's id.
 * The element alone proves nothing (the page can write any element); the text it wraps does, and what a page can
 * plant that passes is a link around a real citation with its own id, which tells it nothing the text did not.
 * Resolves with the number of links claimed.
 */
export async function claimPaperLinks(
  roots: readonly Element[],
  own: OwnLinks,
  options: { exclude?: (el: Element) => boolean; signal?: AbortSignal } = {},
): Promise<number> {
  const scopes = new Set<Element>();
  const sliced = options.signal ? { signal: options.signal } : {};
  // A slice at a time: after the first pass a large page holds tens of thousands of links, all checked already.
  for (const root of roots)
    await runSliced(
      root.querySelectorAll(PAPER_LINKS),
      (el) => {
        if (own.checked(el)) return;
        const block = el.parentElement?.closest(BLOCKS);
        scopes.add(block && root.contains(block) ? block : root);
      },
      sliced,
    );
  let claimed = 0;
  await runSliced(
    scopes,
    (scope) => {
      claimed += claimPapersIn(scope, own, options.exclude);
    },
    sliced,
  );
  return claimed;
}

/**
 * On a motion's own page, the motion its title or heading starts with (`Motie: Motie van het lid …`, `Nr. 504 MOTIE
 * VAN HET LID …`) is the page's document: it gets the page's id, and so its status, instead of a search. A heading
 * that only mentions a motion (`Uitvoering van de motie van het lid …`, a letter's title) keeps its own.
 */
export function adoptSelfMotions(doc: Document, selfId: string, own: OwnLinks, out: Element[] = []): number {
  let adopted = 0;
  for (const el of doc.querySelectorAll<HTMLAnchorElement>(`a${has(ATTR.kind, 'motion')}:not(${has(ATTR.ref)})`)) {
    // Only Kamerlens' own motion links: a page's element would otherwise be given the page's id and its status.
    if (!own.has(el)) continue;
    const heading = el.closest(SELF_HEADINGS);
    if (!heading || !SELF_PREFIX.test(textBefore(heading, el))) continue;
    el.setAttribute(ATTR.ref, selfId);
    el.href = hrefFor({ kind: 'kamerstuk', id: selfId, start: 0, end: 0 });
    own.claim(el, selfId);
    if (!out.includes(el)) out.push(el);
    adopted++;
  }
  return adopted;
}
