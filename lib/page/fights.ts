import { REF_CLASS } from '../contract/attrs';
import { ownLinkedAt } from '../dom/own';

/**
 * Pages that fight the links: a widget that puts its own text back as soon as it sees one of our links in it would
 * be linked again after every quiet period, for ever. An element that took links of ours away soon after they went
 * in, `limit` times, is left alone from then on (a text root only after `rootLimit` times: giving up on a root gives
 * up on all text the page adds under it). "Soon" (`windowMs`) tells a fight from a page that re-renders a section
 * later on, because the user asked for it.
 */
export interface FightOptions {
  now: () => number;
  windowMs: number;
  limit: number;
  rootLimit: number;
  isRoot: (el: Element) => boolean;
}

/** When the youngest link of ours in a removed node went into the page, or undefined when it holds none. */
export function ownLinkIn(node: Node): number | undefined {
  if (node.nodeType !== 1) return undefined;
  const el = node as Element;
  const at = ownLinkedAt(el);
  if (at !== undefined || !el.firstElementChild) return at;
  let youngest: number | undefined;
  for (const link of el.querySelectorAll(`a.${REF_CLASS}`)) {
    const t = ownLinkedAt(link);
    if (t !== undefined && (youngest === undefined || t > youngest)) youngest = t;
  }
  return youngest;
}

export class Fights {
  private readonly strikes = new WeakMap<Element, number>();
  private readonly left = new WeakSet<Element>();

  constructor(private readonly options: FightOptions) {}

  /** Whether a link that went in at `at` and was taken away at `takenAt` (now) was taken soon: a fight. */
  isYoung(at: number, takenAt = this.options.now()): boolean {
    return takenAt - at < this.options.windowMs;
  }

  /** `target` took young links of ours away (once per round of the page's changes, however many links). */
  strike(target: Element): void {
    const strikes = (this.strikes.get(target) ?? 0) + 1;
    this.strikes.set(target, strikes);
    if (strikes >= (this.options.isRoot(target) ? this.options.rootLimit : this.options.limit)) this.left.add(target);
  }

  /** True for an element Kamerlens leaves alone. */
  isLeftAlone(el: Element): boolean {
    return this.left.has(el);
  }
}
