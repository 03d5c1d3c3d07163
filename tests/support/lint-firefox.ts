import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run lint:firefox`: Mozilla's addons-linter (what addons.mozilla.org runs on upload) over the Firefox build.
 * No error may pass; each warning must be one explained below, by code and file, or the run fails.
 */

const EXPLAINED: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/options-[\w-]+\.js$/,
    why:
      "Preact's renderer has `dangerouslySetInnerHTML` support (`r.innerHTML = w.__html`); the options page never " +
      'passes that prop, so the branch never runs.',
  },
];

interface Message {
  code: string;
  message: string;
  file?: string;
}

const dir = join(process.cwd(), '.output', 'firefox-mv2');
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`lint:firefox: no Firefox build in ${dir} (run npm run build:firefox)`);
  process.exit(2);
}
let out: string;
try {
  out = execFileSync(join('node_modules', '.bin', 'addons-linter'), ['--output', 'json', dir], { encoding: 'utf8' });
} catch (error) {
  // addons-linter exits non-zero when it finds errors; its report is still on stdout.
  out = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(out) as { errors: Message[]; warnings: Message[]; notices: Message[] };
const unexplained = report.warnings.filter(
  (w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '')),
);
for (const e of report.errors) console.error(`error ${e.code} ${e.file ?? ''}: ${e.message}`);
for (const w of unexplained) console.error(`unexplained warning ${w.code} ${w.file ?? ''}: ${w.message}`);
for (const w of report.warnings.filter((w) => !unexplained.includes(w))) {
  const why = EXPLAINED.find((e) => e.code === w.code)!.why;
  console.log(`explained warning ${w.code} ${w.file}: ${why}`);
}
if (report.errors.length || unexplained.length) process.exit(1);
console.log(`lint:firefox: ${report.errors.length} errors, ${report.warnings.length} warnings (all explained)`);
