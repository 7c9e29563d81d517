import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FOREVER, CACHE_SEARCH_FILES } from './cache-control';
import type { Content } from './content/load';
import type { MovedUrl } from './content/redirects';
import { escapeHtml } from './content/shortcodes';
import { defaultLang, languages, siteConfig, ui } from './site-config';
import { absoluteUrl, EXPORT_PLACEHOLDER, FEED_FILES, homePath, imageVariantPath, OG_IMAGE_FILE, OG_IMAGE_ROUTE, searchIndexPath, searchTextPath, sectionPath, taxonomies, termPath } from './urls';

/**
 * Takes the reader on to the page named by the redirect page's `data-redirect`, with the old
 * URL's query and fragment (a link to a section of an old post lands on that section), as a
 * server's redirect would. The same text on every redirect page, so one hash lets it run.
 */
export const REDIRECT_SCRIPT = 'location.replace(document.documentElement.dataset.redirect+location.search+location.hash)';

/**
 * Hugo's alias page, for an old URL: the script above (a meta refresh without scripts, which loses
 * the query and fragment), a canonical link for search engines, and a link for people.
 */
export function redirectPage(to: string): string {
  const target = escapeHtml(to);
  const canonical = escapeHtml(absoluteUrl(to));
  return `<!DOCTYPE html><html lang="${ui(defaultLang).locale}" data-redirect="${target}"><head><meta charset="utf-8"><title>${target}</title><link rel="canonical" href="${canonical}"><meta name="robots" content="noindex"><script>${REDIRECT_SCRIPT}</script><noscript><meta http-equiv="refresh" content="0; url=${target}"></noscript></head><body><p><a href="${target}">${target}</a></p></body></html>\n`;
}

/** The language chooser's script: to the home of the browser's first language the site has, else the default's. */
export function languageChooserScript(): string {
  const homes = Object.fromEntries(languages.map((lang) => [lang, homePath(lang)]));
  return `var h=${JSON.stringify(homes)},l=(navigator.languages||[navigator.language||'']).map(function(x){return String(x).toLowerCase().split('-')[0]}).filter(function(x){return h[x]})[0];location.replace(h[l]||${JSON.stringify(homePath(defaultLang))});`;
}

/**
 * The site root of a static export: the reader's language from the browser when scripts run,
 * else the default language.
 */
export function languageChooserPage(): string {
  const fallback = homePath(defaultLang);
  const links = languages
    .map((lang) => `<a href="${homePath(lang)}" hreflang="${ui(lang).locale}">${escapeHtml(siteConfig.title[lang])}</a>`)
    .join(' · ');
  return `<!DOCTYPE html><html lang="${ui(defaultLang).locale}"><head><meta charset="utf-8"><title>${escapeHtml(siteConfig.title[defaultLang])}</title><link rel="canonical" href="${escapeHtml(absoluteUrl(fallback))}"><script>${languageChooserScript()}</script><noscript><meta http-equiv="refresh" content="0; url=${fallback}"></noscript></head><body><p>${links}</p></body></html>\n`;
}

/**
 * Writes a redirect page at every old URL (as `<path>/index.html`, which every static host serves
 * for both `/path` and `/path/`) and the root page. Never replaces a page of the site.
 */
export function writeRedirectPages(outDir: string, moved: readonly MovedUrl[]): number {
  let written = 0;
  const write = (file: string, html: string) => {
    if (existsSync(file) || existsSync(file.replace(/\/index\.html$/, '.html'))) return;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, html);
    written++;
  };
  write(path.join(outDir, 'index.html'), languageChooserPage());
  for (const { from, to } of moved) {
    const decoded = decodeURI(from);
    write(path.join(outDir, ...decoded.split('/').filter(Boolean), 'index.html'), redirectPage(to));
  }
  return written;
}

/**
 * The same old URLs as a `_redirects` file (Netlify and Cloudflare Pages read it; other hosts can
 * turn it into their own rules): one `from to 301` line each, with and without the trailing slash
 * old Hugo URLs had, and `/` by language.
 */
export function redirectsFile(moved: readonly MovedUrl[]): string {
  const lines = ['# Old URLs of this site and where they moved; written by npm run export.'];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    if (seen.has(from)) return;
    seen.add(from);
    lines.push(`${from} ${to} 301`);
  };
  for (const { from, to } of moved) {
    const bare = from.length > 1 ? from.replace(/\/+$/, '') : from;
    add(bare, to);
    add(`${bare}/`, to);
  }
  for (const lang of languages) lines.push(`/ ${homePath(lang)} 302 Language=${lang}`);
  lines.push(`/ ${homePath(defaultLang)} 302`);
  return `${lines.join('\n')}\n`;
}

/**
 * Hugo's feed URLs (`index.xml` beside each list, the default language also at the root) as
 * copies of the feeds: a feed reader does not follow a redirect page.
 */
export function writeHugoFeedCopies(outDir: string, content: Content): number {
  let written = 0;
  const copy = (fromPath: string, toPath: string) => {
    const from = path.join(outDir, ...decodeURI(fromPath).split('/').filter(Boolean));
    const to = path.join(outDir, ...decodeURI(toPath).split('/').filter(Boolean));
    if (!existsSync(from) || existsSync(to)) return;
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    written++;
  };
  for (const lang of languages) {
    const prefixes = lang === defaultLang ? ['', `/${lang}`] : [`/${lang}`];
    const feed = `${homePath(lang)}/${FEED_FILES.rss.file}`;
    for (const prefix of prefixes) {
      copy(feed, `${prefix}/index.xml`);
      copy(feed, `${prefix}/blog/index.xml`);
    }
    for (const section of siteConfig.sections) {
      if (!section.feeds) continue;
      const sectionFeed = `${sectionPath(lang, section)}/${FEED_FILES.rss.file}`;
      for (const prefix of prefixes) copy(sectionFeed, `${prefix}/${section.name}/index.xml`);
    }
    for (const taxonomy of taxonomies) {
      for (const term of content.terms[lang][taxonomy]) {
        const termFeed = `${termPath(lang, taxonomy, term.slug)}/${FEED_FILES.rss.file}`;
        for (const prefix of prefixes) copy(termFeed, `${prefix}/${taxonomy}/${encodeURIComponent(term.slug)}/index.xml`);
      }
    }
  }
  return written;
}

/**
 * Deletes what the placeholders of routes without pages wrote (see staticParams): answers 404
 * that no link leads to and no host should serve.
 */
export function removeExportPlaceholders(outDir: string): number {
  const found = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file).startsWith(EXPORT_PLACEHOLDER));
  // Deepest first: a placeholder folder may hold another placeholder.
  for (const file of found.sort((a, b) => b.length - a.length)) rmSync(path.join(outDir, file), { recursive: true, force: true });
  return found.length;
}

/**
 * Gives every OpenGraph card the `.png` name the pages link to: a file host sends a file without
 * an extension as `application/octet-stream`, which social sites refuse as an image.
 */
export function renameOgImages(outDir: string): number {
  const cards = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === OG_IMAGE_ROUTE);
  for (const card of cards) renameSync(path.join(outDir, card), path.join(outDir, path.dirname(card), OG_IMAGE_FILE));
  return cards.length;
}

/**
 * The `_headers` file of the export, for hosts that read one (Netlify, Cloudflare Pages): the
 * same caching `next start` sends for the image copies and the search files.
 */
export function headersFile(): string {
  const searchFiles = languages.flatMap((lang) => [searchIndexPath(lang), searchTextPath(lang)]);
  return [
    '# Response headers for hosts that read this file; written by npm run export.',
    imageVariantPath('*'),
    `  Cache-Control: ${CACHE_FOREVER}`,
    ...searchFiles.flatMap((file) => [file, `  Cache-Control: ${CACHE_SEARCH_FILES}`]),
    '',
  ].join('\n');
}
