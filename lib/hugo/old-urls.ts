import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The URLs an old site served, as paths: its pages (and feeds), and its other files. */
export type OldUrls = { pages: string[]; files: string[] };

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return XML_ENTITIES[entity.toLowerCase()] ?? entity;
  });
}

/** A URL or path as the path a request asks for, percent-encoded as a browser sends it. */
export function requestPath(url: string): string {
  const pathname = /^[a-z][a-z\d+.-]*:\/\//i.test(url) ? new URL(url).pathname : url.replace(/[?#].*$/, '');
  try {
    return encodeURI(decodeURI(pathname));
  } catch {
    return pathname;
  }
}

/**
 * Every `<loc>` of a sitemap, and the `hreflang` alternates beside them; a sitemap index is
 * followed into the sitemaps it lists, read from beside it (`/en/sitemap.xml` → `<dir>/en/sitemap.xml`).
 */
function sitemapPaths(file: string, root = path.dirname(file), seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const xml = readFileSync(file, 'utf8');
  const locs = [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((match) => decodeXml(match[1] ?? ''));
  if (/<sitemapindex[\s>]/.test(xml)) {
    return locs.flatMap((loc) => {
      const child = path.join(root, decodeURI(requestPath(loc)));
      return existsSync(child) ? sitemapPaths(child, root, seen) : [];
    });
  }
  const alternates = [...xml.matchAll(/<xhtml:link[^>]*href="([^"]+)"/g)].map((match) => decodeXml(match[1] ?? ''));
  return [...locs, ...alternates].map(requestPath);
}

function walkFiles(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return walkFiles(dir, child);
    return entry.isFile() ? [child] : [];
  });
}

/**
 * The old site's URLs, from its built folder (Hugo's `public/`: `a/index.html` is `/a/`, feeds
 * and other files are their own paths) or from its `sitemap.xml`, which lists pages only.
 */
export function oldSiteUrls(source: string): OldUrls {
  if (!existsSync(source)) throw new Error(`${source} does not exist: give the old site's built folder (public/) or its sitemap.xml`);
  if (statSync(source).isFile()) return { pages: [...new Set(sitemapPaths(source))].sort(), files: [] };
  const pages = new Set<string>();
  const files = new Set<string>();
  for (const file of walkFiles(source)) {
    // Hugo's not-found page, at the root and in each language's folder (`en/404.html`): a host
    // serves it for a missing URL, and no link leads to it.
    if (/(^|\/)404(\.html|\/index\.html)$/.test(file)) continue;
    if (file.endsWith('/index.html') || file === 'index.html') pages.add(requestPath(`/${file.slice(0, -'index.html'.length)}`));
    else if (/\.(html?|xml)$/.test(file)) pages.add(requestPath(`/${file}`));
    else files.add(requestPath(`/${file}`));
  }
  return { pages: [...pages].sort(), files: [...files].sort() };
}
