import { browser } from 'wxt/browser';
import { envelope, isEnvelope, type MessageName, type Reply, type Request, type Response } from './protocol';

export type Handlers = { [N in MessageName]: (payload: Request<N>) => Response<N> | Promise<Response<N>> };

/** Sends a message to the background and returns its answer, or throws the background's error as an Error. */
export async function send<N extends MessageName>(name: N, payload: Request<N>): Promise<Response<N>> {
  const reply = (await browser.runtime.sendMessage(envelope(name, payload))) as Reply<N> | undefined;
  if (!reply) throw new Error(`Kamerlens: no answer to ${name}`);
  if (!reply.ok) throw new Error(`Kamerlens: ${name} failed: ${reply.error}`);
  return reply.value;
}

/** Registers every handler in one place (the background's only listener); unknown messages are left alone. */
export function handleMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.name] as ((payload: unknown) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve()
      .then(() => handler(message.payload))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}
