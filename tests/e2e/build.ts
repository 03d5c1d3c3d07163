import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/shared';

export type Target = 'chrome' | 'firefox';

/** Where WXT writes each target's unpacked build. */
export const OUTPUT_DIR: Record<Target, string> = {
  chrome: join(PROJECT_ROOT, '.output', 'chrome-mv3'),
  firefox: join(PROJECT_ROOT, '.output', 'firefox-mv2'),
};

/**
 * Builds the extension for a target with the project's own build scripts, so the tests load exactly what
 * `npm run build` ships. KAMERLENS_REUSE_BUILD=1 skips the build when an output is already there.
 */
export function buildExtension(target: Target): string {
  const out = OUTPUT_DIR[target];
  if (process.env.KAMERLENS_REUSE_BUILD === '1' && existsSync(join(out, 'manifest.json'))) return out;
  const script = target === 'chrome' ? 'build' : 'build:firefox';
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run ${script} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return out;
}
