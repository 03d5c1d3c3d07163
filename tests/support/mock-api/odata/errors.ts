import type { MockResponse } from '../types';

/**
 * A request the service refuses, answered like the real ASP.NET OData server: a status and an
 * `{"error":{"code":"","message":"…"}}` body, so clients meet the same error shape as in production.
 */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ODataError';
  }
}

/** A 400 for an invalid query option, with the prefix ASP.NET OData puts before every validation message. */
export function invalidQuery(message: string): ODataError {
  return new ODataError(400, `The query specified in the URI is not valid. ${message}`);
}

export const JSON_CONTENT_TYPE =
  'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

export function errorResponse(status: number, message: string): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'odata-version': '4.0' },
    body: JSON.stringify({ error: { code: '', message } }),
  };
}
