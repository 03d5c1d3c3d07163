import type { AnchorState, NoteSelector } from '../notes/model';
import type { Analysis } from '../refs/analyse';
import type { DetectContext, Footnote } from '../refs/types';
import type { SyncHealth } from '../sync/health';
import type { RefInfo } from '../sync/info';
import { MAX_ID_LENGTH } from '../sync/sources';
import type { FoundPaper } from './found-papers';
import { SEND_MAX } from './text-parts';

/**
 * The one message protocol between the content script, the popup and the background: every message, its direction
 * and its payloads are named here and nowhere else.
 */
export interface Protocol {
  /**
   * content → background: find motions and pillar topics in a page's text (compromise stays off the page). The
   * background analyses it in windows, answering other messages between them (`analyseTextInWindows`).
   */
  'analyse-text': { request: { text: string; footnotes: Footnote[]; token?: string }; response: Analysis };
  /**
   * content → background: a part of a long text to analyse, ahead of the `analyse-text` with the same token, which
   * brings the last part (lib/messaging/text-parts.ts says why).
   */
  'analyse-part': { request: { token: string; index: number; text: string }; response: undefined };
  /**
   * content → background, the first pass: the papers cited in a page's text (lib/messaging/found-papers.ts says why
   * they are found in the background). Answers each as `[kind, id, start, end]`, in text order. With a token the
   * background also keeps the text, as the first part of an `analyse-text` with that token (text-parts.ts
   * `KeptText`): the second pass need not send the same text again.
   */
  'detect-papers': {
    request: { text: string; context?: DetectContext; token?: string };
    response: { found: FoundPaper[] };
  };
  /**
   * content → background, at the start: the page layer's texts in the UI language, as message templates (`$1`…),
   * so the page need not load the extension's message catalogues itself (lib/i18n.ts `useTemplates`).
   */
  'page-texts': { request: Record<string, never>; response: { texts: Record<string, string> } };
  /**
   * content → background: what the cache has for the references on a page, at once (with "as of" times). Missing
   * and stale ones are fetched afterwards and pushed with `refs-updated`.
   */
  'lookup-refs': { request: { ids: string[] }; response: { refs: RefInfo[] } };
  /**
   * content → background ("Vernieuwen" in the hover card): fetch this one record again now, whatever its freshness.
   * Answers with what the cache has at once (`stale` while the fetch runs); the new record follows as `refs-updated`.
   */
  'refresh-ref': { request: { id: string }; response: { refs: RefInfo[] } };
  /** background → content (the tab of the `commands` shortcut): open or close the document panel. */
  'toggle-panel': { request: Record<string, never>; response: undefined };
  /** background → content (to the tab that asked): references that arrived or changed. */
  'refs-updated': { request: { refs: RefInfo[] }; response: undefined };
  /** popup, options → background: how the data sources are doing. */
  'sync-status': { request: Record<string, never>; response: SyncHealth };
  /**
   * options → background ("Opnieuw proberen"): ask unavailable services again and fetch everything waiting now;
   * answers with the health after that round. Records that arrive are pushed to the tabs that wait for them.
   */
  'sync-retry': { request: Record<string, never>; response: SyncHealth };
  /**
   * content → background, once a page's first pass is done: the document the page is (canonical id), so that the
   * toolbar badge counts its notes; answers the passages of its notes, to be highlighted again.
   */
  'page-notes': { request: { documentId?: string }; response: { documentId?: string; passages: NotePassage[] } };
  /** popup → content: which document this page is, its references, and whether each note's passage was found. */
  'page-document': { request: Record<string, never>; response: PageDocument };
  /** popup → content: bring one of the page's references into view (a click in the popup's list). */
  'page-scroll-to': { request: { id: string }; response: boolean };
  /** popup, background → content: the selection as W3C selectors, for "Notitie bij selectie"; none when empty. */
  'selection-describe': { request: Record<string, never>; response: SelectionAnchor | null };
  /** popup, background → content: this page's notes changed; the highlights are drawn again from these passages. */
  'notes-changed': { request: { passages: NotePassage[] }; response: undefined };
}

/** A note's passage as the page needs it: which note, and where. */
export interface NotePassage {
  id: string;
  selectors: NoteSelector[];
}

/** What the content script knows of its page, for the popup. */
export interface PageDocument {
  /** The canonical document id, when the page is a document Kamerlens knows how to name. */
  documentId?: string;
  url: string;
  title: string;
  /** The document's date as the page gives it (`yyyy-mm-dd`), when it does. */
  date?: string;
  refs: PageRef[];
  /** Per note id: whether its passage was found in the page as it is now. */
  anchors: Record<string, AnchorState>;
}

export interface PageRef {
  id: string;
  kind: string;
  text: string;
  /** `data-kamerlens-state`/`-status` as the page shows them, when the cache answered. */
  state?: string;
  status?: string;
}

export interface SelectionAnchor {
  documentId?: string;
  url: string;
  title: string;
  selectors: NoteSelector[];
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

/** Caps on what a page's content script may send: a page controls its text, and the worker serves every tab. */
export const LIMITS = {
  /** Ids per lookup: the longest real letters cite a few hundred papers. */
  ids: 5_000,
  idLength: MAX_ID_LENGTH,
  /** Characters of text per analysis (a long Handelingen day is ~1 MB); the rest is not analysed. */
  text: 2_000_000,
  footnotes: 5_000,
} as const;

export class InvalidMessage extends Error {
  override readonly name = 'InvalidMessage';
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** A token that ties the parts of one text together: a short string, or none. */
function checkToken(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value || value.length > 64) throw new InvalidMessage(`${name}: bad token`);
  return value;
}

/** A page's identity as detection takes it (DetectContext): short strings only, anything else is dropped. */
function checkContext(value: unknown): DetectContext | undefined {
  if (!isObject(value)) return undefined;
  const context: DetectContext = {};
  for (const key of ['dossier', 'toevoeging', 'id'] as const) {
    const field = value[key];
    if (typeof field === 'string' && field.length <= LIMITS.idLength) context[key] = field;
  }
  return Object.keys(context).length ? context : undefined;
}

/**
 * The shapes the background accepts from content scripts, checked before any handler runs: a payload of the wrong
 * shape is refused with a reason, and one too large is cut to the caps above (never a 1 MB id list, never an id of
 * 10 000 characters, never a text that keeps the worker busy for every other tab).
 */
export const CHECKS: { [N in MessageName]?: (payload: unknown) => Request<N> } = {
  'lookup-refs': (payload) => {
    if (!isObject(payload) || !Array.isArray(payload.ids)) throw new InvalidMessage('lookup-refs: ids must be a list');
    const ids = payload.ids.filter((id): id is string => typeof id === 'string' && id.length <= LIMITS.idLength);
    return { ids: [...new Set(ids)].slice(0, LIMITS.ids) };
  },
  'analyse-text': (payload) => {
    if (!isObject(payload) || typeof payload.text !== 'string' || !Array.isArray(payload.footnotes))
      throw new InvalidMessage('analyse-text: text must be a string and footnotes a list');
    const token = checkToken(payload.token, 'analyse-text');
    const text = payload.text.slice(0, LIMITS.text);
    // After parts, a footnote may stand anywhere in the whole text: the background checks it against that.
    const length = token === undefined ? text.length : LIMITS.text;
    const footnotes = payload.footnotes
      .filter(
        (f): f is Footnote =>
          isObject(f) &&
          Number.isInteger(f.at) &&
          (f.at as number) >= 0 &&
          (f.at as number) <= length &&
          typeof f.label === 'string' &&
          f.label.length <= 8 &&
          typeof f.body === 'string' &&
          (f.bodyAt === undefined || (Number.isInteger(f.bodyAt) && (f.bodyAt as number) >= 0)),
      )
      .slice(0, LIMITS.footnotes)
      .map((f) => ({ ...f, body: f.body.slice(0, 10_000) }));
    return token === undefined ? { text, footnotes } : { text, footnotes, token };
  },
  'analyse-part': (payload) => {
    const token = isObject(payload) ? checkToken(payload.token, 'analyse-part') : undefined;
    if (!isObject(payload) || token === undefined || !Number.isInteger(payload.index) || (payload.index as number) < 0)
      throw new InvalidMessage('analyse-part: token and index are required');
    if (typeof payload.text !== 'string' || payload.text.length > SEND_MAX)
      throw new InvalidMessage(`analyse-part: text must be a string of at most ${SEND_MAX} characters`);
    return { token, index: payload.index as number, text: payload.text };
  },
  'detect-papers': (payload) => {
    // Offsets must hold for the whole text: a text over the cap is refused (the page detects it itself), not cut.
    if (!isObject(payload) || typeof payload.text !== 'string' || payload.text.length > LIMITS.text)
      throw new InvalidMessage(`detect-papers: text must be a string of at most ${LIMITS.text} characters`);
    const context = checkContext(payload.context);
    const token = checkToken(payload.token, 'detect-papers');
    return { text: payload.text, ...(context ? { context } : {}), ...(token === undefined ? {} : { token }) };
  },
  'refs-updated': (payload) => {
    if (!isObject(payload) || !Array.isArray(payload.refs))
      throw new InvalidMessage('refs-updated: refs must be a list');
    return payload as unknown as Request<'refs-updated'>;
  },
  'refresh-ref': (payload) => {
    if (!isObject(payload) || typeof payload.id !== 'string' || payload.id.length > LIMITS.idLength)
      throw new InvalidMessage('refresh-ref: id must be a reference id');
    return { id: payload.id };
  },
  'toggle-panel': () => ({}),
  'page-texts': () => ({}),
  'sync-status': () => ({}),
  'sync-retry': () => ({}),
  'page-notes': (payload) => {
    // From a page's content script: an id is a short reference id, or nothing.
    const id = isObject(payload) ? payload.documentId : undefined;
    return typeof id === 'string' && id.length <= LIMITS.idLength ? { documentId: id } : {};
  },
};
