/**
 * Expensive work that takes turns: one call at a time, each after a macrotask, so that messages already waiting (a
 * tab's lookups) are answered first and one page's long analysis never makes every other tab wait behind it.
 *
 * Each call has an owner (a tab's frame), and only the owner's latest call is worth doing. A page asks for one analysis
 * at a time (lib/page/analyse.ts), so a newer one from the same frame means the page that asked before has gone (a
 * reload, a link followed, the extension updated), and a closed tab's work is wanted by no one. (A page being
 * prerendered, or kept in the back-forward cache, has a frame id of its own in Chromium, not the active page's 0:
 * developer.chrome.com/blog/extension-instantnav.) Before, such work kept its turn: a tab opened after a closed one
 * with a megabyte of text waited for that analysis to end (half a second or more on a busy two-core machine: `npm run
 * bench` measured 1.8–4 MB/s on motion-dense text). The hostile-pages end-to-end test opens and closes nine pages
 * (bursts of paragraphs, blocks of 100 KB of citations) without waiting for their analyses, then waits 60 s for a 1 MB
 * page's; once, in Firefox, that never came. Now a call that is no longer wanted is aborted: not started if it still
 * waits, stopped at its next pause if it runs (`signal`).
 */
export class Turns<A extends unknown[], R> {
  private last: Promise<unknown> = Promise.resolve();
  /** The latest call of each owner that has not ended yet. */
  private readonly latest = new Map<string, AbortController>();
  /** Calls that have not ended yet, waiting or running. */
  private unfinished = 0;

  constructor(private readonly work: (signal: AbortSignal, ...args: A) => R | Promise<R>) {}

  /** Runs the work in its turn; an earlier call of the same owner is aborted. Without an owner, nothing is. */
  run(owner: string | undefined, ...args: A): Promise<R> {
    const controller = new AbortController();
    if (owner !== undefined) {
      this.latest.get(owner)?.abort(aborted('its page asked again'));
      this.latest.set(owner, controller);
    }
    const { signal } = controller;
    const turn = this.last.then(
      () =>
        new Promise<R>((resolve, reject) =>
          setTimeout(() => {
            if (signal.aborted) reject(signal.reason);
            else
              Promise.resolve()
                .then(() => this.work(signal, ...args))
                .then(resolve, reject);
          }, 0),
        ),
    );
    this.last = turn.catch(() => undefined);
    this.unfinished++;
    return turn.finally(() => {
      this.unfinished--;
      if (owner !== undefined && this.latest.get(owner) === controller) this.latest.delete(owner);
    });
  }

  /** Whether some call has not ended yet. */
  get busy(): boolean {
    return this.unfinished > 0;
  }

  /** Aborts the calls of every owner `owns` picks (the frames of a closed tab). */
  cancel(owns: (owner: string) => boolean, why: string): void {
    for (const [owner, controller] of this.latest) {
      if (!owns(owner)) continue;
      controller.abort(aborted(why));
      this.latest.delete(owner);
    }
  }
}

/** What a page hears of its work that was stopped (the message layer passes the error's message on). */
export const STOPPED = 'work stopped';

/** The standard abort error (`AbortError`), which the message layer answers without reporting it as a fault. */
function aborted(why: string): DOMException {
  return new DOMException(`Kamerlens: ${STOPPED}: ${why}`, 'AbortError');
}

/**
 * Whether a page's request failed because the background stopped it for a newer one of the same frame. The page
 * that hears this is one that came back (from the back-forward cache, whose pages keep their scripts) after another
 * page of its tab asked: it may ask again.
 */
export function wasStopped(error: unknown): boolean {
  return error instanceof Error && error.message.includes(STOPPED);
}

/** Whether `error` is an abort (see `aborted`, and `AbortSignal.throwIfAborted` with such a reason). */
export function isAbort(error: unknown): boolean {
  // A DOMException is an Error, in browsers and in Node.
  return error instanceof Error && error.name === 'AbortError';
}
