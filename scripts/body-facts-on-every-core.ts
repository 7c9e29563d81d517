import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { bodyFactsShares, type ContentOptions, type Post, type PostShare } from '../lib/content/load';

/** Fewer bodies to parse than this are parsed by the read itself, on one thread. */
const MIN_BODIES_FOR_THREADS = 100;

/**
 * At most this many threads in all: each reads the whole post index and loads the script (at
 * 5,000 posts the first step peaked at 768 MB with two), so a machine with dozens of cores would
 * spend gigabytes on them.
 */
const MAX_THREADS = 4;

/**
 * Reads what every shown post's body tells (its check, text, headings, summary, images) into the
 * disk cache with one thread per core (up to MAX_THREADS), before a script reads the content:
 * parsing the bodies is most of a cold read, and on one thread it left the other cores idle
 * (1,000 posts: 6.9 s). The read that follows finds each body's facts on disk.
 *
 * `script` is the calling script's own file (`import.meta.url`), which each helper thread runs
 * again from the top: there, this call reads the thread's share and ends the thread, so the
 * script's own work below it runs on the main thread only. Without the disk cache, on one core,
 * or with fewer than MIN_BODIES_FOR_THREADS bodies not in the disk cache, it does nothing.
 * `fromEachTree` makes more of each body while its tree is at hand (see BodyFactsShares).
 */
export async function readBodyFactsOnEveryCore(script: string, options: ContentOptions, fromEachTree?: (post: Post) => void): Promise<void> {
  if (!isMainThread) {
    bodyFactsShares(options).cacheShare(workerData as PostShare, fromEachTree);
    process.exit(0); // in a worker thread: ends the thread, not the process
  }
  const count = Math.min(os.availableParallelism(), MAX_THREADS);
  // A thread costs about half a second to start (it loads the script): worth it for a cold read,
  // not for a rebuild that parses the few bodies that changed.
  if (count < 2 || !options.diskCache) return;
  const shares = bodyFactsShares(options);
  if (shares.countUncached() < MIN_BODIES_FOR_THREADS) return;
  const helpers = Array.from(
    { length: count - 1 },
    (_, helper) =>
      new Promise<void>((resolve, reject) => {
        const share: PostShare = { index: helper + 1, count };
        const thread = new Worker(fileURLToPath(script), { workerData: share, argv: process.argv.slice(2) });
        thread.on('error', reject);
        thread.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`reading the posts' bodies: thread ${share.index} of ${count} stopped with exit code ${code}`))));
      }),
  );
  shares.cacheShare({ index: 0, count }, fromEachTree);
  await Promise.all(helpers);
}
