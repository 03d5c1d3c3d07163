import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../support/fixture-server';
import { launch } from './launch';

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.each(['chromium', 'firefox'] as const)('a %s session', (kind) => {
  it('leaves no browser process or profile behind once closed, even after a failed page', async () => {
    const server = await startFixtureServer();
    const session = await launch(kind, { port: server.port });
    const pid = session.browser.process()?.pid;
    try {
      expect(alive(pid)).toBe(true);
      expect(existsSync(session.profile)).toBe(true);
      // A page that cannot load: the open fails, as a test would, and close still cleans up.
      await expect(session.open('http://kamerlens-unreachable.invalid/')).rejects.toThrow();
    } finally {
      await session.close();
      await server.close();
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(pid)).toBe(false);
    expect(existsSync(session.profile)).toBe(false);
  });
});
