import { afterAll, beforeAll } from 'vitest';
import type { BrowserKind } from '../support/browsers';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { type MockApi, startMockApi } from '../support/mock-api/server';
import { launch, type Session, watchAnswers } from './launch';

export interface DataSession {
  pages: FixtureServer;
  /** The mock data services, TK API v5 only (as the real service since October 2026), under the real host names. */
  api: MockApi;
  /** Every answer the mock gave on its HTTPS port, with its status. */
  log: ReturnType<typeof watchAnswers>;
  session: Session;
}

/**
 * For one describe block: the fixture sites, the mock data services and a browser with the built extension wired to
 * both, started before its tests and closed after them. The fields are filled in `beforeAll`.
 */
export function useDataSession(kind: BrowserKind): DataSession {
  const env = {} as DataSession;
  beforeAll(async () => {
    env.pages = await startFixtureServer();
    env.api = await startMockApi({ https: true, tkVersions: ['v5'] });
    env.log = watchAnswers(env.api.httpsPort!);
    env.session = await launch(kind, { port: env.pages.port, dataPort: env.api.httpsPort! });
  });
  afterAll(async () => {
    env.log?.stop();
    await env.session?.close();
    await env.api?.close();
    await env.pages?.close();
  });
  return env;
}
