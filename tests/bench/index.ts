/**
 * `npm run bench`: performance figures, one per line as `name: value unit`. Each section measures its figures in
 * this one run, and compares them with a baseline measured alongside, so the ratios hold on any machine.
 */
import { benchDetection } from './detection';
import { benchSync } from './sync';

console.log('# reference detection');
benchDetection();
console.log('# cache and sync');
await benchSync();
