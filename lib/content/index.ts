import 'server-only';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { languages, siteConfig, type Lang, type SectionConfig } from '@/lib/site-config';
import type { Taxonomy } from '@/lib/urls';
import { ContentError, formatProblem, toleratedDefects, type ContentProblem } from './errors';
import { parseVariantFileName, variantFileName, variantWidths, VARIANT_FORMATS, type ImageSpan, type VariantFormat } from './image-variants';
import { fileOfVariantKey, imagesServedAsTheyAre, localImageFacts, resolveSiteImage, type ResolvedImage } from './images';
import { defaultContentOptions, entriesOf, loadContent, readContentLazily, resolveSectionBanner, termedEntries, type Content, type ContentOptions, type Post } from './load';
import { stampFiles } from '../disk-cache';
import { fingerprintOf, MISSING, pageRead, pageReadOf, registerPageReads, type ArgumentCodec } from './page-reads';
import { currentPipelineKey } from './pipeline-key';
import { watchedContentVersion } from './version';
import type { Term } from './terms';
import type { MDXRemoteProps } from 'next-mdx-remote/rsc';
import type { ReactElement } from 'react';

export type { Post, PostStatus, TermLink } from './load';
export type { Term } from './terms';
export type { ResolvedImage } from './images';

type EntryRef = { entry: [kind: Post['kind'], lang: Lang, section: string | null, slug: string] };

function isEntry(value: unknown): value is Post {
  return typeof value === 'object' && value !== null && 'source' in value && 'kind' in value && 'slug' in value && 'lang' in value;
}

function isSection(value: unknown): value is SectionConfig {
  return typeof value === 'object' && value !== null && 'segment' in value && 'name' in value && !('source' in value);
}

let entriesByPlace: { of: Content; byKey: Map<string, Post> } | undefined;

const placeKey = ([kind, lang, section, slug]: EntryRef['entry']) => `${kind}\0${lang}\0${section ?? ''}\0${slug}`;

/** A post, page or item by where it is, as a page's read names it. */
function entryAt(ref: EntryRef['entry']): Post | undefined {
  const of = content();
  if (entriesByPlace?.of !== of) {
    const byKey = new Map<string, Post>();
    for (const lang of Object.keys(of.posts) as Lang[]) {
      for (const entry of entriesOf(of, lang)) byKey.set(placeKey([entry.kind, entry.lang, entry.section ?? null, entry.slug]), entry);
    }
    entriesByPlace = { of, byKey };
  }
  return entriesByPlace.byKey.get(placeKey(ref));
}

/**
 * How a page's reads name their arguments (see page-reads.ts): a post, page or item by where it
 * is, a section by its name, the components a body is drawn with not at all (they are code).
 */
const codec: ArgumentCodec = {
  encode(value) {
    if (value === undefined) return { undefined: true };
    if (isEntry(value)) return { entry: [value.kind, value.lang, value.section ?? null, value.slug] } satisfies EntryRef;
    if (isSection(value)) return { section: value.name };
    if (typeof value === 'object' && value !== null) return { code: true };
    return value;
  },
  decode(value) {
    if (typeof value !== 'object' || value === null) return value;
    if ('entry' in value) return entryAt((value as EntryRef).entry) ?? MISSING;
    if ('section' in value) return getSections().find((section) => section.name === (value as { section: string }).section) ?? MISSING;
    return undefined;
  },
};

/** A post's compiled body and feed HTML are made from the post and its images' files. */
function bodyFingerprint(post: Post): string {
  return fingerprintOf([fingerprintOf(post), stampFiles(post.bodyImageFiles)]);
}

// Besides its reads and the compiled site (whose build id hashes the site's code, settings and
// environment: lib/build-id.ts), a page depends on the pipeline's own key (the settings as read)
// and on which images the last image-copies step found no smaller as copies.
registerPageReads(codec, () => fingerprintOf([currentPipelineKey(), [...imagesServedAsTheyAre()].sort()]));

type Loaded = { content: Content; problems: ContentProblem[]; version?: string };

/**
 * Where a production server process keeps what it read. Next.js bundles the pages apart from the
 * route handlers (feeds, cards, search indexes), each bundle with its own copy of this module, and
 * a build worker renders both: with the content kept in the module, every worker read each post
 * twice and held it twice (at 2,000 posts, 2,000 bodies and as many texts, 22 MB of strings,
 * twice over). Kept on the process, the copies share one read. Only in Next.js's server bundles,
 * where `process.env.NEXT_RUNTIME` is 'nodejs': a script or a test that loads this module again
 * means to read the files again.
 */
const PROCESS_CONTENT = Symbol.for('bilingual-blog.content');
const processSlot = globalThis as typeof globalThis & { [PROCESS_CONTENT]?: Loaded };
const sharedByProcess = () => process.env.NEXT_RUNTIME === 'nodejs';

let loaded: Loaded | undefined;

/** In `next dev`: the posts folder's fingerprint that the content was read at, and what was read. */
let devRead: { folder: string; loaded: Loaded } | undefined;

/**
 * The whole site's content. A build reads it once per process and fails on any problem. `next
 * dev` reads it again whenever a file under posts/ changes, and keeps serving the valid posts
 * while showing the problems on every page (see DevContentStatus).
 */
function current(): Loaded {
  const options = defaultContentOptions();
  if (process.env.NODE_ENV === 'development') return currentInDev(options);
  if (!loaded && sharedByProcess()) loaded = processSlot[PROCESS_CONTENT];
  if (!loaded) {
    loaded = { content: loadContent(options), problems: [] };
    if (sharedByProcess()) processSlot[PROCESS_CONTENT] = loaded;
    const { warnings } = loaded.content;
    const defects = toleratedDefects(warnings);
    const others = warnings.filter((warning) => !warning.tolerated);
    const list = (problems: readonly ContentProblem[]) => problems.map((p) => `  - ${formatProblem(p)}`).join('\n');
    if (defects.length) console.warn(`Defects Hugo tolerates, resolved as Hugo does (strict mode fails on them):\n${list(defects)}`);
    if (others.length) console.warn(`Content warnings:\n${list(others)}`);
  }
  return loaded;
}

/**
 * `next dev` answers from the front matter at once and reads each body when a page shows it (a
 * save costs one body, not the site's). The other bodies are read in the background; when that
 * finds problems the first read could not know, the version changes and open pages show them.
 */
function currentInDev(options: ContentOptions): Loaded {
  lastAsked = performance.now();
  const folder = watchedContentVersion(options.postsDir);
  if (devRead?.folder === folder) return devRead.loaded;
  const { content, problems, complete } = readContentLazily(options);
  const read = { folder, loaded: { content, problems, version: devVersion(folder, content, problems) } };
  devRead = read;
  complete(() => devRead === read, idleSlices()).then(
    (completed) => {
      if (completed && devRead === read) read.loaded = { ...completed, version: devVersion(folder, completed.content, completed.problems) };
    },
    (error: unknown) => console.error('Reading the posts\' bodies failed:', error),
  );
  return read.loaded;
}

/** When a page last asked for the content: the background reading waits while pages render. */
let lastAsked = 0;

/**
 * Lends the background reading short slices of the server's time: each starts once no page has
 * asked for the content for a moment and the event loop was mostly idle (a page that renders
 * keeps it busy between its own awaits, which the reading would otherwise slow down).
 */
function idleSlices(): () => Promise<void> {
  const QUIET_MS = 200;
  const LOOK_MS = 20;
  const SLICE_MS = 40;
  let sliceEnds = 0;
  return async () => {
    if (performance.now() < sliceEnds) return;
    for (;;) {
      const before = performance.eventLoopUtilization();
      await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
      const idle = performance.eventLoopUtilization(before).utilization < 0.5;
      if (idle && performance.now() - lastAsked > QUIET_MS) break;
    }
    sliceEnds = performance.now() + SLICE_MS;
  };
}

/** What an open page in `next dev` shows changes with the files and with the problems found in them. */
function devVersion(folder: string, content: Content, problems: readonly ContentProblem[]): string {
  const reported = [...problems, ...content.warnings].map(formatProblem).join('\n');
  return `${folder}-${createHash('sha256').update(reported).digest('hex').slice(0, 12)}`;
}

function content(): Content {
  return current().content;
}

/** In `next dev`: the problems of posts left out, and the warnings, for the page to show. */
export const getDevContentStatus = pageRead('getDevContentStatus', function getDevContentStatus(): { problems: ContentProblem[]; warnings: ContentProblem[]; version: string } {
  const { problems, content: { warnings }, version = '' } = current();
  return { problems, warnings, version };
}, codec);

/** In `next dev`: what the open pages poll to follow the files (see ContentRefresher). */
export const getContentVersion = pageRead('getContentVersion', function getContentVersion(): string {
  return current().version ?? '';
}, codec);

/**
 * A post's body as React elements, compiled with the site's plugins and the given components
 * (from the disk cache in a production build). Its compiler and highlighter load with the first
 * body a process compiles, not with every route that reads the content.
 */
export const renderPostBody = pageReadOf('renderPostBody', async function renderPostBody(post: Post, components: MDXRemoteProps['components']): Promise<ReactElement> {
  const { compilePostBody } = await import('./markdown');
  const body = await compilePostBody(post, components);
  // A production build keeps the feed HTML too, made now from the tree the compile just parsed:
  // the feeds carrying this post are often rendered by the other worker, which would parse it again.
  if (process.env.NODE_ENV === 'production') {
    const [{ hasTreeAtHand }, { cachedFeedHtml }] = await Promise.all([import('./hast'), import('./feed-html')]);
    if (hasTreeAtHand(post)) cachedFeedHtml(post);
  }
  return body;
}, codec, bodyFingerprint);

/**
 * A post's body as HTML for feed readers (lib/content/feed-html.ts): served image URLs, every link
 * and image absolute, made from the same tree as the page. Loaded on first use, as the compile is.
 */
export const getPostFeedHtml = pageReadOf('getPostFeedHtml', async function getPostFeedHtml(post: Post): Promise<string> {
  const { postFeedHtml } = await import('./feed-html');
  return postFeedHtml(post);
}, codec, bodyFingerprint);

export type PageOf<T> = { items: T[]; page: number; totalPages: number };

function paginate<T>(items: readonly T[], page: number): PageOf<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / siteConfig.postsPerPage));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  const start = (page - 1) * siteConfig.postsPerPage;
  return { items: items.slice(start, start + siteConfig.postsPerPage), page, totalPages };
}

/** Visible posts of a language, newest first. */
export const getPosts = pageRead('getPosts', function getPosts(lang: Lang): Post[] {
  return content().posts[lang];
}, codec);

export const getPost = pageRead('getPost', function getPost(lang: Lang, slug: string): Post | undefined {
  return lookupsOf(lang).postsBySlug.get(slug.normalize('NFC'));
}, codec);

type Lookups = {
  postsBySlug: Map<string, Post>;
  /** Where each post stands in getPosts (newest first). */
  postOrder: Map<Post, number>;
  /** Each term's entries, newest first, by `<taxonomy>\0<slug>`. */
  termEntries: Map<string, Post[]>;
};

let lookups: { of: Content; byLang: Map<Lang, Lookups> } | undefined;

const termKey = (taxonomy: Taxonomy, slug: string) => `${taxonomy}\0${slug}`;

/**
 * A language's posts by slug and in order, and each term's entries, made once per read of the
 * content: every page, feed and card of a build looks its post or term up, and a scan of all the
 * posts for each was quadratic in the site's size.
 */
function lookupsOf(lang: Lang): Lookups {
  const of = content();
  if (lookups?.of !== of) lookups = { of, byLang: new Map() };
  const known = lookups.byLang.get(lang);
  if (known) return known;
  const posts = of.posts[lang];
  const postsBySlug = new Map<string, Post>();
  for (const post of posts) if (!postsBySlug.has(post.slug)) postsBySlug.set(post.slug, post);
  const termEntries = new Map<string, Post[]>();
  for (const entry of termedEntries(of, lang)) {
    const keys = new Set((['categories', 'tags'] as const).flatMap((taxonomy) => entry[taxonomy].map((term) => termKey(taxonomy, term.slug))));
    for (const key of keys) {
      const entries = termEntries.get(key);
      if (entries) entries.push(entry);
      else termEntries.set(key, [entry]);
    }
  }
  const made: Lookups = { postsBySlug, postOrder: new Map(posts.map((post, index) => [post, index])), termEntries };
  lookups.byLang.set(lang, made);
  return made;
}

export const getPostPage = pageRead('getPostPage', function getPostPage(lang: Lang, page: number): PageOf<Post> | undefined {
  return paginate(getPosts(lang), page);
}, codec);

export const countPostPages = pageRead('countPostPages', function countPostPages(lang: Lang): number {
  return paginate(getPosts(lang), 1)?.totalPages ?? 1;
}, codec);

/** A language's categories or tags, most used first. */
export const getTerms = pageRead('getTerms', function getTerms(lang: Lang, taxonomy: Taxonomy): Term[] {
  return content().terms[lang][taxonomy];
}, codec);

export const getTerm = pageRead('getTerm', function getTerm(lang: Lang, taxonomy: Taxonomy, slug: string): Term | undefined {
  const wanted = slug.normalize('NFC');
  return getTerms(lang, taxonomy).find((term) => term.slug === wanted);
}, codec);

/** A term's posts (and items of the sections that list terms), newest first. */
export const getTermPosts = pageRead('getTermPosts', function getTermPosts(lang: Lang, taxonomy: Taxonomy, slug: string): Post[] {
  return [...(lookupsOf(lang).termEntries.get(termKey(taxonomy, slug)) ?? [])];
}, codec);

export const getTermPostPage = pageRead('getTermPostPage', function getTermPostPage(lang: Lang, taxonomy: Taxonomy, slug: string, page: number): PageOf<Post> | undefined {
  return paginate(getTermPosts(lang, taxonomy, slug), page);
}, codec);

export const countTermPages = pageRead('countTermPages', function countTermPages(lang: Lang, taxonomy: Taxonomy, slug: string): number {
  return paginate(getTermPosts(lang, taxonomy, slug), 1)?.totalPages ?? 1;
}, codec);

/** Every visible post, standalone page and section item of a language. */
export const getEntries = pageRead('getEntries', function getEntries(lang: Lang): Post[] {
  return entriesOf(content(), lang);
}, codec);

/** A language's visible standalone pages (`content/<lang>/`), by title. */
export const getPages = pageRead('getPages', function getPages(lang: Lang): Post[] {
  return content().pages[lang];
}, codec);

export const getPage = pageRead('getPage', function getPage(lang: Lang, slug: string): Post | undefined {
  const wanted = slug.normalize('NFC');
  return getPages(lang).find((page) => page.slug === wanted);
}, codec);

/**
 * The declared sections, in the config's order. Every language lists each of them (a language
 * without items says so), so a menu link to a section never leads nowhere.
 */
export const getSections = pageRead('getSections', function getSections(): SectionConfig[] {
  return siteConfig.sections;
}, codec);

/** The section listed at `/<lang>/<segment>`, or undefined. */
export const getSectionAt = pageRead('getSectionAt', function getSectionAt(segment: string): SectionConfig | undefined {
  return getSections().find((section) => section.segment === segment);
}, codec);

/** A language's visible items of a declared section: newest first, or by title in an undated section. */
export const getSectionItems = pageRead('getSectionItems', function getSectionItems(lang: Lang, section: string): Post[] {
  return content().sections[lang][section] ?? [];
}, codec);

export const getSectionItem = pageRead('getSectionItem', function getSectionItem(lang: Lang, section: string, slug: string): Post | undefined {
  const wanted = slug.normalize('NFC');
  return getSectionItems(lang, section).find((item) => item.slug === wanted);
}, codec);

export const getSectionPage = pageRead('getSectionPage', function getSectionPage(lang: Lang, section: string, page: number): PageOf<Post> | undefined {
  return paginate(getSectionItems(lang, section), page);
}, codec);

export const countSectionPages = pageRead('countSectionPages', function countSectionPages(lang: Lang, section: string): number {
  return paginate(getSectionItems(lang, section), 1)?.totalPages ?? 1;
}, codec);

/** Absolute path of a file in a visible post's, page's or item's bundle, or undefined. */
export const getBundleFile = pageRead('getBundleFile', function getBundleFile(entry: Post | undefined, assetPath: string): string | undefined {
  const wanted = assetPath.normalize('NFC');
  if (!entry?.source.bundleDir || !entry.source.assets.includes(wanted)) return undefined;
  return path.join(entry.source.bundleDir, wanted);
}, codec, (file) => fingerprintOf(file === undefined ? 'none' : stampFiles([file])));

/**
 * Posts of the same language that share the most categories (worth two) and tags (worth one)
 * with this one, newest first among equals; posts that share nothing are not related.
 */
export const getRelatedPosts = pageRead('getRelatedPosts', function getRelatedPosts(post: Post, count: number = 3): Post[] {
  const { postOrder, termEntries } = lookupsOf(post.lang);
  // Only the posts that share a term are scored: a category shared counts 2, a tag 1.
  const scores = new Map<Post, number>();
  for (const [taxonomy, weight] of [['categories', 2], ['tags', 1]] as const) {
    for (const slug of new Set(post[taxonomy].map((term) => term.slug))) {
      for (const other of termEntries.get(termKey(taxonomy, slug)) ?? []) {
        if (other.slug !== post.slug && postOrder.has(other)) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
  }
  // Highest score first; among equals, the newer post.
  return [...scores]
    .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || postOrder.get(a)! - postOrder.get(b)!)
    .slice(0, count)
    .map(([other]) => other);
}, codec);

/** The posts just newer and just older than this one, in its language. */
export const getAdjacentPosts = pageRead('getAdjacentPosts', function getAdjacentPosts(post: Post): { newer?: Post; older?: Post } {
  const posts = getPosts(post.lang);
  const index = posts.findIndex((other) => other.slug === post.slug);
  return { newer: index > 0 ? posts[index - 1] : undefined, older: index >= 0 ? posts[index + 1] : undefined };
}, codec);

export type ArchiveMonth = { year: number; month: number; posts: Post[] };

/** A language's posts by the month the author dated them, newest month first. */
export const getArchive = pageRead('getArchive', function getArchive(lang: Lang): ArchiveMonth[] {
  const months = new Map<string, ArchiveMonth>();
  for (const post of getPosts(lang)) {
    const { year, month } = post.date;
    const key = `${year}-${month}`;
    const entry = months.get(key) ?? { year, month, posts: [] };
    entry.posts.push(post);
    months.set(key, entry);
  }
  return [...months.values()].sort((a, b) => b.year - a.year || b.month - a.month);
}, codec);

let defaultBanner: { of: Content; image: ResolvedImage } | undefined;

/**
 * The page-title banner of pages without a `bg_image` of their own: `siteConfig.defaultBanner`,
 * under public/. Resolved once per reading of the content (every page shows it).
 */
export const getDefaultBanner = pageRead('getDefaultBanner', function getDefaultBanner(): ResolvedImage {
  const of = content();
  if (defaultBanner?.of === of) return defaultBanner.image;
  const { publicDir } = defaultContentOptions();
  const resolved = resolveSiteImage(siteConfig.defaultBanner, publicDir);
  if (!resolved.ok) throw new ContentError([{ file: 'lib/site-config.ts', field: 'defaultBanner', message: resolved.message }]);
  defaultBanner = { of, image: resolved.image };
  return resolved.image;
}, codec);

let sectionBanners: { of: Content; byList: Map<string, ResolvedImage> } | undefined;

/**
 * The picture behind a section list's title: the section's own `banner` for the language
 * (site.config.json, from Hugo's `_index.md` `bg_image`), else the site's default. A file that is
 * missing shows the default; `npm run check` reports it.
 */
export const getSectionBanner = pageRead('getSectionBanner', function getSectionBanner(lang: Lang, section: SectionConfig): ResolvedImage {
  const of = content();
  if (sectionBanners?.of !== of) sectionBanners = { of, byList: new Map() };
  const key = `${lang}/${section.name}`;
  const known = sectionBanners.byList.get(key);
  if (known) return known;
  const resolved = resolveSectionBanner(lang, section, defaultContentOptions().publicDir);
  const image = resolved?.ok ? resolved.image : getDefaultBanner();
  sectionBanners.byList.set(key, image);
  return image;
}, codec);

/** An image with copies: its file, its width, and the widest place a page draws it. */
type VariantSource = { file: string; intrinsicWidth: number; span: ImageSpan };

let variantSources: { of: Content; byKey: Map<string, VariantSource> } | undefined;

/** Every local image a page shows that gets responsive copies, by the copies' key. */
function imageVariantSources(): Map<string, VariantSource> {
  const of = content();
  if (variantSources?.of === of) return variantSources.byKey;
  const byKey = new Map<string, VariantSource>();
  const add = (file: string, span: ImageSpan) => {
    const { width, variantKey } = localImageFacts(file);
    if (!variantKey || !width) return;
    // The same picture drawn in a column and across the screen gets the screen's copies.
    if (byKey.get(variantKey)?.span !== 'screen') byKey.set(variantKey, { file, intrinsicWidth: width, span });
  };
  for (const banner of [getDefaultBanner(), ...languages.flatMap((lang) => siteConfig.sections.map((section) => getSectionBanner(lang, section)))]) {
    if (banner.kind === 'local') add(banner.file, 'screen');
  }
  for (const lang of Object.keys(of.posts) as Lang[]) {
    for (const post of entriesOf(of, lang)) {
      if (post.banner?.kind === 'local') add(post.banner.file, 'screen');
      if (post.image?.kind === 'local') add(post.image.file, 'column');
      for (const file of post.bodyImageFiles) add(file, 'column');
    }
  }
  variantSources = { of, byKey };
  return byKey;
}

/**
 * In `next dev`, any image whose key this process computed: copies are made on request there, at
 * any width a drawing of it may name.
 */
function devVariantSource(key: string): VariantSource | undefined {
  if (process.env.NODE_ENV !== 'development') return undefined;
  const file = fileOfVariantKey(key);
  const width = file ? localImageFacts(file).width : undefined;
  return file && width ? { file, intrinsicWidth: width, span: 'screen' } : undefined;
}

/** The file names of every responsive copy the site serves (`<key>-<width>.<format>`). */
export const getImageVariantFileNames = pageRead('getImageVariantFileNames', function getImageVariantFileNames(): string[] {
  return [...imageVariantSources()].flatMap(([key, source]) =>
    variantWidths(source.intrinsicWidth, source.span).flatMap((width) => VARIANT_FORMATS.map(({ format }) => variantFileName(key, width, format))),
  );
}, codec);

/** What a responsive copy is made from, or undefined when the site has no such copy. */
export const getImageVariant = pageRead('getImageVariant', function getImageVariant(fileName: string): { file: string; width: number; format: VariantFormat } | undefined {
  const wanted = parseVariantFileName(fileName);
  const source = wanted && (imageVariantSources().get(wanted.key) ?? devVariantSource(wanted.key));
  if (!wanted || !source || !variantWidths(source.intrinsicWidth, source.span).includes(wanted.width)) return undefined;
  return { file: source.file, width: wanted.width, format: wanted.format };
}, codec);
