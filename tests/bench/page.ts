import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { launch } from '../e2e/launch';
import { browserPath } from '../support/browsers';
import { obPage } from '../support/corpus-pages';
import { corpusText, HAS_SHARED, NO_SHARED } from '../support/shared';
import { report } from './measure';

/** Records the page's long tasks (> 50 ms) from the very start, including those of content scripts. */
const OBSERVER =
  '<script>window.__longTasks=[];new PerformanceObserver(function(l){l.getEntries().forEach(function(e){window.__longTasks.push([e.startTime,e.duration])})}).observe({type:"longtask",buffered:true});</script>';

/** Long tasks after the page finished loading: the page is static, so those are the extension's (or none). */
function afterLoad(): number[] {
  const w = window as unknown as { __longTasks: [number, number][] };
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  return w.__longTasks.filter(([start]) => start >= nav.loadEventEnd).map(([, duration]) => duration);
}

function all(): number[] {
  return (window as unknown as { __longTasks: [number, number][] }).__longTasks.map(([, duration]) => duration);
}

/**
 * A long document (the schriftelijk overleg ten times over, 1.3 MB of HTML) opened in Chromium with and without
 * Kamerlens in the same run: the longest main-thread task in each, and how much longer the page is busy in tasks
 * over 50 ms. Loading such a page is itself a long task; what Kamerlens adds is the figure to watch.
 */
export async function benchPage(): Promise<void> {
  if (!HAS_SHARED) {
    console.log(`# ${NO_SHARED}: the page figures need the corpus`);
    return;
  }
  const html = obPage('kst-lang', Array.from({ length: 10 }, () => corpusText('kst-19637-2395')).join('\n\n')).replace(
    '<head>',
    `<head>${OBSERVER}`,
  );
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = 'http://zoek.officielebekendmakingen.nl/kst-lang.html';
  try {
    const plain = await puppeteer.launch({
      executablePath: browserPath('chromium'),
      headless: true,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    let without: number[];
    try {
      const page = await plain.newPage();
      await page.goto(`http://127.0.0.1:${port}/kst-lang.html`, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 1500));
      without = await page.evaluate(all);
    } finally {
      await plain.close();
    }
    const session = await launch('chromium', { port });
    let withKl: number[];
    let afterLoadKl: number[];
    let links: string | null;
    try {
      const page = await session.open(url);
      await page.waitForSelector('html[data-kamerlens-analysis]', { timeout: 60_000 });
      await new Promise((r) => setTimeout(r, 500));
      withKl = await page.evaluate(all);
      afterLoadKl = await page.evaluate(afterLoad);
      links = await page.$eval('html', (h) => h.getAttribute('data-kamerlens-count'));
    } finally {
      await session.close();
    }
    const longest = (xs: number[]) => Math.max(0, ...xs);
    report('long page: size', html.length / 1e6, 'MB', 2);
    report('long page: references linked', Number(links), 'refs', 0);
    report('long page: longest task while loading, without Kamerlens', longest(without), 'ms', 0);
    report('long page: longest task while loading, with Kamerlens', longest(withKl), 'ms', 0);
    // Kamerlens starts when the page is idle: any long task after the load event is its own.
    report('long page: long tasks (> 50 ms) after load, with Kamerlens', afterLoadKl.length, 'tasks', 0);
    report('long page: longest task after load vs one frame (16.7 ms)', longest(afterLoadKl) / 16.7, 'x', 2);
  } finally {
    server.close();
  }
}
