import { ATTR } from '../contract/attrs';
import type { RefInfo } from '../sync/info';

/** What lib/dom/badges.ts puts on a link from the cache: copied to a new link for a reference already shown. */
const SHOWN = [ATTR.state, ATTR.status, ATTR.type, ATTR.badge, ATTR.badgeStyle, 'title'] as const;

/** Ids per `lookup-refs` message: the answer to one is put on the page in one go. */
const BATCH = 500;

export interface LookupDeps {
  /** Asks the background's cache (`lookup-refs`). */
  send: (ids: string[]) => Promise<RefInfo[]>;
  /** Puts an answer on the links that wait for it (badges.ts applyInfos, for these links only). */
  apply: (infos: RefInfo[], links: Element[]) => void;
  /** Gives the page back between runs of a few thousand links (scheduler.ts yieldToPage). */
  pause?: () => Promise<void>;
}

/** Links read between pauses. */
const LINKS_PER_STEP = 2_000;

export interface Lookups {
  /**
   * Links whose ids are being asked for elsewhere (the first pass's request, which puts its answer on every link of
   * the page): returns the ids new to the set.
   */
  seed(links: Iterable<Element>): string[];
  /** Ids whose request failed: asked again when they are linked again. */
  forget(ids: readonly string[]): void;
  /**
   * New links: the ids never asked for are sent, a few hundred per message, and each answer goes on the links that
   * wait for it; a link for an id already asked for (text the page put back, the same paper in new text) gets what
   * the page shows for that id, without a message.
   */
  linked(links: readonly Element[]): Promise<void>;
}

export function lookups(deps: LookupDeps): Lookups {
  const known = new Set<string>();
  /** The latest link for each id: it carries what the cache said (pushed updates reach it while it is on the page). */
  const last = new Map<string, Element>();
  /** Links whose ids were sent and not yet answered. */
  const waiting = new Map<string, Element[]>();
  const idOf = (el: Element) => el.getAttribute(ATTR.ref);
  return {
    seed(links) {
      const fresh: string[] = [];
      for (const el of links) {
        const id = idOf(el);
        if (!id) continue;
        last.set(id, el);
        if (known.has(id)) continue;
        known.add(id);
        fresh.push(id);
      }
      return fresh;
    },
    forget(ids) {
      for (const id of ids) known.delete(id);
    },
    async linked(links) {
      const fresh: string[] = [];
      for (let i = 0; i < links.length; i++) {
        if (i && i % LINKS_PER_STEP === 0 && deps.pause) await deps.pause();
        const el = links[i]!;
        const id = idOf(el);
        if (!id) continue;
        const wait = waiting.get(id);
        if (!known.has(id)) {
          known.add(id);
          fresh.push(id);
          waiting.set(id, [el]);
        } else if (wait) {
          wait.push(el);
        } else {
          const shown = last.get(id);
          if (shown && shown !== el)
            for (const name of SHOWN) {
              const value = shown.getAttribute(name);
              if (value !== null) el.setAttribute(name, value);
            }
        }
        last.set(id, el);
      }
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh.slice(i, i + BATCH);
        let infos: RefInfo[];
        try {
          infos = await deps.send(batch);
        } catch (error) {
          for (const id of fresh.slice(i)) {
            known.delete(id);
            waiting.delete(id);
          }
          throw error;
        }
        const els: Element[] = [];
        for (const id of batch) {
          els.push(...(waiting.get(id) ?? []));
          waiting.delete(id);
        }
        deps.apply(infos, els);
      }
    },
  };
}
