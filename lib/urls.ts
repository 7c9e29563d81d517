import { siteConfig, type Lang, type SectionConfig } from './site-config';

/** A site path as the full URL readers, feeds and search engines see (`SITE_URL` + path). */
export function absoluteUrl(path: string): string {
  return new URL(path, siteConfig.baseUrl).href;
}

/** Whether a link leads to another site: it has a scheme (`https:`, `mailto:`) or is protocol-relative. */
export function isOtherSiteUrl(url: string): boolean {
  return /^([a-z][a-z\d+.-]*:|\/\/)/i.test(url.trim());
}

export type Taxonomy = 'categories' | 'tags';
export const taxonomies: readonly Taxonomy[] = ['categories', 'tags'];

export function homePath(lang: Lang, page = 1): string {
  return page > 1 ? `/${lang}/page/${page}` : `/${lang}`;
}

export function archivePath(lang: Lang): string {
  return `/${lang}/archive`;
}

/** The language's search index, fetched by the search box when a reader opens it. */
export function searchIndexPath(lang: Lang): string {
  return `/${lang}/search.json`;
}

/** The body texts of the language's posts, fetched beside the index (see SearchTextFile). */
export function searchTextPath(lang: Lang): string {
  return `/${lang}/search-text.json`;
}

export function postPath(lang: Lang, slug: string): string {
  return `/${lang}/blog/${encodeURIComponent(slug)}`;
}

/**
 * The OpenGraph card of a page with an `opengraph-image` route. Next.js serves the card without
 * an extension; the `.png` lets static hosts send it as an image (the export renames the file,
 * `next start` answers through a rewrite).
 */
export function ogImagePath(pagePath: string): string {
  return `${pagePath}/${OG_IMAGE_FILE}`;
}

export const OG_IMAGE_ROUTE = 'opengraph-image';
export const OG_IMAGE_FILE = `${OG_IMAGE_ROUTE}.png`;

/** The folder of the images' responsive copies, under the site's root and under public/. */
export const IMAGE_VARIANT_FOLDER = '_img';

/** A responsive copy of a local image, by its file name (see lib/content/image-variants.ts). */
export function imageVariantPath(fileName: string): string {
  return `/${IMAGE_VARIANT_FOLDER}/${fileName}`;
}

/** A standalone page (`content/en/about.md`): `/en/about`. */
export function pagePath(lang: Lang, slug: string): string {
  return `/${lang}/${encodeURIComponent(slug)}`;
}

/** The declared section of that name (site.config.json `sections`), or undefined. */
export function sectionNamed(name: string | undefined): SectionConfig | undefined {
  return siteConfig.sections.find((section) => section.name === name);
}

/** A section's list (`/en/notice`, then `/en/notice/page/2`). */
export function sectionPath(lang: Lang, section: Pick<SectionConfig, 'segment'>, page = 1): string {
  const base = `/${lang}/${section.segment}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

/** What entryPath needs to know of a post, a page or a section's item. */
export type EntryAddress = { kind: 'post' | 'page' | 'item'; lang: Lang; slug: string; section?: string };

/** Where a post, a standalone page or a section's item (`/en/notice/kubecon`) is served. */
export function entryPath(entry: EntryAddress): string {
  if (entry.kind === 'page') return pagePath(entry.lang, entry.slug);
  if (entry.kind === 'post') return postPath(entry.lang, entry.slug);
  const section = sectionNamed(entry.section);
  if (!section) throw new Error(`no section "${entry.section}" is declared in site.config.json`);
  return `${sectionPath(entry.lang, section)}/${encodeURIComponent(entry.slug)}`;
}

/** Where a file of a post's, a page's or an item's bundle is served: beside it, as Hugo serves it. */
export function entryAssetPath(entry: EntryAddress, assetPath: string): string {
  return `${entryPath(entry)}/${assetPath.split('/').map(encodeURIComponent).join('/')}`;
}

export function taxonomyPath(lang: Lang, taxonomy: Taxonomy): string {
  return `/${lang}/${taxonomy}`;
}

export function termPath(lang: Lang, taxonomy: Taxonomy, termSlug: string, page = 1): string {
  const base = `/${lang}/${taxonomy}/${encodeURIComponent(termSlug)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

/** The `[[...page]]` segments of every page of a list: `[]`, then `['page', '2']`, ... */
export function listPageSegments(totalPages: number): string[][] {
  return Array.from({ length: Math.max(1, totalPages) }, (_, index) => (index === 0 ? [] : ['page', String(index + 1)]));
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedFormat, { file: string; type: string }> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml' },
  atom: { file: 'atom.xml', type: 'application/atom+xml' },
  json: { file: 'feed.json', type: 'application/feed+json' },
};

/** The feeds of a list page (`/en`, `/en/categories/istio`), by format. */
export function feedPaths(listPath: string): Record<FeedFormat, string> {
  return {
    rss: `${listPath}/${FEED_FILES.rss.file}`,
    atom: `${listPath}/${FEED_FILES.atom.file}`,
    json: `${listPath}/${FEED_FILES.json.file}`,
  };
}

/**
 * The segment value of a dynamic route's placeholder in a static export. `output: 'export'`
 * refuses a dynamic route whose generateStaticParams gives nothing (a site without sections, or
 * without bundle files), so there it gives this one, which answers 404 and which the export
 * script deletes (see removeExportPlaceholders).
 */
export const EXPORT_PLACEHOLDER = '__no-such-page__';
