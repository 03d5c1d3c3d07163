import type { Analysis } from '../refs/analyse';
import type { Footnote } from '../refs/types';
import type { SyncHealth } from '../sync/health';
import type { RefInfo } from '../sync/info';

/**
 * The one message protocol between the content script, the popup and the background: every message, its direction
 * and its payloads are named here and nowhere else.
 */
export interface Protocol {
  /** content → background: find motions and pillar topics in a page's text (compromise stays off the page). */
  'analyse-text': { request: { text: string; footnotes: Footnote[] }; response: Analysis };
  /**
   * content → background: what the cache has for the references on a page, at once (with "as of" times). Missing
   * and stale ones are fetched afterwards and pushed with `refs-updated`.
   */
  'lookup-refs': { request: { ids: string[] }; response: { refs: RefInfo[]; health: SyncHealth } };
  /** background → content (to the tab that asked): references that arrived or changed. */
  'refs-updated': { request: { refs: RefInfo[] }; response: undefined };
  /** popup, options → background: how the data sources are doing. */
  'sync-status': { request: Record<string, never>; response: SyncHealth };
  /**
   * options → background ("Opnieuw proberen"): ask unavailable services again and fetch everything waiting now;
   * answers with the health after that round. Records that arrive are pushed to the tabs that wait for them.
   */
  'sync-retry': { request: Record<string, never>; response: SyncHealth };
}

export type MessageName = keyof Protocol;
export type Request<N extends MessageName> = Protocol[N]['request'];
export type Response<N extends MessageName> = Protocol[N]['response'];

/** What travels: tagged, so that messages from other extensions or the page are never mistaken for ours. */
export interface Envelope<N extends MessageName = MessageName> {
  kamerlens: 1;
  name: N;
  payload: Request<N>;
}

/** A handler's answer as it travels back: errors are data, so the sender gets the reason instead of `undefined`. */
export type Reply<N extends MessageName> = { ok: true; value: Response<N> } | { ok: false; error: string };

export function envelope<N extends MessageName>(name: N, payload: Request<N>): Envelope<N> {
  return { kamerlens: 1, name, payload };
}

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).kamerlens === 1 &&
    typeof (message as Envelope).name === 'string'
  );
}
