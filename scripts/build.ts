/**
 * The site's production build (`npm run build`), in four steps, each its own process:
 *   1. the image copies, after every body is read (scripts/image-copies.ts);
 *   2. Turbopack's compilation (`next build --experimental-build-mode compile`), or the last one,
 *      kept in .next/cache, when the site's code, settings and environment are the same
 *      (scripts/kept-compilation.ts);
 *   3. the pages (`next build --experimental-build-mode generate`): two processes rather than
 *      one `next build`, so that the compiler's memory is given back before the pages are made;
 *   4. each page's policy for its inline scripts (scripts/pin-page-scripts.ts).
 *
 * A page whose reads of the content are unchanged since the last build, with the compiled site
 * the same, is taken back from that build instead of being rendered again
 * (lib/content/page-reads.ts): the last build's pages are moved aside when `next build` starts
 * (it would empty .next then), and what is not taken back is removed after the pages are made
 * (scripts/last-build.ts). `--verify-reuse` renders every page and compares the ones that would
 * have been taken back with the last build's, and compiles the site and compares the compilation
 * with the kept one, failing on any difference.
 *
 * A step that fails stops the build with its exit code; a post that stops the first step leaves
 * the last build as it was. A build that succeeds removes from .next/cache what it no longer
 * needs: the entries of code and settings no longer in use, and the reads of pages no longer
 * in the site.
 *
 *   node scripts/run.mjs build [--verify-reuse]
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { keepGenerations } from '../lib/disk-cache';
import { PIPELINE_CACHE_KINDS, pipelineGeneration } from '../lib/content/pipeline-key';
import { commandOptions } from './command-line';
import { compareWithKeptCompilation, compilationKey, keepCompilation, keptCompilationKey, restoreCompilation } from './kept-compilation';
import { changedUnchangedPages, keepLastBuild, lastBuildDir, pageReadsDir, removeLastBuild, removeUnusedPageReads } from './last-build';

const usage = 'node scripts/run.mjs build [--verify-reuse]';
const { values } = commandOptions({ options: { 'verify-reuse': { type: 'boolean', default: false } } }, usage);
const verifying = values['verify-reuse'];
const project = process.cwd();

const next = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Where the pages' workers list the pages they pinned as they wrote them (lib/page-pinning.ts), for the pinning step. */
const pinnedPagesDir = path.join(project, '.next', 'cache', 'blog-pinned-by-workers');

type Step = { name: string; args: string[]; env?: Record<string, string>; compiles?: true; makesPages?: true };

const steps: Step[] = [
  // The copies are those of the built site, read as the production build reads the content.
  { name: 'image copies', args: ['scripts/run.mjs', 'image-copies'], env: { NODE_ENV: 'production' } },
  { name: 'next build (compile)', args: [next, 'build', '--experimental-build-mode', 'compile'], compiles: true },
  {
    name: 'next build (generate)',
    args: [next, 'build', '--experimental-build-mode', 'generate'],
    makesPages: true,
    env: {
      BLOG_LAST_BUILD_DIR: path.join(lastBuildDir(project), 'server'),
      BLOG_PAGE_READS_DIR: pageReadsDir(project),
      BLOG_PINNED_PAGES_DIR: pinnedPagesDir,
      ...(verifying ? { BLOG_VERIFY_PAGE_REUSE: '1' } : {}),
    },
  },
  { name: 'pinning page scripts', args: ['scripts/run.mjs', 'pin-page-scripts'], env: { BLOG_PINNED_PAGES_DIR: pinnedPagesDir } },
];

/** Runs one step with this terminal, passing on a stop asked of the build. */
function run(step: Step): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', stop).on('SIGTERM', stop);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}

/**
 * What the build no longer needs in .next/cache: the pipeline's entries for code and settings
 * other than these and the two used last, and the reads of pages no longer in the site.
 */
function removeUnusedCache(pagesStartedMs: number): void {
  try {
    const generations = PIPELINE_CACHE_KINDS.reduce((sum, kind) => sum + keepGenerations(kind, pipelineGeneration(), 2), 0);
    const pages = removeUnusedPageReads(project, pagesStartedMs);
    if (generations || pages) console.log(`Removed from .next/cache: ${generations} folders and entries of earlier code or settings, the reads of ${pages} pages no longer in the site.`);
  } catch (error) {
    // The site is built: a cache that could not be tidied (a file another process removed first,
    // a permission) is only a larger cache.
    console.warn(`build: .next/cache was not tidied (${error instanceof Error ? error.message : String(error)}); the build is complete.`);
  }
}

/**
 * The compile step: the kept compilation of this code if there is one (compiled anyway when
 * verifying, and compared with it), else `next build`'s, kept for the next build.
 */
async function compile(step: Step): Promise<number> {
  const key = compilationKey(project);
  const kept = keptCompilationKey(project) === key;
  if (kept && !verifying) {
    const entries = restoreCompilation(project);
    console.log(`${step.name}: the site's code, settings and environment are those of the last compilation, taken back from .next/cache (${entries} entries of .next).`);
    return 0;
  }
  const code = await run(step);
  if (code !== 0) return code;
  const comparison = kept ? compareWithKeptCompilation(project) : undefined;
  // The fresh compilation is kept, also when it differs: later builds take it back, not the other.
  keepCompilation(project, key);
  if (!comparison) return 0;
  const { compared, differing } = comparison;
  for (const file of differing) console.error(`.next/${file}: differs from the kept compilation of the same code`);
  console.log(`Verified compilation reuse: ${compared} files of the kept compilation, ${differing.length} different.`);
  return differing.length ? 1 : 0;
}

let removal = Promise.resolve();
let pagesStartedMs: number | undefined;
try {
  for (const step of steps) {
    // Compiling empties .next: the last build's pages are moved aside first, to take back from.
    if (step.compiles) removal = keepLastBuild(project);
    if (step.makesPages) {
      pagesStartedMs = Date.now();
      // Only this build's pinning: a list left by a build stopped before its pinning step names pages rendered since.
      rmSync(pinnedPagesDir, { recursive: true, force: true });
    }
    const code = step.compiles ? await compile(step) : await run(step);
    if (code !== 0) {
      console.error(`build: ${step.name} failed (exit code ${code}); the steps after it did not run.`);
      process.exitCode = code;
      break;
    }
  }
  if (verifying && process.exitCode === undefined) {
    const { checked, differing } = changedUnchangedPages(project);
    for (const file of differing) console.error(`.next/server/${file}: differs from the last build's, though the page read nothing that changed`);
    console.log(`Verified page reuse: ${checked} files of pages whose reads were unchanged, ${differing.length} different.`);
    if (differing.length) process.exitCode = 1;
  }
  if (process.exitCode === undefined && pagesStartedMs !== undefined) removeUnusedCache(pagesStartedMs);
} finally {
  await removal;
  await removeLastBuild(project);
}
