import { afterAll, beforeAll } from 'vitest';
import { type MockApi, type StartMockApiOptions, startMockApi } from './server';

/**
 * Starts the mock services for a test file and closes them after it; the getter is valid inside tests. By default
 * the TK mock serves API v5 only; pass `{ tkVersions: ['v4'] }` (or `['v5', 'v4']`) for tests of v4/2.0.
 */
export function useMockApi(options: StartMockApiOptions = {}): () => MockApi {
  let api: MockApi | undefined;
  beforeAll(async () => {
    api = await startMockApi(options);
  });
  afterAll(async () => {
    await api?.close();
  });
  return () => {
    if (!api) throw new Error('the mock API is started in beforeAll');
    return api;
  };
}

/** A row of an OData answer, loosely typed: tests assert on its fields. */
export type Row = Record<string, unknown>;

/** An expanded collection of a row (empty when absent, so a missing expansion fails the assertions, not the code). */
export function many(row: Row | undefined, name: string): Row[] {
  return (row?.[name] ?? []) as Row[];
}

/** An expanded single navigation of a row. */
export function one(row: Row | undefined, name: string): Row {
  return (row?.[name] ?? {}) as Row;
}
