/**
 * `npm run bench`: performance figures, one per line as `name: value unit`. Each section measures its figures in
 * this one run, and compares them with a baseline measured alongside, so the ratios hold on any machine.
 */

import { buildExtension } from '../e2e/build';
import { benchAnalysis } from './analysis';
import { benchDetection } from './detection';
import { benchPage } from './page';
import { benchPapers } from './papers';
import { benchSync } from './sync';
import { benchXml } from './xml';

console.log('# reference detection');
benchDetection();
benchPapers();
console.log('# full analysis (background)');
benchAnalysis();
console.log('# cache and sync');
await benchSync();
console.log('# xml');
await benchXml();
console.log('# the page');
buildExtension('chrome');
process.env.KAMERLENS_REUSE_BUILD = '1';
await benchPage();
