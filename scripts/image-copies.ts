/**
 * Writes the responsive copies of the site's local images to public/_img, where `next start`
 * serves them as files and a static export copies them. `npm run build` and `npm run export` run
 * it before `next build`: each copy is encoded once, all cores busy, instead of once per output of
 * a route that every build rendered again.
 *
 *   node scripts/run.mjs image-copies
 */
import os from 'node:os';
import sharp from 'sharp';
import { ContentError } from '../lib/content/errors';
import { cachedFeedHtml } from '../lib/content/feed-html';
import { defaultContentOptions } from '../lib/content/posts';
import { imageCopiesDir, writeImageCopies } from '../lib/image-copies';
import { readBodyFactsOnEveryCore } from './body-facts-on-every-core';
import { commandOptions } from './command-line';

commandOptions({ options: {} }, 'node scripts/run.mjs image-copies');
if (process.env.NODE_ENV !== 'production') {
  // The copies are those of the built site: published posts only (next dev makes its own on request).
  console.error('image-copies: run it with NODE_ENV=production, as npm run build does');
  process.exit(2);
}

const started = performance.now();
// Which copies the pages name comes from reading every body: on every core, into the disk cache.
// Each body's feed HTML is kept too, from the same tree: a language's feeds carry every post, and
// a worker that rendered one before the posts' pages parsed every body again for it (jimmysong.io,
// cold: 1.85 s of CPU for each language's atom.xml, 0.06 s now; static generation 48.2 -> 45.3 s).
await readBodyFactsOnEveryCore(import.meta.url, defaultContentOptions(), (post) => {
  cachedFeedHtml(post);
});
// One picture per core at a time plus one, each on one libvips thread: measured twice as fast as
// one at a time on all threads (npm run bench:images), and the extra job keeps both cores of this
// machine busy while the main thread writes files (jimmysong.io: 18.4, 19.9 s against 22.8, 21.9 s
// with one per core and 20.8, 20.4 s with two per core).
sharp.concurrency(1);
const dir = imageCopiesDir(defaultContentOptions().publicDir);
const { made, kept, removed, servedAsTheyAre } = await writeImageCopies(dir, os.availableParallelism() + 1).catch((error: unknown) => {
  // The content's problems, each with its file and line, are the whole message: no stack trace.
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const larger = servedAsTheyAre ? ` ${servedAsTheyAre} more images served as they are (a copy was no smaller).` : '';
console.log(`Image copies in ${dir}: ${made} made, ${kept} kept, ${removed} removed, in ${seconds} s.${larger}`);
