import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ATTR } from '@/lib/contract/attrs';
import { outermostSteps } from '@/lib/dom/changes';
import { isOwn } from '@/lib/dom/own';
import { type ScanOptions, scanSteps } from '@/lib/dom/scan';
import { runStepsSliced } from '@/lib/dom/scheduler';
import { isSkipped } from '@/lib/dom/text-map';
import { Fights, ownLinkIn } from '@/lib/page/fights';
import { settler } from '@/lib/page/settle';

/** Quiet time after the last change before new text is scanned: pages often insert content in bursts. */
export const SETTLE_MS = 150;
/** The longest a change waits for the page to be quiet (a page that changes all the time is scanned this often). */
export const MAX_WAIT_MS = 1_000;
/** A link the page takes away this soon after it went in counts as a fight; after FIGHT_LIMIT the element is left. */
export const FIGHT_WINDOW_MS = 2_000;
export const FIGHT_LIMIT = 3;
/** A text root itself is left alone only after this many (it would stop all text the page adds under it). */
export const ROOT_FIGHT_LIMIT = 10;
/** Mutation records read in one step: a burst of thousands is read by the round, not in the page's task. */
const RECORDS_PER_STEP = 256;
/** Added nodes above which the round rescans the roots instead of finding the outermost changed blocks. */
export const RESCAN_NODES = 20_000;
/** Targets looked at in one step (thousands of small ones hold no link of the page's, each a quick check). */
const TARGETS_PER_STEP = 64;

export interface NewText {
  /** The first link of each reference linked in this round (the elements with `data-kamerlens-ref`). */
  links: Element[];
  /** The page took links of ours away since the last round: the count of linked references changed. */
  removed: boolean;
}

type Context = Pick<ContentScriptContext, 'signal' | 'isInvalid' | 'setTimeout' | 'onInvalidated'>;

export interface WatchOptions {
  /** Called after each round that linked something or saw links of ours taken away. */
  onChange: (change: NewText) => void;
  /** Called for each new reference's first link as it goes into the page. */
  onLink?: ScanOptions['onLink'];
  /** The page's own identity, as the first pass used it. */
  context?: ScanOptions['context'];
  kinds?: ScanOptions['kinds'];
  /**
   * Decorates the page's own reference links under a rescanned element, a step at a time (lib/page/existing.ts
   * decorateSteps): their first links.
   */
  decorate?: (target: Element) => Generator<void, { firsts: readonly Element[] }>;
  /** Added nodes above which the roots are rescanned (RESCAN_NODES; smaller in tests). */
  rescanNodes?: number;
}

/**
 * Scans text that the page adds after the first pass (expanded sections, late-loaded documents), once the page has
 * been quiet for a moment. Kamerlens' own nodes are ignored; the rescan covers only the outermost changed blocks, in
 * one sliced run however many there are; an element that keeps taking our links away is left alone.
 */
export function watchForNewText(
  ctx: Context,
  roots: Element[],
  exclude: (el: Element) => boolean,
  { onChange, onLink, context, kinds, decorate, rescanNodes = RESCAN_NODES }: WatchOptions,
) {
  const rootSet = new Set(roots);
  const fights = new Fights({
    now: () => performance.now(),
    windowMs: FIGHT_WINDOW_MS,
    limit: FIGHT_LIMIT,
    rootLimit: ROOT_FIGHT_LIMIT,
    isRoot: (el) => rootSet.has(el),
  });
  const leave = (el: Element) => fights.isLeftAlone(el) || exclude(el);
  const skipped = (el: Element) => isSkipped(el, leave);
  let added: Node[] = [];
  let removed = false;
  /** The records of a large burst, read by the round a few hundred at a time instead of in the page's task. */
  const backlog: { records: readonly MutationRecord[]; at: number }[] = [];

  /** Reads one record: what the page added, and whether it took links of ours away (soon after they went in). */
  const read = (record: MutationRecord, at: number, fighters: Set<Element>): boolean => {
    let changed = false;
    const gone = record.removedNodes;
    for (let i = 0; i < gone.length; i++) {
      const linkedAt = ownLinkIn(gone[i]!);
      if (linkedAt === undefined) continue;
      removed = changed = true;
      if (fights.isYoung(linkedAt, at) && record.target.nodeType === 1) fighters.add(record.target as Element);
    }
    const nodes = record.addedNodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      // Our own links and text pieces, and the page's text node we moved into our link.
      if (isOwn(node) || (node.parentNode && isOwn(node.parentNode))) continue;
      added.push(node);
      changed = true;
    }
    return changed;
  };

  function* round(links: Element[]): Generator<void, void> {
    for (let batch = backlog.shift(); batch; batch = backlog.shift()) {
      const fighters = new Set<Element>();
      for (let i = 0; i < batch.records.length; i++) {
        read(batch.records[i]!, batch.at, fighters);
        if (i % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield;
      }
      for (const fighter of fighters) fights.strike(fighter);
    }
    const nodes = added;
    added = [];
    // A burst larger than a rescan (a page that replaces its whole text) costs one pass over the roots instead of
    // a walk up from each of its nodes; the scan is idempotent, so text already linked stays as it is.
    const targets = nodes.length > rescanNodes ? roots : yield* outermostSteps(nodes, roots, skipped);
    // The page's own links first, while the targets hold only the page's anchors: a target without one costs a
    // live-collection length, and the scan's last commit stays the round's last change to the page.
    if (decorate)
      for (let i = 0; i < targets.length; i++) {
        const target = targets[i]!;
        if (!target.isConnected || (target.tagName !== 'A' && !target.getElementsByTagName('a').length)) continue;
        for (const link of (yield* decorate(target)).firsts) {
          links.push(link);
          onLink?.(link as HTMLAnchorElement, link.getAttribute(ATTR.ref) ?? undefined);
        }
        if (i % TARGETS_PER_STEP === TARGETS_PER_STEP - 1) yield;
      }
    if (targets.length)
      yield* scanSteps(targets, {
        exclude: leave,
        links,
        onLink,
        ...(context ? { context } : {}),
        ...(kinds ? { kinds } : {}),
      });
  }

  const settle = settler(
    async () => {
      const links: Element[] = [];
      await runStepsSliced(round(links), { signal: ctx.signal });
      if (ctx.isInvalid || (!links.length && !removed)) return;
      const change = { links, removed };
      removed = false;
      onChange(change);
    },
    {
      quietMs: SETTLE_MS,
      maxWaitMs: MAX_WAIT_MS,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      now: () => performance.now(),
    },
  );

  const observer = new MutationObserver((records) => {
    const at = performance.now();
    if (records.length > RECORDS_PER_STEP) {
      backlog.push({ records, at });
      settle.poke();
      return;
    }
    let changed = false;
    const fighters = new Set<Element>();
    for (const record of records) if (read(record, at, fighters)) changed = true;
    for (const fighter of fighters) fights.strike(fighter);
    if (changed) settle.poke();
  });
  for (const root of roots) observer.observe(root, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
