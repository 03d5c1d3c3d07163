import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Finds the browsers the e2e tests and the demo drive: Debian's Chromium and Firefox ESR by default, or whatever
 * CHROME_PATH / FIREFOX_PATH name. On a fresh machine, as root, they are installed through apt (what .ci/run does
 * too); otherwise the error says exactly what to install or set.
 */

export type BrowserKind = 'chromium' | 'firefox';

const SPEC: Record<BrowserKind, { env: string; path: string; apt: string; label: string }> = {
  chromium: { env: 'CHROME_PATH', path: '/usr/bin/chromium', apt: 'chromium', label: 'Chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr', label: 'Firefox ESR' },
};

function canInstall(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function browserPath(kind: BrowserKind): string {
  const spec = SPEC[kind];
  const fromEnv = process.env[spec.env];
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`${spec.env}=${fromEnv} does not exist: point it at a ${spec.label} binary`);
    return fromEnv;
  }
  if (existsSync(spec.path)) return spec.path;
  if (canInstall()) {
    console.log(`${spec.label} not found at ${spec.path}: installing the Debian package '${spec.apt}'…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', spec.apt], { stdio: 'inherit', env });
    if (existsSync(spec.path)) return spec.path;
  }
  throw new Error(
    `${spec.label} not found at ${spec.path}. Install it (Debian/Ubuntu: sudo apt-get install -y ${spec.apt}) ` +
      `or set ${spec.env} to the path of a ${spec.label} binary.`,
  );
}
