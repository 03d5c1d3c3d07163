import { type Browser, browser } from 'wxt/browser';
import { CHECKS, envelope, isEnvelope, type MessageName, type Reply, type Request, type Response } from './protocol';
import { isAbort } from './turns';

export type Sender = Browser.runtime.MessageSender;
export type Handler<N extends MessageName> = (
  payload: Request<N>,
  sender: Sender,
) => Response<N> | Promise<Response<N>>;
export type Handlers<N extends MessageName = MessageName> = { [K in N]: Handler<K> };

function unwrap<N extends MessageName>(name: N, reply: Reply<N> | undefined): Response<N> {
  if (!reply) throw new Error(`Kamerlens: no answer to ${name}`);
  if (!reply.ok) throw new Error(`Kamerlens: ${name} failed: ${reply.error}`);
  return reply.value;
}

/** Sends a message to the background and returns its answer, or throws the background's error as an Error. */
export async function send<N extends MessageName>(name: N, payload: Request<N>): Promise<Response<N>> {
  return unwrap(name, (await browser.runtime.sendMessage(envelope(name, payload))) as Reply<N> | undefined);
}

/** Sends a message to one tab's content script (background → page). */
export async function sendToTab<N extends MessageName>(
  tabId: number,
  name: N,
  payload: Request<N>,
): Promise<Response<N>> {
  return unwrap(name, (await browser.tabs.sendMessage(tabId, envelope(name, payload))) as Reply<N> | undefined);
}

/**
 * Registers handlers for the messages this context answers, in one place; unknown messages are left alone (another
 * listener may answer them). A handler's failure goes back to the sender as its reason, and to `onError` (the
 * background's error funnel). Returns a function that removes the listener.
 */
export function handleMessages<N extends MessageName>(
  handlers: Handlers<N>,
  onError?: (where: string, error: unknown) => void,
): () => void {
  const listener = (message: unknown, sender: Sender) => {
    if (!isEnvelope(message) || !(message.name in handlers)) return undefined;
    const handler = handlers[message.name as N] as (payload: unknown, sender: Sender) => unknown;
    const check = CHECKS[message.name] as ((payload: unknown) => unknown) | undefined;
    return Promise.resolve()
      .then(() => handler(check ? check(message.payload) : message.payload, sender))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => {
          // Work aborted because no one wants it any more (a closed tab's analysis, turns.ts) is no fault.
          if (!isAbort(error)) onError?.(`message ${message.name}`, error);
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        },
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
