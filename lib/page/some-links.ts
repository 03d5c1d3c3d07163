import { OwnLinks } from '../dom/identity';

/**
 * Some of Kamerlens' own links, in the form applyInfos (lib/dom/badges.ts) reads them: the answer for the links of
 * new text goes on those links only. Without it every answer would read every link of the page again (on a page of
 * 20 000 links that is tens of milliseconds per answer, the longest task left). Everything else is the page's own
 * registry: an element counts only while that registry holds it with the id it carries.
 */
export class SomeOwnLinks extends OwnLinks {
  constructor(
    private readonly all: OwnLinks,
    private readonly links: readonly Element[],
  ) {
    super();
  }

  override claim(el: Element, id: string | undefined): void {
    this.all.claim(el, id);
  }

  override has(el: Element): boolean {
    return this.all.has(el);
  }

  override reject(el: Element): void {
    this.all.reject(el);
  }

  override checked(el: Element): boolean {
    return this.all.checked(el);
  }

  override idOf(el: Element): string | undefined {
    return this.all.idOf(el);
  }

  override withIdsAmong(ids: ReadonlySet<string>, scope: Node): [HTMLElement, string][] {
    return this.withIds(scope as ParentNode).filter(([, id]) => ids.has(id));
  }

  override idsIn(scope: Node): string[] {
    return [...new Set(this.withIds(scope as ParentNode).map(([, id]) => id))];
  }

  override withIds(scope: ParentNode): [HTMLElement, string][] {
    const out: [HTMLElement, string][] = [];
    for (const el of this.links) {
      const id = this.all.idOf(el);
      if (id !== undefined && (scope as Node).contains(el)) out.push([el as HTMLElement, id]);
    }
    return out;
  }
}
