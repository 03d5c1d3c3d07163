/**
 * Shared contract between the mock hosts (OData, SRU) and the dispatching server,
 * so handlers can be written independently and mounted by `server.ts`.
 */
import type { IncomingMessage } from 'node:http';

/** What a mock handler answers; the server writes it verbatim (after applying faults). */
export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** A mock host's request handler; `url` is absolute (scheme, host and port as addressed). */
export type MockHandler = (url: URL, req: IncomingMessage) => MockResponse | Promise<MockResponse>;
