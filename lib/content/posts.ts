import { existsSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { defaultLang, languages, siteConfig, SITE_SEGMENTS, type Lang, type SectionConfig } from '../site-config';
import { entryAssetPath, entryPath, isOtherSiteUrl, sectionNamed, type Taxonomy } from '../urls';
import { cacheEntryName, keepNewestEntries, readSerialized, writeSerialized } from '../disk-cache';
import { Cascade } from './cascade';
import type { AuthorDate } from './dates';
import { gitDatesUnder } from './git-dates';
import { currentPipelineKey } from './pipeline-key';
import { contentVersion } from './version';
import { discoverPostSources, type PostSource } from './discover';
import type { ContentProblem } from './errors';
import { fieldLine, parsePostSource, type FrontMatter } from './front-matter';
import { resolveImage, type ImageContext, type ResolvedImage } from './images';
import { themeVocabulary } from './theme-vocabulary';
import { collectTerms, termSlug, type Term } from './terms';
import { createPost, type EntryKind, type ExpandedBody, type Post, type PostEntry, type PostStatus, type TermLink } from './post';
import type { BodyFacts } from './load-cache';

// Reading posts from their front matter, without their bodies: what the site config needs (old
// URLs, at config time, where the body pipeline cannot be loaded) and where every full read starts.

export type { EntryKind, Post, PostEntry, PostStatus, TermLink } from './post';

export type ContentOptions = {
  postsDir: string;
  publicDir: string;
  /** The moment that decides which posts are scheduled. */
  now: Date;
  /** Drafts and scheduled posts are shown (with a badge) in `next dev` only. */
  includeUnpublished: boolean;
  /** The standalone pages' folder (`content/<lang>/about.md`); none are read when it is not given. */
  pagesDir?: string;
  /**
   * Keep what reading each body tells in the disk cache (.next/cache), keyed by the body and the
   * pipeline: on for builds, `next dev` and `npm run check`.
   */
  diskCache?: boolean;
  /** The site's own Hugo shortcode templates (`layouts/shortcodes/<name>.html`). */
  shortcodesDir?: string;
  /** A post without `lastmod` takes the date of the last commit that changed its file (Hugo's enableGitInfo). */
  gitDates?: boolean;
};

export type Content = {
  posts: Record<Lang, Post[]>;
  /** The standalone pages of each language, by title. */
  pages: Record<Lang, Post[]>;
  /** Each language's items of each declared section, by section name: newest first, or by title in an undated section. */
  sections: Record<Lang, Record<string, Post[]>>;
  /**
   * Things that do not stop the build but that the author should fix (e.g. unknown shortcodes),
   * and the defects Hugo tolerates (marked `tolerated`), resolved as Hugo resolves them.
   */
  warnings: ContentProblem[];
  terms: Record<Lang, Record<Taxonomy, Term[]>>;
};

/**
 * The single publish rule every page, list, count and feed goes through, as Hugo's: a draft, a post
 * whose publishDate (else date) is still to come, and a post past its expiryDate are not published.
 */
export function publishStatus(
  frontMatter: Pick<FrontMatter, 'draft' | 'publishDate' | 'expiryDate'> & { date?: FrontMatter['date'] },
  now: Date,
): PostStatus {
  if (frontMatter.draft) return 'draft';
  const publishAt = frontMatter.publishDate ?? frontMatter.date;
  if (publishAt && publishAt.instant.getTime() > now.getTime()) return 'scheduled';
  if (frontMatter.expiryDate && frontMatter.expiryDate.instant.getTime() <= now.getTime()) return 'expired';
  return 'published';
}

export function isVisible(status: PostStatus, includeUnpublished: boolean): boolean {
  return status === 'published' || includeUnpublished;
}

/** Newest first; posts of the same moment by slug, so the order never depends on the file system. */
export function compareNewestFirst(a: Pick<Post, 'date' | 'slug'>, b: Pick<Post, 'date' | 'slug'>): number {
  return b.date.instant.getTime() - a.date.instant.getTime() || a.slug.localeCompare(b.slug);
}

/** Whether an entry is dated by its author: posts and the items of dated sections are. */
function isDated(kind: EntryKind, section: SectionConfig | undefined): boolean {
  return kind === 'post' || (kind === 'item' && Boolean(section?.dated));
}

function readPost(
  kind: EntryKind,
  section: SectionConfig | undefined,
  source: PostSource,
  options: ContentOptions,
  cascade: Cascade,
  problems: ContentProblem[],
  defects: ContentProblem[],
  statusInstants: number[],
): PostEntry | undefined {
  const bytes = readFileSync(source.file);
  const raw = bytes.toString('utf8');
  if (raw.includes('\uFFFD') && !isUtf8(bytes)) {
    const line = raw.slice(0, raw.indexOf('\uFFFD')).split('\n').length;
    problems.push({ file: source.displayPath, line, message: 'is not UTF-8 text (an old encoding such as Latin-1 or GBK?): save the file as UTF-8' });
    return undefined;
  }
  const missing = { title: source.name, date: statSync(source.file).mtime.toISOString() };
  const parsed = parsePostSource(raw, source.displayPath, cascade.inheritedBy(source, problems), missing);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const { frontMatter, keys, body, bodyLine } = parsed.value;
  for (const moment of [frontMatter.publishDate ?? frontMatter.date, frontMatter.expiryDate]) if (moment) statusInstants.push(moment.instant.getTime());
  // A page (or an undated section's item) needs no date: without one it is dated by its file, which is no defect.
  const dated = isDated(kind, section);
  defects.push(...parsed.value.defects.filter((defect) => dated || !(defect.field === 'date' && defect.tolerated)));
  const file = source.displayPath;
  const problemCount = problems.length;

  const slug = (frontMatter.slug ?? source.name).normalize('NFC');
  const slugProblem = checkSlug(slug);
  if (slugProblem) {
    const field = frontMatter.slug === undefined ? undefined : 'slug';
    problems.push({ file, field, line: field && fieldLine(raw, field), message: slugProblem });
  }

  const imageContext: ImageContext = {
    bundleDir: source.bundleDir,
    publicDir: options.publicDir,
    bundleUrl: (relativePath) => entryAssetPath({ kind, section: section?.name, lang: source.lang, slug }, relativePath),
  };
  const resolveField = (field: string, reference: string | undefined): ResolvedImage | undefined => {
    if (!reference) return undefined;
    const resolved = resolveImage(reference, imageContext);
    if (resolved.ok) return resolved.image;
    // Hugo builds the page with a broken image: the page is built without it.
    defects.push({ file, field, line: fieldLine(raw, field), message: `${resolved.message} (the page is built without it)`, tolerated: true });
    return undefined;
  };
  // `image` and `bg_image` first, then what the post's theme called them; what the file says
  // itself before what a section's cascade gives it.
  const theme = themeVocabulary(frontMatter);
  for (const { field, message } of theme.unreadable) defects.push({ file, field, line: fieldLine(raw, field), message, tolerated: true });
  const themeHeroFirst = Boolean(theme.hero && keys.includes(theme.hero.field) && !keys.includes('image'));
  const themeBannerFirst = Boolean(theme.banner && keys.includes(theme.banner.field) && !keys.includes('bg_image'));
  const useThemeHero = Boolean(theme.hero && (themeHeroFirst || !frontMatter.image));
  const useThemeBanner = Boolean(theme.banner && (themeBannerFirst || !frontMatter.bg_image));
  const image = useThemeHero && theme.hero ? resolveField(theme.hero.field, theme.hero.src) : resolveField('image', frontMatter.image);
  const banner = useThemeBanner && theme.banner ? resolveField(theme.banner.field, theme.banner.src) : resolveField('bg_image', frontMatter.bg_image);

  const termsListed = kind === 'post' || Boolean(kind === 'item' && section?.taxonomies);
  for (const taxonomy of ['categories', 'tags'] as const) {
    if (!termsListed && frontMatter[taxonomy].length) {
      const fix = kind === 'page' ? 'remove the field, or move the file into posts/' : `remove the field, or set "taxonomies": true on the section "${section?.name}" in site.config.json`;
      const what = kind === 'page' ? 'pages' : `the items of section "${section?.name}"`;
      defects.push({ file, field: taxonomy, line: fieldLine(raw, taxonomy), message: `only blog posts are listed under ${taxonomy}, so ${what} are not: ${fix}`, tolerated: true });
      continue;
    }
    for (const name of frontMatter[taxonomy]) {
      if (!termSlug(name)) {
        problems.push({
          file,
          field: taxonomy,
          line: fieldLine(raw, taxonomy),
          message: `"${name}" has no letters or digits to make a URL from: rename it`,
        });
      }
    }
  }
  if (problems.length > problemCount) return undefined;

  return {
    kind,
    section: section?.name,
    lang: source.lang,
    slug,
    link: itemLink(frontMatter.link, { file, raw, defects }),
    dated,
    title: frontMatter.title,
    description: frontMatter.description,
    writtenSummary: frontMatter.description ?? frontMatter.summary,
    date: frontMatter.date,
    lastmod: frontMatter.lastmod ?? (options.gitDates ? gitDatesUnder(gitDateFolders(options)).changed.get(source.file) : undefined),
    // A page without a date of its own is dated by its file, which never schedules it.
    status: publishStatus(!dated && !writesADate(keys) ? { ...frontMatter, date: undefined } : frontMatter, options.now),
    categories: termsListed ? frontMatter.categories.map((name) => ({ slug: termSlug(name), name })) : [],
    tags: termsListed ? frontMatter.tags.map((name) => ({ slug: termSlug(name), name })) : [],
    image,
    imageCaption: useThemeHero && image ? theme.hero?.caption : undefined,
    banner,
    bannerCredit: useThemeBanner && banner ? theme.banner?.credit : undefined,
    subtitle: theme.subtitle,
    tocShown: theme.toc,
    // Hugo's `url` replaced the page's whole URL: that old URL now redirects here.
    aliases: frontMatter.url ? [...frontMatter.aliases, frontMatter.url] : frontMatter.aliases,
    authors: frontMatter.author,
    translationKey: frontMatter.translationKey ?? slug,
    source,
    body,
    bodyLine,
    frontMatterKeys: keys,
    params: frontMatter,
  };
}

/**
 * An item's `link`: a full URL or a path of this site. Anything else (Hugo sites carry `https:/
 * /host` and the like) is a broken link on the Hugo site too: the page is built without it.
 */
function itemLink(link: string | undefined, at: { file: string; raw: string; defects: ContentProblem[] }): string | undefined {
  if (!link) return undefined;
  if (link.startsWith('/') && !link.startsWith('//')) return link;
  if (isOtherSiteUrl(link) && URL.canParse(link.startsWith('//') ? `https:${link}` : link) && !/\s/.test(link)) return link;
  at.defects.push({ file: at.file, field: 'link', line: fieldLine(at.raw, 'link'), message: `"${link}" is not a full URL (https://...) or a path of this site: fix it (the page is built without the link)`, tolerated: true });
  return undefined;
}

/** Whether the author dated the file (Hugo's date, publishDate or lastmod, in any case). */
function writesADate(keys: readonly string[]): boolean {
  return keys.some((key) => ['date', 'publishdate', 'lastmod'].includes(key.toLowerCase()));
}

/** Why a slug cannot be one URL segment, or undefined when it can. */
export function checkSlug(slug: string): string | undefined {
  if (!slug.trim()) return 'slug is empty: give the post a file name or a slug';
  if (/[/\\?#%]/.test(slug)) return `slug "${slug}" contains / \\ ? # or %: use letters, digits and hyphens`;
  if (slug === '.' || slug === '..') return `slug "${slug}" is not a name: use letters, digits and hyphens`;
  if (/[\u0000-\u001f\u007f\s]/.test(slug)) return `slug "${slug}" contains spaces or control characters: use hyphens instead`;
  return undefined;
}

function findDuplicates(posts: readonly PostEntry[], field: 'slug' | 'translationKey', problems: ContentProblem[]): void {
  const wrote = (post: PostEntry) => post.frontMatterKeys.includes(field);
  const firstByKey = new Map<string, PostEntry>();
  for (const post of posts) {
    const key = `${post.lang}\u0000${post[field]}`;
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, post);
      continue;
    }
    // Two translationKeys that both default to the slug are one duplicate slug, reported as such.
    if (field === 'translationKey' && !wrote(first) && !wrote(post)) continue;
    // Name the post whose front matter says it, at its line: that is where the fix goes.
    const [named, other] = wrote(post) || !wrote(first) ? [post, first] : [first, post];
    problems.push({
      file: named.source.displayPath,
      field,
      line: wrote(named) ? fieldLine(readFileSync(named.source.file, 'utf8'), field) : undefined,
      message: `${field} "${post[field]}" is also used by ${other.source.displayPath}: give one of them a different ${field}`,
    });
  }
}

/** What each entry's translations are: the other languages' slugs of its translation group, and whether its original changed after it. */
function translationsOf(entries: readonly PostEntry[]): Map<PostEntry, Pick<Post, 'translations' | 'originalUpdate'>> {
  const byKey = new Map<string, PostEntry[]>();
  for (const entry of entries) byKey.set(entry.translationKey, [...(byKey.get(entry.translationKey) ?? []), entry]);
  const found = new Map<PostEntry, Pick<Post, 'translations' | 'originalUpdate'>>();
  for (const group of byKey.values()) {
    const outdated = outdatedTranslations(group);
    for (const entry of group) {
      const translations: Partial<Record<Lang, string>> = {};
      for (const other of group) if (other.lang !== entry.lang) translations[other.lang] = other.slug;
      found.set(entry, { translations, originalUpdate: outdated.get(entry) });
    }
  }
  return found;
}

/** When an entry was last changed: its lastmod (written, or from git), else its date. */
const changedOn = (entry: PostEntry): AuthorDate => entry.lastmod ?? entry.date;

/**
 * The original of a group of translations is the one published first (on the same day, the one in
 * the site's default language). A translation whose original changed on a later day than it did
 * is behind it: which original, and when it changed.
 */
function outdatedTranslations(group: readonly PostEntry[]): Map<PostEntry, NonNullable<Post['originalUpdate']>> {
  const outdated = new Map<PostEntry, NonNullable<Post['originalUpdate']>>();
  if (group.length < 2) return outdated;
  const day = (date: AuthorDate) => date.year * 10_000 + date.month * 100 + date.day;
  const original = [...group].sort((a, b) => day(a.date) - day(b.date) || Number(b.lang === defaultLang) - Number(a.lang === defaultLang))[0]!;
  const updated = changedOn(original);
  for (const translation of group) {
    if (translation === original || translation.lang === original.lang) continue;
    if (day(updated) > day(changedOn(translation))) outdated.set(translation, { lang: original.lang, path: entryPath(original), date: updated, file: original.source.displayPath });
  }
  return outdated;
}

/** Counts a language's terms, and gives each entry its terms once each, spelled as the term is. */
function canonicalTerms(entries: readonly PostEntry[], taxonomy: Taxonomy): { terms: Term[]; of: Map<PostEntry, TermLink[]> } {
  const terms = collectTerms(entries.map((entry) => entry[taxonomy].map((term) => term.name)));
  const nameBySlug = new Map(terms.map((term) => [term.slug, term.name]));
  const of = new Map<PostEntry, TermLink[]>();
  for (const entry of entries) {
    const seen = new Set<string>();
    of.set(
      entry,
      entry[taxonomy].filter((term) => !seen.has(term.slug) && seen.add(term.slug)).map((term) => ({ slug: term.slug, name: nameBySlug.get(term.slug) ?? term.name })),
    );
  }
  return { terms: terms.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)), of };
}

export function defaultContentOptions(): ContentOptions {
  return {
    // Content is read while pages are generated, never by the running server: keep it out of the trace.
    postsDir: path.resolve(/*turbopackIgnore: true*/ process.env.BLOG_POSTS_DIR ?? 'posts'),
    pagesDir: path.resolve(/*turbopackIgnore: true*/ process.env.BLOG_PAGES_DIR ?? 'content'),
    publicDir: path.resolve(/*turbopackIgnore: true*/ 'public'),
    shortcodesDir: path.resolve(/*turbopackIgnore: true*/ 'layouts/shortcodes'),
    gitDates: true,
    now: new Date(),
    includeUnpublished: process.env.NODE_ENV === 'development',
    diskCache: process.env.NODE_ENV === 'production' || process.env.NODE_ENV === 'development',
  };
}

/** Every post and page file read for its front matter: the entries, what keeps some out, and tolerated defects. */
export type PostIndex = { posts: PostEntry[]; problems: ContentProblem[]; defects: ContentProblem[] };

/**
 * Reads every post's and standalone page's front matter (not its body): valid entries, with their
 * problems and the defects Hugo tolerates beside them. Duplicate slugs and translation keys are
 * problems here.
 *
 * With the disk cache on, the index is kept in .next/cache and read from there while nothing it
 * was read from has changed: in `next dev` several processes read it (the config's redirects, the
 * server, one worker per route for its params), and each read of a real site's few hundred files
 * costs most of a second.
 */
export function readPostIndex(options: ContentOptions): PostIndex {
  if (!options.diskCache) return readPostIndexFromFiles(options, []);
  const name = cacheEntryName(postIndexInputs(options), 'v8');
  const now = options.now.getTime();
  const kept = readSerialized<KeptPostIndex>('index', name);
  if (kept && kept.statusSince <= now && now < kept.statusUntil) return kept.index;
  const statusInstants: number[] = [];
  const index = readPostIndexFromFiles(options, statusInstants);
  const statusSince = Math.max(-Infinity, ...statusInstants.filter((instant) => instant <= now));
  const statusUntil = Math.min(Infinity, ...statusInstants.filter((instant) => instant > now));
  writeSerialized<KeptPostIndex>('index', name, { index, statusSince, statusUntil });
  // Each save in `next dev` makes a new index; the last few are kept (a save undone finds its own).
  keepNewestEntries('index', 4);
  return index;
}

/**
 * A post index as kept, with the window of time in which every entry's publish status stays as it
 * was read: from the last publish or expiry moment already past to the next one still ahead.
 */
type KeptPostIndex = { index: PostIndex; statusSince: number; statusUntil: number };

/**
 * Everything a post index is read from: the code and settings that read it, the options, the
 * files under each folder it reads (their number, sizes and latest change, which an edit, a new
 * file, a rename or a deletion moves) and the git dates.
 */
function postIndexInputs(options: ContentOptions): string[] {
  const folder = (dir: string | undefined) => (dir && existsSync(dir) ? contentVersion(dir) : 'absent');
  const { now: _now, ...shape } = options;
  const gitDates = options.gitDates ? gitDatesUnder(gitDateFolders(options)) : undefined;
  return [
    'post-index',
    currentPipelineKey(),
    JSON.stringify(shape),
    folder(options.postsDir),
    folder(options.pagesDir),
    folder(options.publicDir),
    gitDates ? JSON.stringify([...gitDates.changed].map(([file, date]) => [file, date.instant.getTime(), date.written])) : 'no git dates',
  ];
}

function gitDateFolders(options: ContentOptions): string[] {
  return [options.postsDir, options.pagesDir ?? options.postsDir];
}

function readPostIndexFromFiles(options: ContentOptions, statusInstants: number[]): PostIndex {
  const problems: ContentProblem[] = [];
  const defects: ContentProblem[] = [];
  const sources = discoverPostSources(options.postsDir, problems);
  const cascade = new Cascade(options.postsDir);
  const posts = sources.flatMap((source) => readPost('post', undefined, source, options, cascade, problems, defects, statusInstants) ?? []);
  const { pages, items } = readContentFolder(options, problems, defects, statusInstants);
  for (const entries of [posts, pages, ...siteConfig.sections.map((section) => items.filter((item) => item.section === section.name))]) {
    findDuplicates(entries, 'slug', problems);
    findDuplicates(entries, 'translationKey', problems);
  }
  return { posts: [...posts, ...pages, ...items], problems, defects };
}

/** The names a section's own URLs use after its segment (`/en/notice/page/2`, `/en/notice/feed.xml`). */
const SECTION_SEGMENTS = new Set(['page', 'atom.xml', 'feed.xml', 'feed.json', 'opengraph-image', 'opengraph-image.png']);

/**
 * The `content/` folder: standalone pages, `content/<lang>/<name>.md(x)` or
 * `content/<lang>/<name>/index.md(x)` at `/<lang>/<name>`, and the items of each declared section,
 * `content/<lang>/<section>/...` at `/<lang>/<segment>/<slug>`. A page's folder holds no other
 * files yet (nothing would serve them); an item's bundle files are served beside it.
 */
function readContentFolder(options: ContentOptions, problems: ContentProblem[], defects: ContentProblem[], statusInstants: number[]): { pages: PostEntry[]; items: PostEntry[] } {
  const { pagesDir } = options;
  if (!pagesDir || !existsSync(pagesDir)) return { pages: [], items: [] };
  const cascade = new Cascade(pagesDir);
  const pages: PostEntry[] = [];
  const items: PostEntry[] = [];
  for (const source of discoverPostSources(pagesDir, problems)) {
    const [folder] = source.folders;
    if (folder !== undefined) {
      const section = sectionNamed(folder);
      if (!section) {
        problems.push({
          file: source.displayPath,
          message: `content/${source.lang}/${folder}/ is not a declared section: add { "name": "${folder}" } to "sections" in site.config.json, or move the page to content/${source.lang}/<name>.md`,
        });
        continue;
      }
      const item = readPost('item', section, source, options, cascade, problems, defects, statusInstants);
      if (item && SECTION_SEGMENTS.has(item.slug)) {
        problems.push({ file: source.displayPath, message: `the item "${item.slug}" would be hidden by the section's own /${source.lang}/${section.segment}/${item.slug}: give it another file name or slug` });
      } else if (item) items.push(item);
      continue;
    }
    if (source.assets.length) {
      problems.push({
        file: source.displayPath,
        message: `a page cannot have files of its own yet (${source.assets.slice(0, 3).join(', ')}): move them under public/ and link them by their full path (/images/...)`,
      });
      continue;
    }
    const page = readPost('page', undefined, source, options, cascade, problems, defects, statusInstants);
    const takenBy = page && (SITE_SEGMENTS.has(page.slug) ? "the site's own" : siteConfig.sections.some((section) => section.segment === page.slug) ? 'the section list at' : undefined);
    if (page && takenBy) {
      problems.push({ file: source.displayPath, message: `the page "${page.slug}" would be hidden by ${takenBy} /${source.lang}/${page.slug}: give it another file name or slug` });
    } else if (page) pages.push(page);
  }
  return { pages, items };
}

/**
 * What a language's term pages list: its posts, and the items of the sections that opted in to
 * categories and tags, newest first.
 */
export function termedEntries(content: Pick<Content, 'posts' | 'sections'>, lang: Lang): Post[] {
  const items = siteConfig.sections.filter((section) => section.taxonomies).flatMap((section) => content.sections[lang][section.name] ?? []);
  return items.length ? [...content.posts[lang], ...items].sort(compareNewestFirst) : content.posts[lang];
}

/** Every post, page and section item of a language in a Content. */
export function entriesOf(content: Pick<Content, 'posts' | 'pages' | 'sections'>, lang: Lang): Post[] {
  return [...content.posts[lang], ...content.pages[lang], ...Object.values(content.sections[lang]).flat()];
}

/** A section's items: newest first when the section is dated, else by title. */
function sortItems(items: Post[], section: SectionConfig): Post[] {
  return section.dated ? items.sort(compareNewestFirst) : items.sort((a, b) => a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug));
}

/** How the posts of an index are made: their expanded bodies, and what reads what a body tells. */
export type PostMaking = { expanded?: ReadonlyMap<PostEntry, ExpandedBody>; bodyFacts?: (post: Post) => BodyFacts };

/**
 * The visible entries made into posts, each once, and indexed: each language's posts newest
 * first, pages by title, section items, and the terms. Without `bodyFacts`, the posts have the
 * facts of unread bodies (for config-time reads).
 */
export function indexContent(entries: readonly PostEntry[], warnings: ContentProblem[], making: PostMaking = {}): Content {
  const ofKind = (kind: EntryKind, section?: string) => entries.filter((entry) => entry.kind === kind && entry.section === section);
  const groups = [ofKind('post'), ofKind('page'), ...siteConfig.sections.map((section) => ofKind('item', section.name))];
  const translations = new Map(groups.flatMap((group) => [...translationsOf(group)]));
  const terms = {} as Content['terms'];
  const termsOf = new Map<PostEntry, Pick<Post, Taxonomy>>();
  for (const lang of languages) {
    // Pages, and items of sections without taxonomies, were read without terms (readPost): they add none.
    const ofLang = entries.filter((entry) => entry.lang === lang);
    const categories = canonicalTerms(ofLang, 'categories');
    const tags = canonicalTerms(ofLang, 'tags');
    terms[lang] = { categories: categories.terms, tags: tags.terms };
    for (const entry of ofLang) termsOf.set(entry, { categories: categories.of.get(entry) ?? [], tags: tags.of.get(entry) ?? [] });
  }
  const made = new Map(
    entries.map((entry) => [
      entry,
      createPost(
        entry,
        { expanded: making.expanded?.get(entry), translations: {}, ...translations.get(entry), ...(termsOf.get(entry) ?? { categories: [], tags: [] }) },
        making.bodyFacts,
      ),
    ]),
  );
  const postsOf = (group: readonly PostEntry[]) => group.map((entry) => made.get(entry)!);
  const byLang = {} as Record<Lang, Post[]>;
  const pagesByLang = {} as Record<Lang, Post[]>;
  const sectionsByLang = {} as Content['sections'];
  for (const lang of languages) {
    const inLang = (entry: PostEntry) => entry.lang === lang;
    byLang[lang] = postsOf(ofKind('post').filter(inLang)).sort(compareNewestFirst);
    pagesByLang[lang] = postsOf(ofKind('page').filter(inLang)).sort((a, b) => a.title.localeCompare(b.title));
    sectionsByLang[lang] = Object.fromEntries(siteConfig.sections.map((section) => [section.name, sortItems(postsOf(ofKind('item', section.name).filter(inLang)), section)]));
  }
  return { posts: byLang, pages: pagesByLang, sections: sectionsByLang, terms, warnings };
}

/** The visible posts and their terms from front matter alone (for next.config.ts's redirects). */
export function readContentIndex(options: ContentOptions): { content: Content; problems: ContentProblem[] } {
  const { posts, problems, defects } = readPostIndex(options);
  const visible = posts.filter((post) => isVisible(post.status, options.includeUnpublished));
  return { content: indexContent(visible, defects), problems };
}
