import { buildExtension } from './build';

/** Builds both targets once per run; the test files then reuse the output (KAMERLENS_REUSE_BUILD). */
export default function setup() {
  buildExtension('chrome');
  buildExtension('firefox');
  process.env.KAMERLENS_REUSE_BUILD = '1';
}
