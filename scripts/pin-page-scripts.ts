/**
 * After a build, gives every prerendered page its own security policy, which lets run only the
 * inline scripts the page should run, by hash (see pinPageScripts in lib/security-policy.ts). An
 * inline script it does not know (one that came in with a post's HTML, say) will not run in a
 * reader's browser, and is reported here with its page.
 *
 *   npm run build    (runs this after next build, on .next/server)
 *   npm run export   (runs this on out/, after its redirect pages)
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { readWorkerPinnings, siteOwnScripts } from '../lib/page-pinning';
import { commandOptions } from './command-line';
import { pinPages } from './pin-pages';

const usage = 'node scripts/run.mjs pin-page-scripts [--export]';
const { values } = commandOptions({ options: { export: { type: 'boolean', default: false } } }, usage);
// next start serves the prerendered pages from .next/server (app/, pages/ and its route cache).
const root = path.resolve(values.export ? 'out' : '.next/server');
const ownScripts = siteOwnScripts();

// A build takes unchanged pages back from the last one (see README, page reuse): what pinning
// them found is kept, so they are not read again; nor are the pages its workers pinned as they
// wrote them (BLOG_PINNED_PAGES_DIR, set by scripts/build.ts). A static export's pages are all read.
const byWorkers = process.env.BLOG_PINNED_PAGES_DIR;
const pages = values.export
  ? pinPages(root, ownScripts)
  : pinPages(root, ownScripts, path.resolve('.next/cache/blog-pinned-pages.json'), byWorkers ? readWorkerPinnings(byWorkers) : undefined);
if (byWorkers) rmSync(byWorkers, { recursive: true, force: true });
let hashes = 0;
let read = 0;
let byWorker = 0;
const unknown: Array<{ file: string; script: string }> = [];
for (const [name, page] of pages) {
  hashes += page.hashes;
  if (page.read) read++;
  if (page.byWorker) byWorker++;
  unknown.push(...page.unknown.map((script) => ({ file: path.relative(process.cwd(), path.join(root, name)), script })));
}
for (const { file, script } of unknown) {
  const shown = script.replace(/\s+/g, ' ').trim();
  console.warn(`${file}: an inline script the site does not know will not run in readers' browsers: ${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}`);
}
const unchanged = pages.size - read - byWorker;
const notRead = [byWorker ? `${byWorker} as the build wrote them` : '', unchanged ? `${unchanged} unchanged since the last build's pinning` : ''].filter(Boolean);
console.log(
  `Pinned the inline scripts of ${pages.size} pages in ${path.relative(process.cwd(), root)}/ by ${hashes} hashes` +
    `${notRead.length ? ` (${notRead.join(', ')})` : ''}` +
    `${unknown.length ? `; ${unknown.length} unknown inline scripts will not run (above)` : ''}.`,
);
