/**
 * Benchmark (issue #5): for each size, builds a temporary copy of this project from that many
 * synthetic posts and measures the cold build, a rebuild after one edit, the post page's weight
 * and `next start` serving it under load; and, when `hugo` is on PATH, Hugo building the same
 * posts. Prints a table and writes it into docs/benchmarks.md. Prints numbers; never part of tests.
 *
 * The sizes in --memory-sizes get a cold build only, for its time and peak memory (the target
 * is about memory at 5000 posts; a rebuild and a load test there would add nothing but time).
 *
 *   npm run bench [-- --sizes 500,1000,2000] [--memory-sizes 5000] [--duration 20] [--connections 64] [--seed 2024]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { copyProject } from '../project-copy';
import { floorLine, measureBuildFloor } from './build-floor';
import { onExit } from './cleanup';
import { positiveInteger } from './cli';
import { firstLoadJs, type FirstLoadJs } from './client-js';
import { hugoVersion, timeHugoBuild, writeHugoSite } from './hugo-site';
import { runCannon, type LoadResult } from './load-test';
import { freePort, nextBuild, nextEnv, removeBuildOutputs, startNextServer, type BuildResult } from './next-process';
import { checked, kb, machineLine, markdownTable, mb, today, writeDocSection } from './report';
import { editPostBody, syntheticPosts, writeBundles } from './synthetic-posts';

const DEFAULTS = { sizes: '500,1000,2000', memorySizes: '5000', duration: '20', connections: '64', seed: '2024' };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: DEFAULTS.sizes },
    'memory-sizes': { type: 'string', default: DEFAULTS.memorySizes },
    duration: { type: 'string', default: DEFAULTS.duration },
    connections: { type: 'string', default: DEFAULTS.connections },
    seed: { type: 'string', default: DEFAULTS.seed },
  },
});

const sizeList = (name: string, text: string) => (text.trim() ? text.split(',').map((size) => positiveInteger(name, size.trim())) : []);
const sizes = sizeList('sizes', values.sizes);
const memorySizes = sizeList('memory-sizes', values['memory-sizes']);
const duration = positiveInteger('duration', values.duration);
const connections = positiveInteger('connections', values.connections);
const seed = positiveInteger('seed', values.seed);
const isFullRun = values.sizes === DEFAULTS.sizes && values['memory-sizes'] === DEFAULTS.memorySizes && values.duration === DEFAULTS.duration && values.connections === DEFAULTS.connections;

type Row = {
  posts: number;
  cold: BuildResult;
  rebuild: BuildResult;
  hugoSeconds?: number;
  js: FirstLoadJs;
  htmlBytes: number;
  htmlGzipBytes: number;
  load: LoadResult;
  /** A bare Next.js app with as many prerendered trivial pages, built in the same run (build-floor.ts). */
  floor: { cold: BuildResult; rebuild: BuildResult };
};

const project = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), 'blog-bench-'));
onExit(() => rmSync(work, { recursive: true, force: true }));
const site = path.join(work, 'site');
copyProject(project, site);

const hugo = hugoVersion();
console.log(hugo ? `Hugo: ${hugo}` : 'hugo is not on PATH: skipping the Hugo comparison (apt-get install -y hugo to add it).');

async function measure(count: number): Promise<Row> {
  const step = (text: string) => console.log(`[${count} posts] ${text}`);
  const posts = syntheticPosts(count, seed);
  const postsDir = path.join(work, `posts-${count}`);
  writeBundles(posts, (lang) => path.join(postsDir, lang));

  let hugoSeconds: number | undefined;
  if (hugo) {
    const hugoDir = path.join(work, `hugo-${count}`);
    mkdirSync(hugoDir);
    writeHugoSite(posts, hugoDir);
    const hugoBuild = timeHugoBuild(hugoDir);
    hugoSeconds = hugoBuild.seconds;
    step(`hugo: ${hugoSeconds.toFixed(1)} s (CPU ${hugoBuild.cpuSeconds.toFixed(1)} s)`);
    rmSync(hugoDir, { recursive: true, force: true });
  }

  const env = nextEnv({ BLOG_POSTS_DIR: postsDir });
  const log = path.join(work, `build-${count}.log`);
  removeBuildOutputs(site);
  const cold = await nextBuild(site, env, log);
  step(`cold build: ${cold.seconds.toFixed(1)} s (CPU ${cold.cpuSeconds.toFixed(1)} s), ${cold.pages} pages, peak RSS ${mb(cold.peakRssBytes)} MB`);

  const post = posts.find((candidate) => candidate.lang === 'en');
  if (!post) throw new Error('no English post was generated');
  editPostBody(path.join(postsDir, 'en'), post);
  const rebuild = await nextBuild(site, env, log);
  step(`rebuild after editing ${post.slug}: ${rebuild.seconds.toFixed(1)} s (CPU ${rebuild.cpuSeconds.toFixed(1)} s)`);

  const server = await startNextServer(site, await freePort(), env, path.join(work, `start-${count}.log`));
  try {
    const pageUrl = `${server.url}/en/blog/${post.slug}`;
    const response = await fetch(pageUrl);
    if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
    const html = await response.text();
    const js = firstLoadJs(site, html);
    step(`serving ${pageUrl} to ${connections} connections for ${duration} s`);
    const load = await runCannon({ url: pageUrl, connections, duration, warmup: WARMUP_SECONDS });
    step(`${load.requestsPerSecond.toFixed(0)} requests/s, p99 ${load.p99Ms} ms, ${load.errors} errors, ${load.non2xx} non-2xx`);
    await server.stop();
    const floor = await measureBuildFloor(work, project, cold.prerendered);
    step(floorLine(floor));
    return { posts: count, cold, rebuild, hugoSeconds, js, htmlBytes: Buffer.byteLength(html), htmlGzipBytes: gzipSync(html).length, load, floor };
  } finally {
    await server.stop();
    rmSync(postsDir, { recursive: true, force: true });
  }
}


type MemoryRow = { posts: number; cold: BuildResult };

/** A cold build only: its time, pages and the peak memory of its process tree. */
async function measureMemory(count: number): Promise<MemoryRow> {
  const postsDir = path.join(work, `posts-${count}`);
  writeBundles(syntheticPosts(count, seed), (lang) => path.join(postsDir, lang));
  try {
    removeBuildOutputs(site);
    const cold = await nextBuild(site, nextEnv({ BLOG_POSTS_DIR: postsDir }), path.join(work, `build-${count}.log`));
    console.log(`[${count} posts] cold build: ${cold.seconds.toFixed(1)} s, ${cold.pages} pages, peak RSS ${mb(cold.peakRssBytes)} MB`);
    return { posts: count, cold };
  } finally {
    rmSync(postsDir, { recursive: true, force: true });
  }
}

const MEMORY_TARGET_BYTES = 2 * 1024 ** 3;

function memoryTable(rows: readonly MemoryRow[]): string {
  return markdownTable(
    ['posts', 'pages', 'cold build (s)', 'pages/s', 'peak RSS (MB) ≤ 2048'],
    rows.map((row) => [
      String(row.posts),
      String(row.cold.pages),
      row.cold.seconds.toFixed(1),
      (row.cold.pages / row.cold.seconds).toFixed(1),
      checked(mb(row.cold.peakRssBytes), row.cold.peakRssBytes <= MEMORY_TARGET_BYTES),
    ]),
  );
}

/** Seconds of load before the measured run, not counted (see cannon.ts). */
const WARMUP_SECONDS = 5;

const TARGETS = [
  'cold build of 1000 posts ≤ 30× Hugo (the aim: 10×)',
  'rebuild after one edit ≤ 0.25× the cold build',
  '2000 posts ≤ 2.0× the time of 1000 (shown for every size against half its size)',
  'our own client JavaScript on a post page ≤ 5 KB gzip',
  'p99 < 100 ms with 0 errors and 0 non-2xx answers',
  'peak memory of the build for 5000 posts ≤ 2 GiB (second table)',
];

function table(rows: readonly Row[]): string {
  const header = [
    'posts', 'pages', 'cold build (s)', 'pages/s', 'peak RSS (MB)', 'rebuild (s)', 'rebuild ÷ cold ≤ 0.25',
    'Hugo (s)', 'ours ÷ Hugo ≤ 30', 'time ÷ half size ≤ 2.0', 'floor: cold / rebuild (s)', 'JS framework (KB gz)', 'JS ours (KB gz) ≤ 5',
    'HTML (KB raw / gz)', 'req/s', 'p50 (ms)', 'p99 (ms) < 100', 'errors', 'non-2xx',
  ];
  return markdownTable(
    header,
    rows.map((row) => {
      const half = rows.find((other) => other.posts * 2 === row.posts);
      const rebuildRatio = row.rebuild.seconds / row.cold.seconds;
      const hugoRatio = row.hugoSeconds ? row.cold.seconds / row.hugoSeconds : undefined;
      const scaling = half ? row.cold.seconds / half.cold.seconds : undefined;
      return [
        String(row.posts),
        String(row.cold.pages),
        row.cold.seconds.toFixed(1),
        (row.cold.pages / row.cold.seconds).toFixed(1),
        mb(row.cold.peakRssBytes),
        row.rebuild.seconds.toFixed(1),
        checked(rebuildRatio.toFixed(2), rebuildRatio <= 0.25),
        row.hugoSeconds?.toFixed(2) ?? 'no hugo',
        hugoRatio === undefined ? '–' : checked(`${hugoRatio.toFixed(1)}×`, hugoRatio <= 30),
        scaling === undefined ? '–' : checked(`${scaling.toFixed(2)}×`, scaling <= 2),
        `${row.floor.cold.seconds.toFixed(1)} / ${row.floor.rebuild.seconds.toFixed(1)}`,
        kb(row.js.frameworkGzip),
        checked(kb(row.js.ownGzip), row.js.ownGzip <= 5 * 1024),
        `${kb(row.htmlBytes)} / ${kb(row.htmlGzipBytes)}`,
        row.load.requestsPerSecond.toFixed(0),
        String(row.load.p50Ms),
        checked(String(row.load.p99Ms), row.load.p99Ms < 100 && row.load.errors === 0 && row.load.non2xx === 0),
        String(row.load.errors),
        String(row.load.non2xx),
      ];
    }),
  );
}

const rows: Row[] = [];
for (const count of sizes) rows.push(await measure(count));
const memoryRows: MemoryRow[] = [];
for (const count of memorySizes) memoryRows.push(await measureMemory(count));

const label = isFullRun
  ? ''
  : `**Verification run with small sizes (${[...sizes, ...memorySizes].join(', ')} posts; ${duration} s at ${connections} connections): these check that the tool works and are not benchmark numbers.**\n\n`;
const ownComponents = [...new Set(rows.flatMap((row) => row.js.ownComponents))];
const section = `## Build and serve (\`npm run bench\`)

${label}Run ${today()} on ${machineLine(project)}; ${hugo ?? 'Hugo not installed'}.
Load: autocannon, ${connections} connections for ${duration} s, on one prerendered English post, asking for compression as a browser does, after ${WARMUP_SECONDS} s of the same load that is not counted.

Targets: ${TARGETS.join('; ')}.

${table(rows)}
${memoryRows.length ? `\nCold build only, for memory at scale (peak RSS of the whole build process tree):\n\n${memoryTable(memoryRows)}\n` : ''}
Our client components in a post page's first-load JavaScript: ${ownComponents.map((name) => `\`${name}\``).join(', ') || 'none'}.
`;
console.log(`\n${table(rows)}\n`);
if (memoryRows.length) console.log(`${memoryTable(memoryRows)}\n`);
console.log(`Wrote ${path.relative(project, writeDocSection(project, 'bench', section))}`);
