import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLang, isLang, languages, siteConfig, type Lang } from '../site-config';
import { siteSettings } from '../site-settings';
import { entryPath, feedPaths, homePath, postPath, sectionPath, taxonomies, taxonomyPath, termPath } from '../urls';
import { displayPath } from './discover';
import { ContentError, formatProblem, type ContentProblem } from './errors';
import { splitFrontMatter } from './front-matter';
import { defaultContentOptions, entriesOf, readContentIndex, readPostIndex, type Content, type ContentOptions, type Post } from './posts';
import { hugoTermPath, hugoUrlize } from './terms';

/** An old URL that now lives elsewhere: a permanent (308) redirect. */
export type MovedUrl = {
  from: string;
  to: string;
  /** Where the old URL comes from, for the report: a post's alias, or Hugo's URL scheme. */
  origin: string;
};

/** One of Next.js's redirect rules (path-to-regexp source). */
export type RedirectRule = { source: string; destination: string; permanent: true };

/** A path as Hugo wrote it, as the site's canonical form: leading slash, no trailing slash. */
export function normalizePath(value: string): string {
  const withoutHost = value.trim().replace(/^[a-z][a-z\d+.-]*:\/\/[^/]+/i, '');
  const path = withoutHost.replace(/[?#].*$/, '').replace(/\/{2,}/g, '/');
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return absolute.length > 1 ? absolute.replace(/\/+$/, '') : absolute;
}

/**
 * The old URLs an alias stood for. Hugo resolves a relative alias against the post's section
 * (`old-name` on an English post is `/en/blog/old-name`). A site-relative alias (`/old/`) has
 * meant two things over Hugo's versions: the path as written, and (since Hugo gave aliases the
 * language prefix) `/<lang>/old/` for languages served under a prefix. Both are kept; the one
 * current Hugo writes comes first and must be unique, the other is dropped quietly when taken.
 */
function aliasPaths(alias: string, lang: Lang): { primary: string; secondary?: string } {
  if (!alias.startsWith('/') && !/^[a-z][a-z\d+.-]*:\/\//i.test(alias)) {
    return { primary: normalizePath(`/${lang}/blog/${alias}`) };
  }
  const written = normalizePath(alias);
  const firstSegment = written.split('/')[1] ?? '';
  if ((languages as readonly string[]).includes(firstSegment)) return { primary: written };
  const prefixed = normalizePath(`/${lang}${written}`);
  return lang === defaultLang ? { primary: written, secondary: prefixed } : { primary: prefixed, secondary: written };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A post's URL under the Hugo site's `permalinks` pattern of its section (`/:year/:month/:slug/`),
 * with the tokens Hugo 0.111 documents; the default language at the root, the others under
 * `/<lang>`. Undefined when the site had no pattern.
 */
export function hugoPermalinkPath(post: Post, pattern = siteSettings.hugo.permalink): string | undefined {
  if (!pattern) return undefined;
  const { year, month, day } = post.date;
  const written = (key: string) => post.frontMatterKeys.includes(key);
  const title = hugoUrlize(post.title);
  const tokens: Record<string, string> = {
    year: String(year),
    month: pad(month),
    monthname: new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
    day: pad(day),
    section: siteSettings.hugo.section,
    sections: [siteSettings.hugo.section, ...post.source.folders].join('/'),
    title,
    slug: written('slug') ? post.slug : title,
    slugorfilename: written('slug') ? post.slug : post.source.name,
    filename: post.source.name,
    contentbasename: post.source.name,
  };
  const expanded = pattern.replace(/:(\w+)/g, (whole, token: string) => tokens[token] ?? whole);
  const cased = siteSettings.hugo.disablePathToLower ? expanded : expanded.toLowerCase();
  const prefixed = post.lang === defaultLang ? cased : `/${post.lang}/${cased.replace(/^\//, '')}`;
  return normalizePath(prefixed.split('/').map((segment) => encodeURIComponent(safeDecode(segment))).join('/'));
}

/**
 * Which of the posts claiming one old URL Hugo sends it to: Hugo writes an alias page per claim
 * and the one it keeps is the earliest-dated post's, then the first by title, then by file
 * (observed with Hugo 0.111). We follow it, so the old link keeps leading where it led.
 */
function hugoAliasOrder(a: Post, b: Post): number {
  return (
    a.date.instant.getTime() - b.date.instant.getTime() ||
    a.title.localeCompare(b.title) ||
    a.source.displayPath.localeCompare(b.source.displayPath)
  );
}

/**
 * Every alias (and Hugo `url`) of a visible post, page or section item, as its old URLs. An old URL claimed by
 * two posts, or that is a live page's address, is a defect Hugo builds anyway (`tolerated`): the
 * live page keeps its address, and a shared alias goes where Hugo sent it.
 */
export function movedPosts(content: Content): { moved: MovedUrl[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const livePaths = new Map<string, Post>();
  for (const lang of languages) {
    for (const entry of entriesOf(content, lang)) livePaths.set(safeDecode(entryPath(entry)), entry);
  }

  type Claim = { from: string; alias: string; post: Post };
  /** Old URLs kept while nobody else claims them: older Hugo's alias forms, and permalinks (no alias). */
  type Fallback = { from: string; alias?: string; post: Post };
  const primary = new Map<string, Claim[]>();
  const secondary: Fallback[] = [];
  for (const lang of languages) {
    for (const post of entriesOf(content, lang)) {
      const permalink = post.kind === 'post' ? hugoPermalinkPath(post) : undefined;
      if (permalink) secondary.push({ from: permalink, post });
      for (const alias of post.aliases) {
        const paths = aliasPaths(alias, lang);
        if (paths.secondary) secondary.push({ from: paths.secondary, alias, post });
        const key = safeDecode(paths.primary);
        const live = livePaths.get(key);
        if (live === post) continue;
        if (live) {
          problems.push({
            file: post.source.displayPath,
            field: 'aliases',
            message: `alias "${alias}" is the address of ${live.source.displayPath}, which keeps it: remove the alias`,
            tolerated: true,
          });
          continue;
        }
        const claims = primary.get(key) ?? [];
        if (!claims.some((claim) => claim.post === post)) claims.push({ from: paths.primary, alias, post });
        primary.set(key, claims);
      }
    }
  }

  const claimed = new Set<string>();
  const moved: MovedUrl[] = [];
  for (const [key, claims] of primary) {
    const [winner, ...others] = [...claims].sort((a, b) => hugoAliasOrder(a.post, b.post));
    if (!winner) continue;
    claimed.add(key);
    moved.push({ from: winner.from, to: entryPath(winner.post), origin: `alias of ${winner.post.source.displayPath}` });
    for (const other of others) {
      problems.push({
        file: other.post.source.displayPath,
        field: 'aliases',
        message: `alias "${other.alias}" is also an alias of ${winner.post.source.displayPath}, which keeps it (Hugo gives a shared alias to the earliest post): keep it on one post`,
        tolerated: true,
      });
    }
  }
  // Fallbacks, too, go to the post Hugo would have given them.
  for (const { from, alias, post } of secondary.sort((a, b) => hugoAliasOrder(a.post, b.post))) {
    if (claimed.has(safeDecode(from)) || livePaths.has(safeDecode(from))) continue;
    claimed.add(safeDecode(from));
    const origin = alias === undefined ? `Hugo permalink of ${post.source.displayPath}` : `alias of ${post.source.displayPath}`;
    moved.push({ from, to: entryPath(post), origin });
  }
  return { moved, problems };
}

/**
 * Terms whose Hugo URL is not a single segment here (`CI/CD` was `/tags/ci/cd/`, now `ci-cd`): the
 * old URL, at the root for the default language and under every language's prefix, leads here.
 */
export function movedTerms(content: Content): MovedUrl[] {
  const moved: MovedUrl[] = [];
  for (const lang of languages) {
    for (const taxonomy of taxonomies) {
      for (const term of content.terms[lang][taxonomy]) {
        const hugo = hugoTermPath(term.name);
        if (!hugo) continue;
        const old = `/${taxonomy}/${hugo.split('/').map(encodeURIComponent).join('/')}`;
        const to = termPath(lang, taxonomy, term.slug);
        moved.push({ from: `/${lang}${old}`, to, origin: `Hugo URL of ${taxonomy} "${term.name}"` });
        if (lang === defaultLang) moved.push({ from: old, to, origin: `Hugo URL of ${taxonomy} "${term.name}"` });
      }
    }
  }
  return moved;
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/**
 * Hugo serves the default language at the site root (`/blog/x/`, `/categories/x/`, `/page/2/`);
 * here every language has its prefix.
 */
export function hugoRootRedirects(lang: Lang = defaultLang): RedirectRule[] {
  const rule = (source: string, destination: string): RedirectRule => ({ source, destination, permanent: true });
  return [
    // Hugo's feeds are index.xml beside each list; feed readers follow a 308 and remember it.
    ...hugoFeedRedirects(lang),
    // The section's list (`/blog/`, `/posts/page/2/`) is the home's list here; its pages are posts.
    ...oldSections().flatMap((section) => [
      ...[['', lang], ...languages.map((l) => [`/${l}`, l])].flatMap(([prefix, target]) => [
        rule(`${prefix}/${section}`, `/${target}`),
        rule(`${prefix}/${section}/page/:number(\\d+)`, `/${target}/page/:number`),
      ]),
      ...(section === 'blog' ? [] : languages.map((l) => rule(`/${l}/${section}/:path*`, `/${l}/blog/:path*`))),
      rule(`/${section}/:path*`, `/${lang}/blog/:path*`),
    ]),
    // A section's list and items (`/notice/`, `/notice/kubecon/`, `/en/notice/page/2/`).
    ...siteConfig.sections.flatMap((section) => [
      rule(`/${section.name}/:path*`, `${sectionPath(lang, section)}/:path*`),
      ...(section.segment === section.name ? [] : languages.map((l) => rule(`/${l}/${section.name}/:path*`, `${sectionPath(l, section)}/:path*`))),
    ]),
    // Hugo themes' search page (`/search/?q=istio`): search here is a dialog on every page, which
    // opens with the query of the link (the query string goes along with the redirect).
    rule('/search', `/${lang}`),
    ...languages.map((l) => rule(`/${l}/search`, `/${l}`)),
    rule('/categories/:path*', `/${lang}/categories/:path*`),
    rule('/tags/:path*', `/${lang}/tags/:path*`),
    rule('/page/:number(\\d+)', `/${lang}/page/:number`),
    // Hugo's `/page/1/` of every list (home, term) is the list itself.
    rule('/page/1', `/${lang}`),
    rule('/:path+/page/1', '/:path+'),
    // Hugo's per-language sitemaps; the one sitemap here lists every language.
    ...languages.map((l) => rule(`/${l}/sitemap.xml`, '/sitemap.xml')),
  ];
}

/** The sections whose old URLs lead to the posts: `blog`, and the one the posts came from (`posts`). */
function oldSections(): string[] {
  return [...new Set(['blog', siteSettings.hugo.section])];
}

function hugoFeedRedirects(lang: Lang): RedirectRule[] {
  const rules: RedirectRule[] = [];
  const add = (source: string, destination: string) => rules.push({ source, destination, permanent: true });
  for (const [prefix, target] of [['', lang], ...languages.map((l) => [`/${l}`, l])] as const) {
    add(`${prefix}/index.xml`, `/${target}/feed.xml`);
    for (const section of oldSections()) add(`${prefix}/${section}/index.xml`, `/${target}/feed.xml`);
    add(`${prefix}/:taxonomy(categories|tags)/:term/index.xml`, `/${target}/:taxonomy/:term/feed.xml`);
    for (const section of siteConfig.sections) {
      add(`${prefix}/${section.name}/index.xml`, section.feeds ? feedPaths(sectionPath(target as Lang, section)).rss : `/${target}/feed.xml`);
    }
    // A taxonomy's own feed (of its terms) has no counterpart: the language's feed carries the posts.
    add(`${prefix}/:taxonomy(categories|tags)/index.xml`, `/${target}/feed.xml`);
    add(`${prefix}/search/index.xml`, `/${target}/feed.xml`);
  }
  return rules;
}

/** Escapes a literal path for path-to-regexp, which reads `:`, `(`, `*`, `+`, `?`, `{` as syntax. */
function literalSource(path: string): string {
  return path.replace(/[:()*+?{}\\]/g, '\\$&');
}

export function redirectRules(moved: readonly MovedUrl[]): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const { from, to } of moved) {
    rules.push({ source: literalSource(from), destination: to, permanent: true });
    // Requests arrive percent-encoded: a non-ASCII alias needs its encoded form too.
    const encoded = encodeURI(safeDecode(from));
    if (encoded !== from) rules.push({ source: literalSource(encoded), destination: to, permanent: true });
  }
  return [...rules, ...hugoRootRedirects()];
}

/**
 * Warns once per process (and the processes it starts): `next build` evaluates next.config.ts, and
 * with it the redirects, more than once, and would print the same list each time. A different
 * list (another read of changed posts) is said again.
 */
function sayOncePerProcess(message: string): void {
  const said = createHash('sha256').update(message).digest('hex').slice(0, 16);
  if (process.env.BLOG_SAID_OLD_URLS === said) return;
  process.env.BLOG_SAID_OLD_URLS = said;
  console.warn(message);
}

/**
 * The redirect rules of the whole site, for next.config.ts. Old URLs that collide go where Hugo
 * sent them, with a warning in the build output; in strict mode they fail a production build.
 */
export function siteRedirects(content: Content, sectionPages: readonly MovedUrl[] = []): RedirectRule[] {
  const { moved, problems } = movedPosts(content);
  if (problems.length && siteSettings.strict && process.env.NODE_ENV === 'production') throw new ContentError(problems);
  if (problems.length) sayOncePerProcess(`Old URLs:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  return redirectRules([...moved, ...movedTerms(content), ...movedPages(content), ...sectionPages]);
}

/**
 * Hugo's URL of each default-language page at the site root (`/about/`), unless a post or an
 * alias already claims it, and the feed Hugo gave a page made from a section's `_index.md`
 * (`/about/index.xml`, `/en/about/index.xml`), which the language's feed replaces. (Pages'
 * aliases are movedPosts's, as every entry's; a default-language item's root URL,
 * `/notice/kubecon/`, is one of hugoRootRedirects's rules.)
 */
export function movedPages(content: Content): MovedUrl[] {
  const moved: MovedUrl[] = [];
  for (const lang of languages) {
    const feed = feedPaths(homePath(lang)).rss;
    for (const page of content.pages[lang]) {
      const name = encodeURIComponent(page.slug);
      moved.push({ from: `/${lang}/${name}/index.xml`, to: feed, origin: 'Hugo feed of a page' });
      if (lang !== defaultLang) continue;
      moved.push({ from: `/${name}`, to: entryPath(page), origin: 'Hugo default-language URL' });
      moved.push({ from: `/${name}/index.xml`, to: feed, origin: 'Hugo feed of a page' });
    }
  }
  return moved;
}

/**
 * The redirect rules for next.config.ts, from the posts' front matter alone: the body pipeline
 * is not needed for old URLs (and its ESM-only packages cannot load with the config). Content
 * problems are not thrown here: a build reports every one of them, the bodies' too, when its
 * pages read the content, and `next dev` lists them on the page and keeps answering.
 */
export function configRedirects(options: ContentOptions = defaultContentOptions()): RedirectRule[] {
  return siteRedirects(readContentIndex(options).content, movedSectionPages(options.postsDir));
}

/**
 * Every old URL as a concrete path, for a static export where no server answers 308: the aliases,
 * and Hugo's root-language URLs of each post, term and list page.
 */
export function staticRedirects(content: Content, postsDir = defaultContentOptions().postsDir): MovedUrl[] {
  const taken = new Set<string>();
  const moved = [...movedPosts(content).moved, ...movedTerms(content), ...movedPages(content), ...movedSectionPages(postsDir)].filter(({ from }) => !taken.has(from) && taken.add(from));
  const hugo = (from: string, to: string) => moved.push({ from, to, origin: 'Hugo default-language URL' });
  for (const section of oldSections()) {
    for (const post of content.posts[defaultLang]) hugo(`/${section}/${encodeURIComponent(post.slug)}`, postPath(defaultLang, post.slug));
    hugo(`/${section}`, homePath(defaultLang));
    for (const lang of languages) {
      hugo(`/${lang}/${section}`, homePath(lang));
      if (section === 'blog') continue;
      for (const post of content.posts[lang]) hugo(`/${lang}/${section}/${encodeURIComponent(post.slug)}`, postPath(lang, post.slug));
    }
  }
  for (const section of siteConfig.sections) {
    const items = content.sections[defaultLang][section.name] ?? [];
    hugo(`/${section.name}`, sectionPath(defaultLang, section));
    for (const item of items) hugo(`/${section.name}/${encodeURIComponent(item.slug)}`, entryPath(item));
    const pages = Math.ceil(items.length / siteConfig.postsPerPage);
    for (let page = 2; page <= pages; page++) hugo(`/${section.name}/page/${page}`, sectionPath(defaultLang, section, page));
    for (const lang of languages) {
      hugo(`${sectionPath(lang, section)}/page/1`, sectionPath(lang, section));
      if (section.segment === section.name) continue;
      hugo(`/${lang}/${section.name}`, sectionPath(lang, section));
      for (const item of content.sections[lang][section.name] ?? []) hugo(`/${lang}/${section.name}/${encodeURIComponent(item.slug)}`, entryPath(item));
    }
  }
  for (const taxonomy of taxonomies) {
    hugo(`/${taxonomy}`, taxonomyPath(defaultLang, taxonomy));
    for (const term of content.terms[defaultLang][taxonomy]) {
      hugo(`/${taxonomy}/${encodeURIComponent(term.slug)}`, termPath(defaultLang, taxonomy, term.slug));
    }
  }
  const pages = Math.ceil(content.posts[defaultLang].length / siteConfig.postsPerPage);
  for (let page = 2; page <= pages; page++) hugo(`/page/${page}`, homePath(defaultLang, page));
  hugo('/page/1', homePath(defaultLang));
  for (const lang of languages) {
    hugo(`/${lang}/page/1`, homePath(lang));
    for (const taxonomy of taxonomies) {
      for (const term of content.terms[lang][taxonomy]) hugo(`${termPath(lang, taxonomy, term.slug)}/page/1`, termPath(lang, taxonomy, term.slug));
    }
  }
  return moved;
}

function listSectionIndexes(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(/*turbopackIgnore: true*/ dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) found.push(...listSectionIndexes(full));
    else if (entry.isFile() && /^_index\.mdx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

/**
 * The aliases of Hugo section pages (`_index.md`): a section's list is the language's home here,
 * so its old URLs lead there (after every post's own old URLs).
 */
export function movedSectionPages(postsDir: string): MovedUrl[] {
  const moved: MovedUrl[] = [];
  for (const file of listSectionIndexes(postsDir)) {
    const lang = path.relative(postsDir, file).split(path.sep)[0] ?? '';
    if (!isLang(lang)) continue;
    const split = splitFrontMatter(readFileSync(file, 'utf8'), displayPath(file));
    const aliases = split.ok ? split.value.data.aliases : undefined;
    for (const alias of Array.isArray(aliases) ? aliases : aliases === undefined ? [] : [aliases]) {
      const paths = aliasPaths(String(alias), lang);
      for (const from of [paths.primary, paths.secondary ?? []].flat()) {
        moved.push({ from, to: homePath(lang), origin: `alias of ${displayPath(file)}, a section page (its list is the home's)` });
      }
    }
  }
  return moved;
}

/** Aliases of posts not published yet: they lead nowhere until the post is published. */
export function aliasesLeadingNowhere(options: ContentOptions): ContentProblem[] {
  const notes: ContentProblem[] = [];
  for (const post of readPostIndex(options).posts) {
    if (post.status === 'published') continue;
    for (const alias of post.aliases) {
      notes.push({
        file: post.source.displayPath,
        field: 'aliases',
        message: `alias "${alias}" leads nowhere until the post is published (it is ${post.status})`,
      });
    }
  }
  return notes;
}
