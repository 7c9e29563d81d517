import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { missingOgCharacters } from '../og/font';
import { languages, siteConfig, type Lang } from '../site-config';
import { SITE_SETTINGS_FILE } from '../site-settings';
import { archivePath, entryAssetPath, entryPath, feedPaths, homePath, isOtherSiteUrl, sectionPath, taxonomies, taxonomyPath, termPath } from '../urls';
import { writtenLine } from './body';
import { isoCalendarDate } from './dates';
import { toleratedDefects, type ContentProblem } from './errors';
import { fieldLine, frontMatterSchema } from './front-matter';
import { entriesOf, readContent, termedEntries, type Content, type ContentOptions, type Post } from './load';
import { postBodyFacts } from './load-cache';
import { collectTerms } from './terms';
import { hugoRootRedirects, movedPages, movedPosts, movedSectionPages, movedTerms, normalizePath } from './redirects';

export type CheckReport = {
  /** What fails the build. */
  errors: ContentProblem[];
  /** Defects Hugo tolerates: resolved as Hugo does, and the build goes on (unless strict). */
  defects: ContentProblem[];
  warnings: ContentProblem[];
  postCount: number;
};

/** Front-matter keys Hugo themes use that this site knowingly ignores: reported without a guess. */
const IGNORED_HUGO_KEYS = new Set([
  'weight', 'toc', 'layout', 'menu', 'keywords', 'isCJKLanguage', 'series', 'linkTitle',
  'headless', 'build', 'outputs', 'markup', 'sitemap', 'resources', 'comments', 'math', 'featured',
  'authors', 'showToc', 'tocOpen', 'hidden', 'cover', 'thumbnail', 'featured_image', 'audio', 'videos',
]);

const KNOWN_KEYS = Object.keys(frontMatterSchema.in.shape);

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

function unknownKeyMessage(key: string): string {
  const guess = KNOWN_KEYS.map((known) => ({ known, distance: editDistance(key.toLowerCase(), known.toLowerCase()) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  if (guess) return `unknown key "${key}", did you mean ${guess.known}? It is ignored as written`;
  if (IGNORED_HUGO_KEYS.has(key)) return `key "${key}" is kept but this site does not use it`;
  return `unknown key "${key}" is kept but ignored`;
}

type BodyFacts = {
  ids: Set<string>;
  links: Array<{ url: string; line?: number }>;
};

/** Every path the built site answers with a page (or a redirect to one), decoded, no trailing slash. */
function sitePaths(content: Content, postsDir: string): Set<string> {
  const paths = new Set<string>();
  const add = (value: string) => paths.add(safeDecode(value));
  for (const lang of languages) {
    add(homePath(lang));
    add(archivePath(lang));
    const pageCount = (count: number) => Math.max(1, Math.ceil(count / siteConfig.postsPerPage));
    for (let page = 2; page <= pageCount(content.posts[lang].length); page++) add(homePath(lang, page));
    for (const entry of entriesOf(content, lang)) {
      add(entryPath(entry));
      for (const asset of entry.source.assets) add(entryAssetPath(entry, asset));
    }
    for (const section of siteConfig.sections) {
      const items = content.sections[lang][section.name] ?? [];
      if (!items.length) continue;
      for (let page = 1; page <= pageCount(items.length); page++) add(sectionPath(lang, section, page));
      if (section.feeds) Object.values(feedPaths(sectionPath(lang, section))).forEach(add);
    }
    for (const taxonomy of taxonomies) {
      add(taxonomyPath(lang, taxonomy));
      for (const term of content.terms[lang][taxonomy]) {
        for (let page = 1; page <= pageCount(term.count); page++) add(termPath(lang, taxonomy, term.slug, page));
      }
    }
  }
  for (const { from } of [...movedPosts(content).moved, ...movedTerms(content), ...movedPages(content), ...movedSectionPages(postsDir)]) add(from);
  return paths;
}

/** Menu links of site.config.json that lead to no page of the site. */
function menuProblems(paths: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const kind of ['main', 'footer'] as const) {
    for (const [lang, entries] of Object.entries(siteConfig.menus[kind])) {
      for (const entry of entries ?? []) {
        if (isOtherSiteUrl(entry.url) || !entry.url.startsWith('/')) continue;
        const target = safeDecode(normalizePath(entry.url));
        if (paths.has(target) || paths.has(rootRedirect(target))) continue;
        problems.push({
          file: SITE_SETTINGS_FILE,
          field: `menus.${kind}.${lang}`,
          message: `"${entry.name}" leads to ${entry.url}, which no page of the site answers: point it at a page, or remove it`,
        });
      }
    }
  }
  return problems;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const MALFORMED_URL = /\]\(\s*(https?:\/(?!\/)[^)]*|https?:\/\/\s[^)]*)\)|\b(https?:\/ +\/[^\s)]*)/g;

/**
 * Checks every post without building the site: front matter, unknown keys, shortcodes, images,
 * internal links and anchors, malformed URLs and old-URL conflicts.
 */
export function checkContent(options: ContentOptions): CheckReport {
  const { content: all, problems } = readContent({ ...options, includeUnpublished: true });
  const errors: ContentProblem[] = [...problems];
  const warnings: ContentProblem[] = [...all.warnings];

  // Terms are counted again over the published posts: a term only drafts have has no page.
  const publishedPosts = (lang: Lang) => all.posts[lang].filter((post) => post.status === 'published');
  const published: Content = {
    ...all,
    posts: Object.fromEntries(languages.map((lang) => [lang, publishedPosts(lang)])) as Content['posts'],
    pages: Object.fromEntries(languages.map((lang) => [lang, all.pages[lang].filter((page) => page.status === 'published')])) as Content['pages'],
    sections: Object.fromEntries(
      languages.map((lang) => [lang, Object.fromEntries(Object.entries(all.sections[lang]).map(([name, items]) => [name, items.filter((item) => item.status === 'published')]))]),
    ) as Content['sections'],
    terms: Object.fromEntries(
      languages.map((lang) => [
        lang,
        Object.fromEntries(taxonomies.map((taxonomy) => [taxonomy, collectTerms(termedEntries(all, lang).filter((entry) => entry.status === 'published').map((entry) => entry[taxonomy].map((term) => term.name)))])),
      ]),
    ) as Content['terms'],
  };
  warnings.push(...movedPosts(published).problems);
  const paths = sitePaths(published, options.postsDir);
  warnings.push(...menuProblems(paths));
  const unpublishedPaths = new Map<string, Post>();
  for (const lang of languages) {
    for (const entry of entriesOf(all, lang)) {
      if (entry.status !== 'published') unpublishedPaths.set(safeDecode(entryPath(entry)), entry);
    }
  }

  const factsByPath = new Map<string, BodyFacts>();
  const factsByPost = new Map<Post, BodyFacts>();
  for (const lang of languages) {
    for (const post of entriesOf(all, lang)) {
      const file = post.source.displayPath;
      const raw = readFileSync(post.source.file, 'utf8');
      for (const key of post.frontMatterKeys) {
        if (!KNOWN_KEYS.includes(key) && key !== 'cascade') {
          warnings.push({ file, line: fieldLine(raw, key), message: unknownKeyMessage(key) });
        }
      }
      warnings.push(...ogFontWarnings(post, raw));
      if (post.originalUpdate) {
        const { file: original, date } = post.originalUpdate;
        warnings.push({
          file,
          message: `this translation is behind its original ${original}, changed on ${isoCalendarDate(date)}: bring it up to date (its page says so until then), or set its lastmod if it already is`,
        });
      }
      // readContent has left out every post whose body cannot be read, and reported why.
      // Read with the post: its ids and links come from the same parse as its page.
      const { anchors, links } = postBodyFacts(post, options.publicDir, options.diskCache);
      const facts: BodyFacts = { ids: new Set(anchors), links };
      factsByPost.set(post, facts);
      factsByPath.set(safeDecode(entryPath(post)), facts);
      post.body.split('\n').forEach((text, index) => {
        for (const match of text.matchAll(MALFORMED_URL)) {
          const url = (match[1] ?? match[2] ?? '').trim();
          warnings.push({
            file,
            line: writtenLine(post, index + 1),
            message: `malformed URL "${url}": it renders as plain text; write it as https://host/path`,
          });
        }
      });
    }
  }

  for (const [post, facts] of factsByPost) {
    const file = post.source.displayPath;
    const pageUrl = `${entryPath(post)}/`;
    for (const { url, line } of facts.links) {
      if (isOtherSiteUrl(url)) continue;
      const [target = '', anchor] = url.split('#');
      if (!target) {
        if (anchor && !facts.ids.has(safeDecode(anchor))) {
          warnings.push({ file, line, message: `link "#${anchor}" names no heading of this post: fix the anchor` });
        }
        continue;
      }
      if (!target.startsWith('/') && post.source.bundleDir) {
        const bundleFile = path.join(post.source.bundleDir, safeDecode(target.replace(/\?.*$/, '')));
        if (existsSync(bundleFile) && statSync(bundleFile).isFile()) continue;
      }
      // Hugo's pages end in `/`, so `../other/` from a post is a sibling post.
      const resolvedPath = normalizePath(new URL(target, `http://site${pageUrl}`).pathname);
      const decoded = rootRedirect(safeDecode(resolvedPath));
      if (paths.has(decoded)) {
        const targetFacts = factsByPath.get(decoded);
        if (anchor && targetFacts && !targetFacts.ids.has(safeDecode(anchor))) {
          warnings.push({ file, line, message: `link "${url}": that post has no heading "#${anchor}"` });
        }
        continue;
      }
      const publicFile = path.join(options.publicDir, decoded);
      if (existsSync(publicFile) && statSync(publicFile).isFile()) continue;
      const unpublished = unpublishedPaths.get(decoded);
      const message = unpublished
        ? `link "${url}" leads to ${unpublished.source.displayPath}, which is not published (${unpublished.status})`
        : `broken link "${url}": no page or file answers at ${decoded}`;
      warnings.push({ file, line, message });
    }
  }

  const byPlace = (a: ContentProblem, b: ContentProblem) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
  const defects = toleratedDefects(warnings);
  return {
    errors: errors.sort(byPlace),
    defects: defects.sort(byPlace),
    warnings: warnings.filter((warning) => !warning.tolerated).sort(byPlace),
    postCount: factsByPost.size,
  };
}

/**
 * The title and the first category are drawn on the post's OpenGraph card, whose font is a subset:
 * a character it lacks is left out of the card.
 */
function ogFontWarnings(post: Post, raw: string): ContentProblem[] {
  const shown = [
    { field: 'title', text: post.title },
    { field: 'categories', text: post.categories[0]?.name ?? '' },
  ];
  return shown.flatMap(({ field, text }) => {
    const missing = missingOgCharacters(text);
    if (!missing.length) return [];
    const list = missing.map((char) => `"${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    return [{
      file: post.source.displayPath,
      line: fieldLine(raw, field),
      field,
      message: `the OpenGraph card's font has no ${list}, so the card leaves ${missing.length === 1 ? 'it' : 'them'} out: run npm run og-font to add what Noto Sans SC has`,
    }];
  });
}

/** A Hugo root-language path (`/blog/x`) as the page it now redirects to. */
function rootRedirect(pathname: string): string {
  for (const rule of hugoRootRedirects()) {
    if (rule.source === pathname) return rule.destination;
    const prefix = rule.source.replace(/\/:path\*$/, '');
    if (rule.source.endsWith('/:path*') && (pathname === prefix || pathname.startsWith(`${prefix}/`))) {
      return rule.destination.replace(/\/:path\*$/, '') + pathname.slice(prefix.length);
    }
  }
  return pathname;
}
