/**
 * A real site's build beside Hugo's (issue #13's targets for a real-size site): imports a Hugo
 * site into a temporary copy of this project as an author would (`npm run import:hugo`), then
 * times Hugo building the same site, our cold `npm run build`, Hugo again, rebuilds after one
 * paragraph of one post changed, and the floor: a bare Next.js app with as many prerendered outputs
 * (build-floor.ts), cold and rebuilt, in the same run. Prints a table and writes it into
 * docs/benchmarks.md. The Hugo site is copied first: neither tool writes into it. Prints numbers;
 * never part of tests.
 *
 *   npm run bench:site -- <hugo site folder> [--name jimmysong.io] [--edit posts/en/<post>/index.md] [--rebuilds 2]
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandOptions } from '../command-line';
import { copyProject } from '../project-copy';
import { onExit } from './cleanup';
import { positiveInteger } from './cli';
import { floorLine, measureBuildFloor } from './build-floor';
import { hugoVersion, timeHugoBuild } from './hugo-site';
import { nextBuild, nextEnv, removeBuildOutputs, type BuildResult } from './next-process';
import { checked, machineLine, markdownTable, mb, today, writeDocSection } from './report';

const usage = 'npm run bench:site -- <hugo site folder> [--name jimmysong.io] [--edit posts/en/<post>/index.md] [--rebuilds 2]';
const { values, positionals } = commandOptions(
  { allowPositionals: true, options: { name: { type: 'string' }, edit: { type: 'string' }, rebuilds: { type: 'string', default: '2' } } },
  usage,
);
const [hugoSite] = positionals;
if (!hugoSite || positionals.length > 1 || !existsSync(hugoSite) || !statSync(hugoSite).isDirectory()) {
  console.error(`${hugoSite ? `${hugoSite} is not a folder` : 'which Hugo site?'}\nusage: ${usage}`);
  process.exit(2);
}
const hugo = hugoVersion();
if (!hugo) {
  console.error('hugo is not on PATH, and this benchmark is a comparison with it: apt-get install -y hugo');
  process.exit(2);
}
const rebuilds = positiveInteger('rebuilds', values.rebuilds);
const siteName = values.name ?? path.basename(path.resolve(hugoSite));

/** The targets of issue #13 for a real-size site. */
const TARGETS = { coldSeconds: 60, coldTimesHugo: 20, rebuildSeconds: 15 };

const project = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), 'blog-bench-site-'));
onExit(() => rmSync(work, { recursive: true, force: true }));
const step = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

// Not its git history, output or caches (timeHugoBuild removes the last two before each timing anyway).
const hugoCopy = path.join(work, 'hugo');
cpSync(hugoSite, hugoCopy, { recursive: true, filter: (source) => !['.git', 'public', 'resources'].includes(path.relative(hugoSite, source)) });
const site = path.join(work, 'site');
copyProject(project, site);
cpSync(path.join(project, 'scripts/import-hugo.ts'), path.join(site, 'scripts/import-hugo.ts'));
const log = path.join(work, 'build.log');

step(`importing ${hugoSite}`);
const imported = spawnSync(process.execPath, ['--max-semi-space-size=64', 'scripts/run.mjs', 'import-hugo', hugoCopy, '--overwrite'], { cwd: site, encoding: 'utf8', env: nextEnv() });
const importSummary = imported.stdout
  .split('\n')
  .filter((line) => /^Imported (posts|pages|section items)/.test(line))
  .map((line) => line.replace(/^Imported /, ''));
if (imported.status !== 0) {
  console.error(`import:hugo failed (exit ${imported.status}): the site must import before its build can be timed.\n${imported.stdout.slice(-4000)}${imported.stderr}`);
  process.exit(1);
}
step(`imported ${importSummary.join('; ')}`);

/** The post edited before each rebuild: --edit, else the first imported post with a paragraph. */
function postToEdit(): string | undefined {
  const posts = path.join(site, 'posts');
  if (values.edit) {
    const file = path.join(site, values.edit);
    return existsSync(file) && !path.relative(posts, file).startsWith('..') ? file : undefined;
  }
  return readdirSync(posts, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.mdx?$/.test(name))
    .sort()
    .map((name) => path.join(posts, name))
    .find((file) => /\n\n[A-Za-z\u4e00-\u9fff]/.test(readFileSync(file, 'utf8')));
}
const edited = postToEdit();
if (!edited) {
  console.error(`${values.edit ? `${values.edit} is not a post of the imported site (a file under posts/)` : 'the imported site has no post with a paragraph to edit'} (--edit names one)`);
  process.exit(2);
}

/** Seconds a step of `npm run build` reported, from this build's part of the log. */
function stepSeconds(output: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(output);
  return match ? Number(match[1]) : undefined;
}

type Timed = BuildResult & { copies?: number; compile?: number; staticGeneration?: number };

async function timedBuild(): Promise<Timed> {
  const from = existsSync(log) ? statSync(log).size : 0;
  const result = await nextBuild(site, nextEnv(), log);
  const output = readFileSync(log, 'utf8').slice(from);
  return {
    ...result,
    copies: stepSeconds(output, /Image copies in .*, in ([\d.]+) s\./),
    compile: stepSeconds(output, /Compiled successfully in ([\d.]+)s/),
    staticGeneration: stepSeconds(output, /Generating static pages using \d+ workers \(\d+\/\d+\) in ([\d.]+)s/),
  };
}

const hugoBefore = timeHugoBuild(hugoCopy);
step(`hugo: ${hugoBefore.seconds.toFixed(2)} s (CPU ${hugoBefore.cpuSeconds.toFixed(1)} s)`);
removeBuildOutputs(site);
const cold = await timedBuild();
step(`cold build: ${cold.seconds.toFixed(1)} s (CPU ${cold.cpuSeconds.toFixed(1)} s), ${cold.pages} outputs, peak ${mb(cold.peakRssBytes)} MB`);
const hugoAfter = timeHugoBuild(hugoCopy);
step(`hugo: ${hugoAfter.seconds.toFixed(2)} s (CPU ${hugoAfter.cpuSeconds.toFixed(1)} s)`);
const rebuildTimes: Timed[] = [];
for (let n = 1; n <= rebuilds; n++) {
  appendFileSync(edited, `\nOne more paragraph, added to time rebuild ${n} after an edit.\n`);
  rebuildTimes.push(await timedBuild());
  step(`rebuild after editing ${path.relative(site, edited)}: ${rebuildTimes.at(-1)!.seconds.toFixed(1)} s (CPU ${rebuildTimes.at(-1)!.cpuSeconds.toFixed(1)} s)`);
}
const floor = await measureBuildFloor(work, project, cold.prerendered);
step(floorLine(floor));

const seconds = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
const hugoMean = (hugoBefore.seconds + hugoAfter.seconds) / 2;
const hugoCpuMean = (hugoBefore.cpuSeconds + hugoAfter.cpuSeconds) / 2;
const timesHugo = cold.seconds / hugoMean;
const rebuildCell = rebuildTimes.map((build) => checked(build.seconds.toFixed(1), build.seconds <= TARGETS.rebuildSeconds)).join(', ');
const table = markdownTable(
  ['site', 'outputs', 'Hugo (s)', `cold build (s) ≤ ${TARGETS.coldSeconds}`, `ours ÷ Hugo ≤ ${TARGETS.coldTimesHugo}`, 'CPU, ours / Hugo (s)', 'image copies (s)', 'compile (s)', 'static generation (s)', 'peak RSS (MB)', `rebuild after one edit (s) ≤ ${TARGETS.rebuildSeconds}`, 'floor: cold / rebuild (s)'],
  [
    [
      siteName,
      String(cold.pages),
      `${hugoBefore.seconds.toFixed(2)}, ${hugoAfter.seconds.toFixed(2)}`,
      checked(cold.seconds.toFixed(1), cold.seconds <= TARGETS.coldSeconds),
      checked(`${timesHugo.toFixed(1)}×`, timesHugo <= TARGETS.coldTimesHugo),
      `${cold.cpuSeconds.toFixed(1)} / ${hugoCpuMean.toFixed(1)}`,
      seconds(cold.copies),
      seconds(cold.compile),
      seconds(cold.staticGeneration),
      mb(cold.peakRssBytes),
      rebuildCell,
      `${floor.cold.seconds.toFixed(1)} / ${floor.rebuild.seconds.toFixed(1)}`,
    ],
  ],
);
const report = `Run ${today()} on ${machineLine(project)}; ${hugo}.
Imported with \`npm run import:hugo\` (${importSummary.join('; ')}); Hugo timed before and after our cold build, the ratio against their mean. Each rebuild follows one more paragraph added to \`${path.relative(site, edited)}\`. The image copies' time includes the content read before them. CPU is the seconds of every thread of every process (user and system) of our cold build, and Hugo's mean: the work done, which other load on the machine moves less than the wall time. The floor is a bare Next.js app with as many prerendered outputs (${floor.cold.prerendered}), each a trivial page, built with the site's settings after the rebuilds.

${table}`;
console.log(`\n${report}\n`);
console.log(`Written to ${writeDocSection(project, 'bench-site', `## A real site beside Hugo (\`npm run bench:site\`)\n\n${report}`)}`);
