/**
 * Lighthouse (issue #5) on an already-built site: starts `next start` on 127.0.0.1, audits the home
 * page and a post in each language with Lighthouse's default mobile settings in Debian's Chromium,
 * prints the four category scores, LCP and CLS, and writes them into docs/benchmarks.md. Not a test.
 *
 *   npm run build && npm run lighthouse
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { onExit } from './bench/cleanup';
import { freePort, nextEnv, startNextServer } from './bench/next-process';
import { machineLine, markdownTable, today, writeDocSection } from './bench/report';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const project = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), 'blog-lighthouse-'));
onExit(() => rmSync(work, { recursive: true, force: true }));

const server = await startNextServer(project, await freePort(), nextEnv(), path.join(work, 'server.log'));
onExit(() => void server.stop());

/** The home page and the newest post of each language, from the sitemap. */
async function pagesToAudit(): Promise<string[]> {
  const xml = await (await fetch(`${server.url}/sitemap.xml`)).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  const homes = paths.filter((p) => /^\/[^/]+$/.test(p));
  return homes.flatMap((home) => [home, ...paths.filter((p) => p.startsWith(`${home}/blog/`)).slice(0, 1)]);
}

type Row = { path: string; scores: Record<(typeof CATEGORIES)[number], number>; lcpMs: number; cls: number };
const rows: Row[] = [];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
onExit(() => chrome.kill());
try {
  for (const page of await pagesToAudit()) {
    const result = await lighthouse(`${server.url}${page}`, { port: chrome.port, onlyCategories: [...CATEGORIES], output: 'json', logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
    const { categories, audits } = result.lhr;
    const row: Row = {
      path: page,
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as Row['scores'],
      lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
    };
    const failing = Object.values(audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary');
    console.log(`${page}: ${CATEGORIES.map((id) => `${id} ${row.scores[id]}`).join(', ')}, LCP ${row.lcpMs.toFixed(0)} ms, CLS ${row.cls.toFixed(3)}`);
    for (const audit of failing) {
      console.log(`  failed: ${audit.id} — ${audit.title}`);
      const items = (audit.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
      for (const item of items.slice(0, 5)) console.log(`    ${JSON.stringify(item).slice(0, 300)}`);
    }
    rows.push(row);
  }
} finally {
  await chrome.kill();
  await server.stop();
}

const mark = (score: number) => `${score}${score === 100 ? ' ✓' : ' ✗'}`;
const table = markdownTable(
  ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP (ms)', 'CLS (0 ✓)'],
  rows.map((row) => [
    `\`${row.path}\``,
    ...CATEGORIES.map((id) => mark(row.scores[id])),
    row.lcpMs.toFixed(0),
    `${row.cls.toFixed(3)}${row.cls === 0 ? ' ✓' : ' ✗'}`,
  ]),
);
const file = writeDocSection(
  project,
  'lighthouse',
  [
    '## Lighthouse (`npm run lighthouse`)',
    '',
    `Run ${today()} on ${machineLine(project)}`,
    'Lighthouse 12.2.3, default mobile settings (simulated slow 4G, 4× CPU slowdown), Debian Chromium, against `next start` of the sample site. Target: 100 in every category, CLS 0.',
    '',
    table,
  ].join('\n'),
);
console.log(`Wrote ${file}`);
