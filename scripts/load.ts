/**
 * Load test (issue #6) of an already-built site: starts `next start` on 127.0.0.1 (or uses
 * --url), sends a mix of real URLs from its sitemap (posts, home pages, a category page, a feed)
 * and 404s from a separate process, and prints requests/s, latency, errors, answers other than
 * 2xx/3xx/404 (there must be none) and the server's memory before and after. Writes the numbers
 * into docs/benchmarks.md. Exits 1 when an answer was an error. Never part of the tests.
 *
 *   npm run build && npm run load [-- --duration 60] [--connections 64] [--url http://127.0.0.1:3000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { onExit } from './bench/cleanup';
import { positiveInteger } from './bench/cli';
import { runCannon, type LoadResult } from './bench/load-test';
import { freePort, nextEnv, startNextServer, type RunningServer } from './bench/next-process';
import { rssBytes } from './bench/process-tree';
import { machineLine, markdownTable, mb, today, writeDocSection } from './bench/report';

const DEFAULTS = { duration: '60', connections: '64' };

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: DEFAULTS.duration },
    connections: { type: 'string', default: DEFAULTS.connections },
    url: { type: 'string' },
  },
});
const duration = positiveInteger('duration', values.duration);
const connections = positiveInteger('connections', values.connections);

/** Answers that are fine under load: pages, redirects and the 404s we ask for. */
const isExpected = (status: number) => (status >= 200 && status < 400) || status === 404;

const NOT_FOUND = ['/en/blog/no-such-post', '/zh/tags/no-such-tag', '/no-such-page'];

function spread<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, index) => index % step === 0).slice(0, count);
}

/** Real URLs of the built site, from its sitemap, in the proportions of the mix. */
async function urlMix(base: string): Promise<string[]> {
  const response = await fetch(`${base}/sitemap.xml`);
  if (!response.ok) throw new Error(`${base}/sitemap.xml answered ${response.status}`);
  const xml = await response.text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  const posts = paths.filter((p) => /^\/[^/]+\/blog\/[^/]+$/.test(p));
  const homes = paths.filter((p) => /^\/[^/]+$/.test(p));
  const category = paths.find((p) => /^\/[^/]+\/categories\/[^/]+$/.test(p));
  if (!posts.length || !homes.length || !category) throw new Error(`${base}/sitemap.xml lacks posts, home pages or categories`);
  // Five posts of each language spread over the sitemap, each home page, one category, the
  // English feed, and the 404s.
  const chosenPosts = homes.flatMap((home) => spread(posts.filter((p) => p.startsWith(`${home}/`)), 5));
  return [...chosenPosts, ...homes, category, '/en/feed.xml', ...NOT_FOUND];
}

const project = process.cwd();

type Measured = { mix: string[]; result: LoadResult; rss?: { before: number; after: number } };

async function measure(): Promise<Measured> {
  let server: RunningServer | undefined;
  try {
    if (!values.url) {
      const logDir = mkdtempSync(path.join(os.tmpdir(), 'blog-load-'));
      onExit(() => rmSync(logDir, { recursive: true, force: true }));
      server = await startNextServer(project, await freePort(), nextEnv(), path.join(logDir, 'next-start.log'));
    }
    const base = (values.url ?? server?.url ?? '').replace(/\/$/, '');
    const mix = await urlMix(base);
    console.log(`Mix of ${mix.length} URLs, each connection going through them in turn:\n  ${mix.join('\n  ')}`);
    for (const url of mix) {
      const { status } = await fetch(`${base}${url}`, { redirect: 'manual' });
      if (!isExpected(status)) console.log(`  warning: ${url} answers ${status} before the load starts`);
    }
    const before = server ? rssBytes(server.serverPid) : 0;
    console.log(`Load: ${connections} connections for ${duration} s against ${base}`);
    const result = await runCannon({ url: base, connections, duration, paths: mix });
    return { mix, result, rss: server && { before, after: rssBytes(server.serverPid) } };
  } finally {
    await server?.stop();
  }
}

const { mix, result, rss } = await measure();
const unexpected = Object.entries(result.statusCounts)
  .filter(([status]) => !isExpected(Number(status)))
  .reduce((sum, [, count]) => sum + count, 0);
const table = markdownTable(
  ['requests', 'req/s', 'p50 (ms)', 'p99 (ms)', 'errors', 'timeouts', 'not 2xx/3xx/404 (must be 0)', 'answers by status', 'server RSS before → after (MB)'],
  [
    [
      String(result.requests),
      result.requestsPerSecond.toFixed(0),
      String(result.p50Ms),
      String(result.p99Ms),
      String(result.errors),
      String(result.timeouts),
      String(unexpected),
      Object.entries(result.statusCounts).map(([status, count]) => `${status}: ${count}`).join(', '),
      rss ? `${mb(rss.before)} → ${mb(rss.after)}` : 'not measured (--url)',
    ],
  ],
);
const isFullRun = values.duration === DEFAULTS.duration && values.connections === DEFAULTS.connections;
const label = isFullRun
  ? ''
  : `**Verification run (${duration} s at ${connections} connections): it checks that the tool works; these are not benchmark numbers.**\n\n`;
const section = `## Load (\`npm run load\`)

${label}Run ${today()} on ${machineLine(project)}.
${connections} connections for ${duration} s from a separate autocannon process asking for compression as a browser does, each going in turn through ${mix.length} URLs: ${mix.map((url) => `\`${url}\``).join(', ')}.

${table}
`;
console.log(`\n${table}\n`);
console.log(`Wrote ${path.relative(project, writeDocSection(project, 'load', section))}`);
if (unexpected > 0 || result.errors > 0) {
  console.error(`${unexpected} answers were not 2xx/3xx/404 and ${result.errors} requests failed`);
  process.exitCode = 1;
}
