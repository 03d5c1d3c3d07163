import type { RefInfo } from '../sync/info';

/**
 * What the background said about each id of this page, in the content script's world (the card and the panel read
 * it; the page cannot). Listeners hear of every update, so an open card changes in place when a record is pushed.
 */
export class InfoStore {
  private readonly infos = new Map<string, RefInfo>();
  private readonly listeners = new Set<(ids: ReadonlySet<string>) => void>();

  remember(infos: readonly RefInfo[]): void {
    if (!infos.length) return;
    const ids = new Set<string>();
    for (const info of infos) {
      this.infos.set(info.id, info);
      ids.add(info.id);
    }
    for (const listener of this.listeners) listener(ids);
  }

  get(id: string): RefInfo | undefined {
    return this.infos.get(id);
  }

  /** Returns the function that stops listening. */
  listen(listener: (ids: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
