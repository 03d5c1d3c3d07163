import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { launch, type Session } from '../e2e/launch';
import { browserPath } from '../support/browsers';
import { obPage } from '../support/corpus-pages';
import { OB_HOST, startFixtureServer, startSiteServer } from '../support/fixture-server';
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
  await benchHostilePages();
  if (!HAS_SHARED) {
    console.log(`# ${NO_SHARED}: the long page figures need the corpus`);
    return;
  }
  const html = obPage('kst-lang', Array.from({ length: 10 }, () => corpusText('kst-19637-2395')).join('\n\n')).replace(
    '<head>',
    `<head>${OBSERVER}`,
  );
  // Kamerlens runs on the https sites only: the site server speaks both, under the real host name.
  const server = await startSiteServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  const { port } = server;
  const url = `https://${OB_HOST}/kst-lang.html`;
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
    await server.close();
  }
}

/** What the hostile test pages (tests/fixtures/pages/zoek.officielebekendmakingen.nl/hostile-*.html) measure. */
interface Probe {
  linkedMs: number;
  maxGap: number;
  longTasks: number[] | null;
  count: number;
  /** burst: what one change costs the page itself to render, measured in the same run. */
  frameMs?: number;
  /** huge block: the page's own building and laying out of its text. */
  buildMs?: number;
}

async function probe(session: Session, path: string): Promise<Probe> {
  const page = await session.open(`https://${OB_HOST}/${path}`);
  try {
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result, {
      timeout: 120_000,
      polling: 250,
    });
    return (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Probe;
  } finally {
    await page.close();
  }
}

/** Best of three: the fastest time to linked, the calmest longest task (ratios to the page's own cost alike). */
async function bestOf(session: Session, path: string) {
  const runs = [await probe(session, path), await probe(session, path), await probe(session, path)];
  const longest = (r: Probe) => Math.max(r.maxGap, ...(r.longTasks ?? []));
  const own = (r: Probe) => r.frameMs ?? r.buildMs ?? 1;
  const calmest = runs.reduce((a, b) => (longest(b) / own(b) < longest(a) / own(a) ? b : a));
  return {
    linkedMs: Math.min(...runs.map((r) => r.linkedMs)),
    longest: longest(calmest),
    vsPage: longest(calmest) / own(calmest),
    count: calmest.count,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: { url?: string; functionName?: string } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

/**
 * The longest time Kamerlens' own script ran in one task of the page's main thread, from a Chromium trace of one
 * run with its CPU profile: every sample whose stack holds the content script (with the style and layout work it
 * forces), summed per task. What the browser renders after a change is not counted: that is the "longest task"
 * figure.
 */
async function longestOwnTask(
  session: Session,
  path: string,
  /** Only from the task that runs this function of the page on (the burst, not the first pass before it). */
  from?: string,
): Promise<{ ms: number; over50: number }> {
  const file = join(tmpdir(), `kamerlens-trace-${process.pid}.json`);
  const page: Page = await session.browser.newPage();
  try {
    await page.tracing.start({
      path: file,
      // Few categories: the profiler and the tasks, so that tracing slows the page as little as it can.
      categories: ['toplevel', 'disabled-by-default-v8.cpu_profiler'],
    });
    await page.goto(`https://${OB_HOST}/${path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result, {
      timeout: 120_000,
      polling: 250,
    });
    await page.tracing.stop();
    const trace = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
    const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
    const mains = new Set(
      events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread),
    );
    // Samples come in ProfileChunk events (on a sampler thread), joined to their Profile (the profiled thread).
    const profiles = new Map<string, { thread: string; at: number }>();
    for (const e of events)
      if (e.name === 'Profile')
        profiles.set(`${e.pid}:${e.id}`, { thread: thread(e), at: e.args?.data?.startTime ?? 0 });
    const parent = new Map<string, string | undefined>();
    const inContent = new Map<string, boolean>();
    const named = new Map<string, string | undefined>();
    const samples: { thread: string; at: number; ms: number; node: string }[] = [];
    for (const e of events) {
      if (e.name !== 'ProfileChunk') continue;
      const key = `${e.pid}:${e.id}`;
      const profile = profiles.get(key);
      const data = e.args?.data;
      if (!profile || !data) continue;
      for (const n of data.cpuProfile?.nodes ?? []) {
        parent.set(`${key}:${n.id}`, n.parent === undefined ? undefined : `${key}:${n.parent}`);
        inContent.set(`${key}:${n.id}`, Boolean(n.callFrame.url?.includes('/content-scripts/content.js')));
        named.set(`${key}:${n.id}`, n.callFrame.functionName);
      }
      const ids = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        profile.at += deltas[i] ?? 0;
        samples.push({
          thread: profile.thread,
          at: profile.at,
          ms: (deltas[i + 1] ?? deltas[i] ?? 0) / 1000,
          node: `${key}:${ids[i]}`,
        });
      }
    }
    const ours = (node: string | undefined): boolean => {
      for (let n = node; n; n = parent.get(n)) if (inContent.get(n)) return true;
      return false;
    };
    const within = (node: string | undefined, name: string): boolean => {
      for (let n = node; n; n = parent.get(n)) if (named.get(n) === name) return true;
      return false;
    };
    const own = samples.filter((x) => mains.has(x.thread) && ours(x.node)).sort((a, b) => a.at - b.at);
    const TASK = 'ThreadControllerImpl::RunTask';
    const start = from
      ? Math.min(...samples.filter((x) => mains.has(x.thread) && within(x.node, from)).map((x) => x.at))
      : Number.NEGATIVE_INFINITY;
    let ms = 0;
    let over50 = 0;
    for (const task of events) {
      if (task.name !== TASK || task.ph !== 'X' || !mains.has(thread(task))) continue;
      const end = task.ts + (task.dur ?? 0);
      if (end < start) continue; // before the page's own work that is measured
      let sum = 0;
      for (const x of own) if (x.at >= task.ts && x.at < end) sum += x.ms;
      ms = Math.max(ms, sum);
      if (sum > 50) over50++;
    }
    return { ms, over50 };
  } finally {
    await page.close();
    rmSync(file, { force: true });
  }
}

/**
 * The hostile pages of tests/e2e/hostile-pages.e2e.test.ts in Chromium: a burst of 2 000 and of 20 000 paragraphs
 * after the first pass, one text block of 100 KB and of 1 MB (29 000 citations per MB). Time until all is linked at
 * both sizes (best of three) and its growth against the size's; the longest task while Kamerlens works against
 * what the page itself costs (one re-render of the burst page, the building and layout of the block); and, from a
 * trace, the longest time Kamerlens' own script held one task.
 */
async function benchHostilePages(): Promise<void> {
  const server = await startFixtureServer();
  const session = await launch('chromium', { port: server.port });
  try {
    const small = await bestOf(session, 'hostile-burst.html?n=2000');
    const large = await bestOf(session, 'hostile-burst.html?n=20000');
    const ownBurst = await longestOwnTask(session, 'hostile-burst.html?n=20000', 'burst');
    report('burst of 2 000 paragraphs: time to all linked', small.linkedMs, 'ms', 0);
    report('burst of 20 000 paragraphs: time to all linked', large.linkedMs, 'ms', 0);
    report('burst: time to linked, 20 000 vs 2 000 paragraphs (size 10x)', large.linkedMs / small.linkedMs, 'x', 2);
    report('burst of 20 000 paragraphs: references linked', large.count, 'refs', 0);
    report('burst of 20 000: longest task while linking (rendering included)', large.longest, 'ms', 0);
    report('burst of 20 000: longest task vs one re-render of the page itself', large.vsPage, 'x', 2);
    report('burst of 2 000: longest task vs one re-render of the page itself', small.vsPage, 'x', 2);
    report("burst of 20 000: longest run of Kamerlens' script in one task (traced)", ownBurst.ms, 'ms', 1);
    report("burst of 20 000: tasks with over 50 ms of Kamerlens' script", ownBurst.over50, 'tasks', 0);

    const block = await bestOf(session, 'hostile-huge.html?kb=100');
    const huge = await bestOf(session, 'hostile-huge.html?kb=1024');
    const ownHuge = await longestOwnTask(session, 'hostile-huge.html?kb=1024');
    report('text block of 100 KB: time to all linked', block.linkedMs, 'ms', 0);
    report('text block of 1 MB: time to all linked', huge.linkedMs, 'ms', 0);
    report('text block: time to linked, 1 MB vs 100 KB (size 10.24x)', huge.linkedMs / block.linkedMs, 'x', 2);
    report('text block of 1 MB: references linked', huge.count, 'refs', 0);
    report('text block of 1 MB: longest task while linking (rendering included)', huge.longest, 'ms', 0);
    report("text block of 1 MB: longest task vs the page's own building and layout of it", huge.vsPage, 'x', 2);
    report("text block of 1 MB: longest run of Kamerlens' script in one task (traced)", ownHuge.ms, 'ms', 1);
    report("text block of 1 MB: tasks with over 50 ms of Kamerlens' script", ownHuge.over50, 'tasks', 0);
  } finally {
    await session.close();
    await server.close();
  }
}
