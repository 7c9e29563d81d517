/**
 * After a build, gives every prerendered page its own security policy, which lets run only the
 * inline scripts the page should run, by hash (see pinPageScripts in lib/security-policy.ts). An
 * inline script it does not know (one that came in with a post's HTML, say) will not run in a
 * reader's browser, and is reported here with its page.
 *
 *   npm run build    (runs this after next build, on .next/server)
 *   npm run export   (runs this on out/, after its redirect pages)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PAGE_SCRIPTS } from '../lib/page-scripts';
import { pinPageScripts } from '../lib/security-policy';
import { languageChooserScript, REDIRECT_SCRIPT } from '../lib/static-export';
import { commandOptions } from './command-line';

const usage = 'node scripts/run.mjs pin-page-scripts [--export]';
const { values } = commandOptions({ options: { export: { type: 'boolean', default: false } } }, usage);
// next start serves the prerendered pages from .next/server (app/, pages/ and its route cache).
const root = path.resolve(values.export ? 'out' : '.next/server');
const ownScripts = [...PAGE_SCRIPTS, languageChooserScript(), REDIRECT_SCRIPT];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const files = htmlFiles(root);
let hashes = 0;
const unknown: Array<{ file: string; script: string }> = [];
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const page = pinPageScripts(html, ownScripts);
  // A page taken back from the last build (see README, page reuse) is pinned already: no write.
  if (page.html !== html) writeFileSync(file, page.html);
  hashes += page.hashes;
  unknown.push(...page.unknown.map((script) => ({ file: path.relative(process.cwd(), file), script })));
}
for (const { file, script } of unknown) {
  const shown = script.replace(/\s+/g, ' ').trim();
  console.warn(`${file}: an inline script the site does not know will not run in readers' browsers: ${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}`);
}
console.log(`Pinned the inline scripts of ${files.length} pages in ${path.relative(process.cwd(), root)}/ by ${hashes} hashes${unknown.length ? `; ${unknown.length} unknown inline scripts will not run (above)` : ''}.`);
