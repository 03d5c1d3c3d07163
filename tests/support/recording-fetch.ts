/** One answer a client got: the URL asked (decoded), the status, and the body of a 400 (what the server refused). */
export interface Seen {
  url: string;
  status: number;
  body?: string;
}

/** A fetch that notes every answer in `seen`, for tests that assert what a client sent and what came back. */
export function recordingFetch(seen: Seen[], inner: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    seen.push({
      url: decodeURIComponent(String(input)),
      status: response.status,
      ...(response.status === 400 ? { body: await response.clone().text() } : {}),
    });
    return response;
  };
}
