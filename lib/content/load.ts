import { isLang, languages, siteConfig, ui, type Lang, type SectionConfig } from '../site-config';
import { SITE_SETTINGS_FILE, siteSettings } from '../site-settings';
import { entryPath, postPath } from '../urls';
import { ContentError, isFatal, toleratedDefects, type ContentProblem } from './errors';
import type { Value, ValueMap } from './go-template';
import { expandShortcodes } from './shortcodes';
import { readSiteShortcodes } from './site-shortcodes';
import { resolveSiteImage, type ImageResolution } from './images';
import { hasCachedBodyFacts, postBodyFacts, type BodyFacts } from './load-cache';
import { createPost, type ExpandedBody, type PostEntry } from './post';
import { entriesOf, indexContent, isVisible, readPostIndex, type Content, type ContentOptions, type Post } from './posts';

export {
  checkSlug,
  compareNewestFirst,
  defaultContentOptions,
  entriesOf,
  termedEntries,
  isVisible,
  publishStatus,
  type Content,
  type ContentOptions,
  type Post,
  type PostStatus,
  type TermLink,
} from './posts';

/**
 * Reads, validates and indexes every post. Throws one ContentError listing every problem found.
 */
export function loadContent(options: ContentOptions): Content {
  const { content, problems } = readContent(options);
  const failing = siteSettings.strict ? [...problems, ...toleratedDefects(content.warnings)] : problems;
  if (failing.length) throw new ContentError(failing);
  return content;
}

/**
 * Reads every post and indexes the valid ones, returning the problems beside them instead of
 * throwing: the checker reports everything it can in one run.
 */
export function readContent(options: ContentOptions): { content: Content; problems: ContentProblem[] } {
  const { shown, expanded, problems, warnings } = readShownPosts(options);
  const bodyFacts = bodyFactsReader(options);
  // A body that cannot render fails here, with every other problem, rather than when its page renders.
  const visible = shown.filter((entry) => addBodyProblems(bodyFacts(postOnItsOwn(entry, expanded, bodyFacts)).problems, problems, warnings));
  return { content: indexContent(visible, warnings, { expanded, bodyFacts }), problems };
}

/** One of `count` shares of the shown posts: every `count`-th, from the `index`-th. */
export type PostShare = { index: number; count: number };

/** The shown posts as shares to read into the disk cache, from one read of the post index. */
export type BodyFactsShares = {
  /** How many shown posts' bodies the next read would parse: those without facts in the disk cache. */
  countUncached: () => number;
  /**
   * Reads what one share of the bodies tell into the disk cache; returns how many it read.
   * `fromEachTree` is given each post whose body renders, while the tree its facts came from is
   * still at hand (a production build's first step keeps the feed HTML: lib/content/feed-html.ts).
   */
  cacheShare: (share: PostShare, fromEachTree?: (post: Post) => void) => number;
};

/**
 * Each of several threads reads one share of the shown posts' bodies into the disk cache, and the
 * read of the whole content that follows finds every body's facts on disk: parsing the bodies is
 * most of a cold read.
 */
export function bodyFactsShares(options: ContentOptions): BodyFactsShares {
  if (!options.diskCache) throw new Error('bodyFactsShares: the facts are kept for the next read only in the disk cache (options.diskCache)');
  const { shown, expanded } = readShownPosts(options);
  const bodyFacts = bodyFactsReader(options);
  return {
    countUncached: () => shown.filter((entry) => !hasCachedBodyFacts(postOnItsOwn(entry, expanded), options.publicDir)).length,
    cacheShare: (share, fromEachTree) => {
      const mine = shown.filter((_, index) => index % share.count === share.index);
      for (const entry of mine) {
        const post = postOnItsOwn(entry, expanded, bodyFacts);
        if (!bodyFacts(post).problems.some(isFatal)) fromEachTree?.(post);
      }
      return mine.length;
    },
  };
}

/** What `next dev` reads after a save: the content now, and its bodies' problems a moment later. */
export type LazyRead = {
  content: Content;
  problems: ContentProblem[];
  /**
   * Reads every body not read yet, a post at a time after each `pause` so that the server keeps
   * answering, and resolves to what readContent gives: every body's problems, and none of the
   * posts whose body cannot render. Stops, resolving to undefined, once `stillWanted` says a newer
   * read replaced it.
   */
  complete: (stillWanted: () => boolean, pause?: () => Promise<void>) => Promise<{ content: Content; problems: ContentProblem[] } | undefined>;
};

/**
 * Reads every post's front matter and indexes the posts at once; a post's body facts (summary,
 * reading time, TOC, text, images) are read when a page first asks for one. A page then costs the
 * bodies it shows, not every body of the site. Until `complete` has read the others, a body's
 * problems are those it had when it was last read with the same text.
 */
export function readContentLazily(options: ContentOptions): LazyRead {
  const { shown, expanded, problems, warnings } = readShownPosts(options);
  const indexProblems = [...problems];
  const indexWarnings = [...warnings];
  const bodyFacts = bodyFactsReader(options);
  const visible = shown.filter((entry) => {
    const known = bodyProblemsByFile.get(entry.source.file);
    return known?.body !== (expanded.get(entry)?.markdown ?? entry.body) || addBodyProblems(known.problems, problems, warnings);
  });
  const content = indexContent(visible, warnings, { expanded, bodyFacts });
  const indexed = new Map(languages.flatMap((lang) => entriesOf(content, lang)).map((post) => [post.source.file, post]));
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const complete = async (stillWanted: () => boolean, pause = nextTurn) => {
    const found = { problems: [...indexProblems], warnings: [...indexWarnings] };
    let leftOut = false;
    for (const entry of shown) {
      await pause();
      if (!stillWanted()) return undefined;
      const post = indexed.get(entry.source.file) ?? postOnItsOwn(entry, expanded, bodyFacts);
      leftOut = !addBodyProblems(bodyFacts(post).problems, found.problems, found.warnings) || leftOut;
    }
    // Posts indexed with a body that cannot render are indexed again without them.
    if (leftOut || visible.length !== shown.length) return readContent(options);
    return { content: { ...content, warnings: found.warnings }, problems: found.problems };
  };
  return { content, problems, complete };
}

/** Sorts a body's problems into the failing and the others; whether the post can be built. */
function addBodyProblems(found: readonly ContentProblem[], problems: ContentProblem[], warnings: ContentProblem[]): boolean {
  problems.push(...found.filter(isFatal));
  warnings.push(...found.filter((problem) => !isFatal(problem)));
  return !found.some(isFatal);
}

type ShownEntries = { shown: PostEntry[]; expanded: Map<PostEntry, ExpandedBody>; problems: ContentProblem[]; warnings: ContentProblem[] };

function readShownPosts(options: ContentOptions): ShownEntries {
  const { posts, problems, defects } = readPostIndex(options);
  const shown = posts.filter((post) => isVisible(post.status, options.includeUnpublished));
  const shortcodes = expandPostShortcodes(shown, options.shortcodesDir);
  return { shown, expanded: shortcodes.expanded, problems, warnings: [...defects, ...shortcodes.warnings, ...sectionBannerDefects(options.publicDir)] };
}

/** A section's own banner picture for a language (site.config.json), under public/ or remote; undefined where it has none. */
export function resolveSectionBanner(lang: Lang, section: SectionConfig, publicDir: string): ImageResolution | undefined {
  const reference = section.banner[lang];
  return reference ? resolveSiteImage(reference, publicDir) : undefined;
}

/** Section banners that are not there: Hugo shows a broken picture, the list here shows the default banner. */
function sectionBannerDefects(publicDir: string): ContentProblem[] {
  return siteConfig.sections.flatMap((section, index) =>
    languages.flatMap((lang) => {
      const resolved = resolveSectionBanner(lang, section, publicDir);
      if (!resolved || resolved.ok) return [];
      return [{ file: SITE_SETTINGS_FILE, field: `sections.${index}.banner.${lang}`, message: `${resolved.message} (the list of "${section.name}" shows the site's default banner)`, tolerated: true }];
    }),
  );
}

/** The problems each post file's body had when it was last read, with the body they were found in. */
const bodyProblemsByFile = new Map<string, { body: string; problems: ContentProblem[] }>();

/**
 * What reads the facts a post's body tells (reading stats, summary, TOC, text, local images, its
 * problems), once per file in this read of the content: the post checked on its own before it is
 * indexed and the indexed post share them. Remembers the problems by file for the next read.
 */
function bodyFactsReader(options: ContentOptions): (post: Post) => BodyFacts {
  const read = new Map<string, BodyFacts>();
  return (post) => {
    let facts = read.get(post.source.file);
    if (!facts) {
      facts = postBodyFacts(post, options.publicDir, options.diskCache);
      read.set(post.source.file, facts);
      bodyProblemsByFile.set(post.source.file, { body: post.body, problems: facts.problems });
    }
    return facts;
  };
}

/** An entry made into a post outside the index (its translations and terms unknown), to read its body's facts. */
function postOnItsOwn(entry: PostEntry, expanded: ReadonlyMap<PostEntry, ExpandedBody>, bodyFacts?: (post: Post) => BodyFacts): Post {
  return createPost(entry, { expanded: expanded.get(entry), translations: {}, categories: entry.categories, tags: entry.tags }, bodyFacts);
}

/** Expands Hugo shortcodes in Markdown posts; `ref`/`relref` resolve against the visible posts. */
function expandPostShortcodes(posts: readonly PostEntry[], shortcodesDir: string | undefined): { expanded: Map<PostEntry, ExpandedBody>; warnings: ContentProblem[] } {
  const expandedBodies = new Map<PostEntry, ExpandedBody>();
  const warnings: ContentProblem[] = [];
  const resolveRef = refResolver(posts);
  const siteShortcodes = readSiteShortcodes(shortcodesDir);
  for (const post of posts) {
    if (post.source.format !== 'md' || !post.body.includes('{{')) continue;
    const expanded = expandShortcodes(post.body, {
      resolveRef: (target, lang) => resolveRef(target, lang && isLang(lang) ? lang : post.lang),
      calloutTitles: ui(post.lang).callouts,
      siteShortcodes,
      page: { title: post.title, lang: post.lang, url: entryPath(post), params: templateValue(post.params) as ValueMap },
    });
    expandedBodies.set(post, { markdown: expanded.markdown, lineMap: expanded.lineMap, used: expanded.used });
    for (const warning of expanded.warnings) {
      warnings.push({ file: post.source.displayPath, line: post.bodyLine + warning.line - 1, message: warning.message });
    }
  }
  return { expanded: expandedBodies, warnings };
}

/** Front matter as a template reads it: dates as Hugo prints them, everything else as it is. */
function templateValue(value: unknown): Value {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(templateValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, templateValue(entry)]));
  return value as Value;
}

/**
 * Resolves Hugo `ref` targets (`my-post`, `my-post.md`, `/blog/my-post/index.md`, `my-post#part`)
 * to post URLs by file or bundle name, or slug, in the given language.
 */
function refResolver(posts: readonly PostEntry[]): (target: string, lang: Lang) => string | undefined {
  const byName = new Map<string, PostEntry>();
  for (const post of posts) {
    byName.set(`${post.lang}/${post.source.name}`, post);
    byName.set(`${post.lang}/${post.slug}`, post);
  }
  return (target, lang) => {
    const [pathPart = '', anchor] = target.split('#');
    const segments = pathPart.replace(/\.(md|mdx)$/, '').split('/').filter(Boolean);
    let name = segments.pop();
    if (name === 'index' || name === '_index') name = segments.pop();
    const post = name ? byName.get(`${lang}/${name}`) : undefined;
    if (!post && !name && anchor) return `#${anchor}`;
    if (!post) return undefined;
    return `${postPath(post.lang, post.slug)}${anchor ? `#${anchor}` : ''}`;
  };
}

