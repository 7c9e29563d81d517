/**
 * After `next build` with output: 'export', writes the pages a server would answer with
 * redirects: the language chooser at /, and a redirect page at every old URL.
 *
 *   npm run export   (runs this after the build)
 */
import path from 'node:path';
import { defaultContentOptions, loadContent } from '../lib/content/load';
import { staticRedirects } from '../lib/content/redirects';
import { writeRedirectPages } from '../lib/static-export';

const outDir = path.resolve('out');
const content = loadContent({ ...defaultContentOptions(), includeUnpublished: false });
const written = writeRedirectPages(outDir, staticRedirects(content));
console.log(`Wrote ${written} redirect pages into ${path.relative(process.cwd(), outDir)}/`);
