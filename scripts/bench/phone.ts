/**
 * What a page costs a phone's main thread, from a Chromium performance trace on an already-built
 * site: `next start` on 127.0.0.1, a Pixel 7 with its CPU slowed 4× (as Lighthouse's mobile
 * setting), each page loaded RUNS times (the median run by main-thread time is printed). For each
 * page: the HTML, the React payload inside it and the scripts it loads, in bytes; the main thread's
 * busy time from navigation until it is idle, by kind of work (HTML parsing, each script's
 * compiling and running, the payload's inline scripts, style and layout, paint, garbage
 * collection); and the long tasks and total blocking time. Not a test.
 *
 *   npm run build && npm run bench:phone -- [--floor] /en/blog/some-post [/zh/...]
 *
 * `--floor` measures beside each page, run for run, the floor Next.js itself sets: a bare Next.js
 * app serving the same HTML without the site's islands and scripts (see phone-floor.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, devices, type Browser, type Request } from '@playwright/test';
import { onExit } from './cleanup';
import { positiveInteger } from './cli';
import { freePort, nextBuild, nextEnv, startNextServer } from './next-process';
import { floorPage, writeFloorApp } from './phone-floor';

const RUNS = positiveInteger('PHONE_RUNS', process.env.PHONE_RUNS ?? '3');
const CPU_SLOWDOWN = 4;
const args = process.argv.slice(2);
const withFloor = args.includes('--floor');
const paths = args.filter((arg) => arg !== '--floor');
if (!paths.length || paths.some((arg) => !arg.startsWith('/'))) {
  console.error('usage: npm run bench:phone -- [--floor] <path> [<path>...]   (after npm run build)');
  process.exit(2);
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; cat: string; args?: { data?: { url?: string; frame?: string; name?: string } } };

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'disabled-by-default-v8.cpu_profiler'];

/** Which kind of work a trace event is, by its name (script events by their script). */
function kindOf(event: TraceEvent): string | undefined {
  const { name } = event;
  if (name === 'ParseHTML') return 'HTML parsing';
  if (['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'].includes(name)) return 'style';
  if (['Layout', 'HitTest'].includes(name)) return 'layout';
  if (['Paint', 'PrePaint', 'Layerize', 'CompositeLayers', 'Commit', 'RasterTask', 'UpdateLayer', 'PaintImage', 'Decode Image', 'ImageDecodeTask'].includes(name)) return 'paint and images';
  if (/GC|GarbageCollection/.test(name)) return 'garbage collection';
  if (['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'v8.run', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'FireIdleCallback', 'V8.Execute', 'RunMicrotasks', 'v8.callFunction'].includes(name)) {
    return 'JavaScript';
  }
  return undefined;
}

type LongTask = { ms: number; startMs: number; byKind: Map<string, number> };
type Run = { busyMs: number; byKind: Map<string, number>; byScript: Map<string, number>; longTasks: LongTask[]; tbtMs: number; blockingMs: number; fcpMs: number };

type ProfileNode = { id: number; parent?: number; callFrame: { url: string; functionName: string } };
type ProfileChunk = { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };

/**
 * The JavaScript time of the main thread by the script whose code ran, from V8's samples: the
 * page's own URL is its inline scripts (React's payload, the theme script); a sample in no script
 * is the engine's own work ("(program)", "(garbage collector)").
 */
function scriptTimes(events: TraceEvent[], mainPid: number, mainTid: number, pageUrl: string): Map<string, number> {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === mainPid && event.tid === mainTid) as (TraceEvent & { id?: string }) | undefined;
  const nodes = new Map<number, ProfileNode>();
  const byScript = new Map<string, number>();
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || !profile || (event as { id?: string }).id !== profile.id) continue;
    const data = (event.args as { data?: ProfileChunk } | undefined)?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((id, index) => {
      const node = nodes.get(id);
      const url = node?.callFrame.url ?? '';
      const script = !url ? (node?.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : '(native)') : url === pageUrl ? 'inline scripts (React payload, theme)' : new URL(url).pathname.replace('/_next/static/chunks/', '');
      byScript.set(script, (byScript.get(script) ?? 0) + (deltas[index] ?? 0) / 1000);
    });
  }
  byScript.delete('(idle)');
  return byScript;
}

/** The busy time of the renderer's main thread, each event's self time given to its own kind or to its nearest kinded parent. */
function analyse(events: TraceEvent[], pageUrl: string): Run {
  const main = events.find((event) => event.name === 'thread_name' && (event.args as { name?: string } | undefined)?.name === 'CrRendererMain' && events.some((e) => e.pid === event.pid && e.name === 'ParseHTML'));
  const onMain = events.filter((event) => main && event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const navigation = events.find((event) => event.name === 'navigationStart' && main && event.pid === main.pid)?.ts ?? onMain[0]?.ts ?? 0;
  const fcp = events.find((event) => event.name === 'firstContentfulPaint' && main && event.pid === main.pid)?.ts ?? navigation;
  const byKind = new Map<string, number>();
  const stack: Array<{ end: number; kind: string; childTime: number; dur: number; task?: LongTask }> = [];
  const longTasks: LongTask[] = [];
  let currentTask: LongTask | undefined;
  let busy = 0;
  let tbt = 0;
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      byKind.set(done.kind, (byKind.get(done.kind) ?? 0) + (done.dur - done.childTime));
      if (currentTask) currentTask.byKind.set(done.kind, (currentTask.byKind.get(done.kind) ?? 0) + (done.dur - done.childTime) / 1000);
      if (done.task) currentTask = undefined;
    }
  };
  for (const event of onMain) {
    if (event.ts < navigation) continue;
    close(event.ts);
    const dur = event.dur ?? 0;
    const parent = stack.at(-1);
    if (parent) parent.childTime += dur;
    else if (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') {
      busy += dur;
      if (dur > 50_000) {
        currentTask = { ms: dur / 1000, startMs: (event.ts - navigation) / 1000, byKind: new Map() };
        longTasks.push(currentTask);
        if (event.ts >= fcp) tbt += dur - 50_000;
      }
    } else continue; // only work inside the thread's tasks
    stack.push({ end: event.ts + dur, kind: kindOf(event) ?? parent?.kind ?? `other (${event.name})`, childTime: 0, dur, task: parent ? undefined : currentTask });
  }
  close(Infinity);
  for (const [kind, micros] of byKind) byKind.set(kind, micros / 1000);
  const byScript = main ? scriptTimes(events, main.pid, main.tid, pageUrl) : new Map<string, number>();
  const blocking = longTasks.reduce((sum, task) => sum + task.ms - 50, 0);
  return { busyMs: busy / 1000, byKind, byScript, longTasks, tbtMs: tbt / 1000, blockingMs: blocking, fcpMs: (fcp - navigation) / 1000 };
}

/** The bytes of the React payload a page carries in its inline scripts: what React reads to hydrate. */
function payloadBytes(html: string): number {
  let bytes = 0;
  for (const [, chunk] of html.matchAll(/<script>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    const [, text] = JSON.parse(chunk ?? '[]') as [number, string?];
    bytes += Buffer.byteLength(text ?? '');
  }
  return bytes;
}

type Measured = { html: string; scripts: Map<string, number>; runs: Run[] };

async function measureOnce(browser: Browser, url: string, into: Measured): Promise<void> {
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  const page = await context.newPage();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') into.scripts.set(new URL(response.url()).pathname, (await response.body().catch(() => Buffer.alloc(0))).length);
  });
  // Quiet once no request has been open for half a second. (Chromium's own networkIdle sometimes
  // never comes under tracing, with nothing in flight.)
  const open = new Set<Request>();
  let lastChange = performance.now();
  const settle = (request: Request, opened: boolean) => {
    if (opened) open.add(request);
    else open.delete(request);
    lastChange = performance.now();
  };
  page.on('request', (request) => settle(request, true));
  page.on('requestfinished', (request) => settle(request, false));
  page.on('requestfailed', (request) => settle(request, false));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  const deadline = performance.now() + 30_000;
  while (open.size || performance.now() - lastChange < 500) {
    if (performance.now() > deadline) throw new Error(`${url}: requests still open after 30 s: ${[...open].map((request) => request.url()).join(', ')}`);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1000);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  into.runs.push(analyse(trace.traceEvents, url));
  await context.close();
}

function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.busyMs - b.busyMs)[Math.floor(runs.length / 2)]!;
}

function report(label: string, { html, scripts, runs }: Measured): void {
  const run = median(runs);
  const scriptBytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  console.log(`\n${label}: HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB, of which the React payload ${(payloadBytes(html) / 1024).toFixed(0)} KB; ${scripts.size} scripts, ${(scriptBytes / 1024).toFixed(0)} KB uncompressed`);
  console.log(`  main thread busy ${run.busyMs.toFixed(0)} ms at ${CPU_SLOWDOWN}× slowdown (runs: ${runs.map((r) => r.busyMs.toFixed(0)).join(', ')}); FCP ${run.fcpMs.toFixed(0)} ms; long tasks ${run.longTasks.map((task) => task.ms.toFixed(0)).join(', ') || 'none'} ms; blocking after FCP ${run.tbtMs.toFixed(0)} ms, from navigation ${run.blockingMs.toFixed(0)} ms`);
  console.log('  by kind of work (trace events):');
  for (const [kind, ms] of [...run.byKind].sort((a, b) => b[1] - a[1])) {
    if (ms >= 5) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${kind}`);
  }
  for (const task of [...run.longTasks].sort((a, b) => b.ms - a.ms).slice(0, 3)) {
    const parts = [...task.byKind].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 5).map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`);
    console.log(`  a long task of ${task.ms.toFixed(0)} ms at ${task.startMs.toFixed(0)} ms: ${parts.join(', ')}`);
  }
  console.log('  JavaScript by the script that ran (V8 samples):');
  for (const [script, ms] of [...run.byScript].sort((a, b) => b[1] - a[1])) {
    const size = scripts.get(`/_next/static/chunks/${script}`);
    if (ms >= 5) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${script}${size ? ` (${(size / 1024).toFixed(0)} KB)` : ''}`);
  }
}

/** Each run's figure for the site and for the floor, side by side, and the ratio of the medians. */
function compare(site: Measured, floor: Measured): void {
  const figures: Array<[string, (run: Run) => number]> = [
    ['main thread busy', (run) => run.busyMs],
    ['JavaScript', (run) => run.byKind.get('JavaScript') ?? 0],
    ['blocking after FCP', (run) => run.tbtMs],
    ['blocking from navigation', (run) => run.blockingMs],
  ];
  console.log('\n  the site beside the floor (ms, each run; medians and their ratio):');
  for (const [name, figure] of figures) {
    const middle = (runs: Run[]) => [...runs.map(figure)].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    const [ours, floors] = [middle(site.runs), middle(floor.runs)];
    console.log(`  ${name}: site ${site.runs.map((run) => figure(run).toFixed(0)).join(', ')}; floor ${floor.runs.map((run) => figure(run).toFixed(0)).join(', ')}; ${ours.toFixed(0)} / ${floors.toFixed(0)} = ${floors ? (ours / floors).toFixed(2) : '–'}×`);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'blog-phone-'));
onExit(() => rmSync(work, { recursive: true, force: true }));
const server = await startNextServer(process.cwd(), await freePort(), nextEnv(), path.join(work, 'server.log'));
onExit(() => void server.stop());
let floorServer: Awaited<ReturnType<typeof startNextServer>> | undefined;
if (withFloor) {
  const floorDir = path.join(work, 'floor');
  await writeFloorApp(floorDir, process.cwd(), server.url, await Promise.all(paths.map((pagePath) => floorPage(server.url, pagePath))));
  await nextBuild(floorDir, nextEnv(), path.join(work, 'floor-build.log'), { plainNext: true });
  floorServer = await startNextServer(floorDir, await freePort(), nextEnv(), path.join(work, 'floor-server.log'));
  const started = floorServer;
  onExit(() => void started.stop());
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
onExit(() => void browser.close());

try {
  for (const pagePath of paths) {
    const site: Measured = { html: await (await fetch(`${server.url}${pagePath}`)).text(), scripts: new Map(), runs: [] };
    const floor: Measured | undefined = floorServer ? { html: await (await fetch(`${floorServer.url}${pagePath}`)).text(), scripts: new Map(), runs: [] } : undefined;
    // Run for run, so that the machine's moods fall on both alike.
    for (let run = 0; run < RUNS; run++) {
      await measureOnce(browser, `${server.url}${pagePath}`, site);
      if (floor && floorServer) await measureOnce(browser, `${floorServer.url}${pagePath}`, floor);
    }
    report(pagePath, site);
    if (floor) {
      report(`${pagePath}, the floor (the same HTML in a bare Next.js app, no islands)`, floor);
      compare(site, floor);
    }
  }
} finally {
  await browser.close();
  await floorServer?.stop();
  await server.stop();
}
