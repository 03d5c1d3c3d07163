import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Page } from 'puppeteer-core';
import { OUTPUT_DIR } from '../e2e/build';
import { launch, type Session } from '../e2e/launch';
import { browserPath } from '../support/browsers';
import { obPage } from '../support/corpus-pages';
import { OB_HOST, startFixtureServer, startSiteServer } from '../support/fixture-server';
import { startMockApi } from '../support/mock-api/server';
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
export { benchContentSize, benchHostilePages, benchPageCost };

export async function benchPage(): Promise<void> {
  benchContentSize();
  await benchPageCost();
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

/**
 * Runs of each page on each host; the fastest of each is compared. On a busy two-core machine single runs of the
 * 130 KB verslag varied by ±20 ms.
 */
const COST_RUNS = 5;

/** The most one CPU-profile sample may stand for (see longestOwnTask). */
const SAMPLE_CAP_MS = 1;

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
): Promise<{ ms: number; over50: number; top: string }> {
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
          // A sample stands for the time to the next one, but at most SAMPLE_CAP_MS: the profiler samples every
          // ~0.2 ms, native DOM work included, so a longer gap is time the machine gave to other processes (a
          // 175 ms gap on a busy two-core machine was once counted as one call of ours).
          ms: Math.min(SAMPLE_CAP_MS, (deltas[i + 1] ?? deltas[i] ?? 0) / 1000),
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
    let longest: typeof own = [];
    for (const task of events) {
      if (task.name !== TASK || task.ph !== 'X' || !mains.has(thread(task))) continue;
      const end = task.ts + (task.dur ?? 0);
      if (end < start) continue; // before the page's own work that is measured
      const inTask = own.filter((x) => x.at >= task.ts && x.at < end);
      const sum = inTask.reduce((total, x) => total + x.ms, 0);
      if (sum > ms) [ms, longest] = [sum, inTask];
      if (sum > 50) over50++;
    }
    // KAMERLENS_TRACE_DUMP=/tmp/x writes the longest task's samples with their stacks to /tmp/x-<page>.txt and prints
    // where its time went (function names are the build's: build with `minify: false` to read them).
    if (process.env.KAMERLENS_TRACE_DUMP) {
      const stack = (node: string) => {
        const names: string[] = [];
        for (let n: string | undefined = node; n && names.length < 8; n = parent.get(n))
          names.push(named.get(n) || '?');
        return names.join(' < ');
      };
      const t0 = longest[0]?.at ?? 0;
      const lines = longest.map((x) => `${((x.at - t0) / 1000).toFixed(2)} ${x.ms.toFixed(2)} ${stack(x.node)}`);
      (await import('node:fs')).writeFileSync(
        `${process.env.KAMERLENS_TRACE_DUMP}-${from ?? 'load'}.txt`,
        lines.join('\n'),
      );
    }
    // Where the longest task's time went: self time per function, the three largest (what to slice next).
    const self = new Map<string, number>();
    for (const x of longest) {
      const name = named.get(x.node) || '(anonymous)';
      self.set(name, (self.get(name) ?? 0) + x.ms);
    }
    const top = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, t]) => `${name} ${t.toFixed(0)} ms`)
      .join(', ');
    return { ms, over50, top };
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
    if (process.env.KAMERLENS_TRACE_DUMP) console.log(`# burst of 20 000: longest task: ${ownBurst.top || 'nothing'}`);

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
    if (process.env.KAMERLENS_TRACE_DUMP)
      console.log(`# text block of 1 MB: longest task: ${ownHuge.top || 'nothing'}`);
  } finally {
    await session.close();
    await server.close();
  }
}

/** The content script as the Chrome build ships it, gzipped: what every matched page loads. */
function benchContentSize(): void {
  const script = readFileSync(join(OUTPUT_DIR.chrome, 'content-scripts', 'content.js'));
  report('content script: size', script.length / 1024, 'KB', 1);
  report('content script: gzip size (budget 40 KB)', gzipSync(script, { level: 9 }).length / 1024, 'KB', 1);
}

interface PageCost {
  /** CDP Performance.getMetrics at the end, in ms: all main-thread task time and script time of the tab. */
  taskMs: number;
  scriptMs: number;
  /** ... of which laying out and bringing styles up to date. */
  layoutMs: number;
  styleMs: number;
  /** The longest task of the tab after its load event (Long Tasks API; 0 when none was over 50 ms). */
  longestAfterLoad: number;
  /** Time from navigation start until every reference shows what the cache has (matched host only). */
  badgesMs?: number;
  references?: number;
}

/**
 * Whether Kamerlens is done with the page (the second pass and every reference's state), or, on the unmatched host,
 * whether the page's clock has reached `until`: both hosts are polled alike, the same check every 50 ms in the
 * page, so the check's own cost is not counted as Kamerlens'.
 */
function settled(until: number | null): false | [number, number] {
  const html = document.documentElement;
  if (until !== null) return performance.now() >= until && [performance.now(), 0];
  if (html.getAttribute('data-kamerlens-analysis') === null) return false;
  if (html.getAttribute('data-kamerlens-cache') !== 'ready') return false;
  const refs = document.querySelectorAll('[data-kamerlens-ref]');
  for (const el of refs) if (!el.hasAttribute('data-kamerlens-state')) return false;
  return [performance.now(), refs.length];
}

/**
 * Opens `url` in a fresh tab with CDP's Performance domain on, waits until Kamerlens is done (matched host), or polls
 * the same way until the page's clock reaches `pollUntil` (unmatched: as long as the matched page took), waits
 * `waitMs` more, and reads the tab's task and script time. The page is static after load, so the difference between
 * the two hosts is Kamerlens alone.
 */
async function pageCost(
  session: Session,
  url: string,
  matched: boolean,
  waitMs: number,
  pollUntil = 0,
): Promise<PageCost> {
  const page = await session.browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    let badgesMs: number | undefined;
    let references: number | undefined;
    const done = await page.waitForFunction(settled, { timeout: 120_000, polling: 50 }, matched ? null : pollUntil);
    if (matched) [badgesMs, references] = (await done.jsonValue()) as [number, number];
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const longest = Math.max(0, ...(await page.evaluate(afterLoad)));
    return {
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      layoutMs: metric('LayoutDuration'),
      styleMs: metric('RecalcStyleDuration'),
      longestAfterLoad: longest,
      ...(badgesMs !== undefined ? { badgesMs, references } : {}),
    };
  } finally {
    await page.close();
  }
}

/**
 * Issue 10: what Kamerlens costs a page. One Chromium run with the extension and the mock data services; the same
 * page on a matched host (https://zoek.officielebekendmakingen.nl) and an unmatched one (https://127.0.0.1, where
 * the content script does not run), for the 130 KB verslag (kst-19637-2395) and the same ten times over (1.3 MB).
 * Each page is opened once first to warm the cache; the figures are the best of COST_RUNS after that.
 */
async function benchPageCost(): Promise<void> {
  if (!HAS_SHARED) {
    console.log(`# ${NO_SHARED}: the page cost figures need the corpus`);
    return;
  }
  const one = corpusText('kst-19637-2395');
  const pages = new Map<string, string>([
    ['/kst-19637-2395.html', obPage('kst-19637-2395', one).replace('<head>', `<head>${OBSERVER}`)],
    [
      '/kst-lang.html',
      obPage('kst-lang', Array.from({ length: 10 }, () => one).join('\n\n')).replace('<head>', `<head>${OBSERVER}`),
    ],
  ]);
  const server = await startSiteServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'https://x').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  const api = await startMockApi({ https: true, tkVersions: ['v5'] });
  try {
    await measurePageCost(server.port, api.httpsPort!, pages);
  } finally {
    await api.close();
    await server.close();
  }
}

async function measurePageCost(port: number, dataPort: number, pages: ReadonlyMap<string, string>): Promise<void> {
  const session = await launch('chromium', { port, dataPort });
  try {
    for (const [path, label] of [
      ['/kst-19637-2395.html', '130 KB verslag'],
      ['/kst-lang.html', '1.3 MB page'],
    ] as const) {
      const matched = `https://${OB_HOST}${path}`;
      const unmatched = `https://127.0.0.1:${port}${path}`;
      await pageCost(session, matched, true, 0); // warms the cache
      const runs: { on: PageCost; off: PageCost }[] = [];
      for (let i = 0; i < COST_RUNS; i++) {
        const on = await pageCost(session, matched, true, 500);
        const off = await pageCost(session, unmatched, false, 500, on.badgesMs);
        runs.push({ on, off });
      }
      // Each host's fastest run against the other's: the least disturbed figure of each (the smallest difference of
      // a pair favoured pairs whose unmatched run was the slow one: -5 ms for a content script that is only parsed).
      const fastest = (side: 'on' | 'off', metric: (c: PageCost) => number) =>
        Math.min(...runs.map((r) => metric(r[side])));
      const added = (metric: (c: PageCost) => number) => fastest('on', metric) - fastest('off', metric);
      report(`${label}: size`, pages.get(path)!.length / 1024, 'KB', 0);
      report(`${label}: references with a state`, runs[0]!.on.references ?? 0, 'refs', 0);
      const metrics: [string, (c: PageCost) => number][] = [
        ['main-thread task time added by Kamerlens (CDP TaskDuration)', (c) => c.taskMs],
        ['script time added by Kamerlens (CDP ScriptDuration)', (c) => c.scriptMs],
        ['layout time added by Kamerlens (CDP LayoutDuration)', (c) => c.layoutMs],
        ['style time added by Kamerlens (CDP RecalcStyleDuration)', (c) => c.styleMs],
      ];
      for (const [name, metric] of metrics) report(`${label}: ${name}`, added(metric), 'ms', 0);
      report(
        `${label}: task time on the unmatched host (the page alone)`,
        fastest('off', (c) => c.taskMs),
        'ms',
        0,
      );
      report(
        `${label}: longest task after load, matched host`,
        fastest('on', (c) => c.longestAfterLoad),
        'ms',
        0,
      );
      report(
        `${label}: longest task after load, unmatched host`,
        fastest('off', (c) => c.longestAfterLoad),
        'ms',
        0,
      );
      report(
        `${label}: time from navigation to all badges, warm cache`,
        Math.min(...runs.map((r) => r.on.badgesMs ?? 0)),
        'ms',
        0,
      );
    }
  } finally {
    await session.close();
  }
  // What a lazy split of the content script could save at most: the same build with a content script that the
  // browser parses and never runs (its code inside a function that is never called), on the 130 KB verslag.
  const parsedOnly = await launch('chromium', {
    port,
    dataPort,
    alterBuild: (dir) => {
      const file = join(dir, 'content-scripts', 'content.js');
      const done =
        "var h=document.documentElement;h.setAttribute('data-kamerlens-analysis','ready');h.setAttribute('data-kamerlens-cache','ready');";
      writeFileSync(file, `${done}\nfunction neverRun(){\n${readFileSync(file, 'utf8')}\n}\n`);
    },
  });
  try {
    const path = '/kst-19637-2395.html';
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < COST_RUNS; i++) {
      const matched = await pageCost(parsedOnly, `https://${OB_HOST}${path}`, true, 500);
      on.push(matched.taskMs);
      off.push((await pageCost(parsedOnly, `https://127.0.0.1:${port}${path}`, false, 500, matched.badgesMs)).taskMs);
    }
    report(
      '130 KB verslag: task time added by the content script parsed but not run (all a lazy split could save)',
      Math.min(...on) - Math.min(...off),
      'ms',
      0,
    );
  } finally {
    await parsedOnly.close();
  }
}
