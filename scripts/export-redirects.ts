/**
 * After `next build` with output: 'export', writes the pages a server would answer with
 * redirects: the language chooser at /, a redirect page at every old URL (and the same list as a
 * `_redirects` file for hosts that read one), a `_headers` file with the caching `next start`
 * sends, and Hugo's feed URLs;
 * and names the OpenGraph cards `opengraph-image.png`.
 *
 *   npm run export   (runs this after the build)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentOptions, loadContent } from '../lib/content/load';
import { staticRedirects } from '../lib/content/redirects';
import { OG_IMAGE_FILE } from '../lib/urls';
import { headersFile, redirectsFile, removeExportPlaceholders, renameOgImages, writeHugoFeedCopies, writeRedirectPages } from '../lib/static-export';

const outDir = path.resolve('out');
removeExportPlaceholders(outDir);
const content = loadContent({ ...defaultContentOptions(), includeUnpublished: false });
const moved = staticRedirects(content);
const written = writeRedirectPages(outDir, moved);
writeFileSync(path.join(outDir, '_redirects'), redirectsFile(moved));
writeFileSync(path.join(outDir, '_headers'), headersFile());
const feeds = writeHugoFeedCopies(outDir, content);
const cards = renameOgImages(outDir);
console.log(
  `Wrote ${written} redirect pages, the same ${moved.length} moves in _redirects, _headers, ${feeds} copies of feeds at Hugo's index.xml URLs into ${path.relative(process.cwd(), outDir)}/, and named ${cards} OpenGraph cards ${OG_IMAGE_FILE}`,
);
