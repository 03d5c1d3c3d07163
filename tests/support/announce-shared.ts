import { HAS_SHARED, NO_SHARED, SHARED_DIR } from './shared';

/** Says once per run whether the corpus and conformance tests can run, so a skip is never silent. */
export default function announce() {
  if (HAS_SHARED) console.log(`Reference material: ${SHARED_DIR}`);
  else console.warn(`\n⚠ ${NO_SHARED}\n`);
}
