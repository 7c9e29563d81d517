import type { Lang } from '../site-config';
import type { AuthorDate } from './dates';
import type { PostSource } from './discover';
import type { TocEntry } from './hast';
import type { ResolvedImage } from './images';
import type { BodyFacts } from './load-cache';
import type { ReadingStats } from './reading';

// A post as every route, feed and tool sees it: made once, from what its file says (a PostEntry)
// and what only the whole site can tell (its translations, its terms' spellings, its shortcodes'
// expansion), and not changed after. What its body tells is read when first asked for.

export type PostStatus = 'published' | 'draft' | 'scheduled' | 'expired';

export type TermLink = { slug: string; name: string };

/**
 * A blog post (`posts/`), a standalone page (`content/<lang>/about.md`), or an item of a section
 * declared in site.config.json (`content/<lang>/notice/kubecon.md`).
 */
export type EntryKind = 'post' | 'page' | 'item';

/**
 * What one file says, read and validated on its own: its front matter and its body as written.
 * Plain data, kept in the post index on disk between processes.
 */
export type PostEntry = {
  kind: EntryKind;
  /** The section an item belongs to, by name. */
  section?: string;
  lang: Lang;
  slug: string;
  /** An item's external page (`link`: the event, the release), shown as a call to go there. */
  link?: string;
  /** Whether its date is the author's, shown and ordered by: posts', and the items' of dated sections (pages are dated by their files). */
  dated: boolean;
  title: string;
  description?: string;
  /** The summary the author wrote (`description`, else `summary`), which the body's is not used over. */
  writtenSummary?: string;
  date: AuthorDate;
  lastmod?: AuthorDate;
  status: PostStatus;
  /** As written; the post's are spelled as the language's term is (see Post). */
  categories: TermLink[];
  tags: TermLink[];
  /** The hero image (`image`). */
  image?: ResolvedImage;
  /** The caption under the hero, where the post's theme gave it one (PaperMod's `cover.caption`). */
  imageCaption?: string;
  /** The page-title banner (`bg_image`). */
  banner?: ResolvedImage;
  /** The credit shown on the banner, where the post's theme gave it one (beautifulhugo's `bigimg` `desc`). */
  bannerCredit?: string;
  /** Shown under the title (`subtitle`). */
  subtitle?: string;
  /** Whether the table of contents is shown beside the post (wide screens) and above it (phones). */
  tocShown: { sidebar: boolean; inline: boolean };
  aliases: string[];
  authors: string[];
  translationKey: string;
  source: PostSource;
  /** The body as written in the file. */
  body: string;
  /** Line of the source file where the body starts. */
  bodyLine: number;
  /** The front-matter keys the author wrote in this file. */
  frontMatterKeys: string[];
  /** The front matter as read (Hugo's `.Params`), for the site's own shortcode templates. */
  params: Readonly<Record<string, unknown>>;
};

/** A body with its Hugo shortcodes expanded (Markdown posts that use any). */
export type ExpandedBody = {
  /** The Markdown to compile. */
  markdown: string;
  /** For each line of `markdown` (index 0 is line 1), the line of the written body it came from. */
  lineMap: number[];
  /** Shortcodes the body uses, by name, with how often. */
  used: Record<string, number>;
};

/** What a post is besides its own file: known once every post of the site is. */
export type PostContext = {
  expanded?: ExpandedBody;
  /** Slugs of its visible translations, by language. */
  translations: Partial<Record<Lang, string>>;
  /** For a translation that its original has changed after: the original, and when it changed. */
  originalUpdate?: Post['originalUpdate'];
  /** Its terms, each once, spelled as the language's term is. */
  categories: TermLink[];
  tags: TermLink[];
};

export type Post = Readonly<
  Omit<PostEntry, 'writtenSummary'> & {
    /** Plain text for lists and meta descriptions: the written summary, else the body's first words. */
    summary: string;
    /** Words and minutes to read, counted per script. */
    reading: ReadingStats;
    /** The h2 and h3 headings, for the table of contents and search. */
    toc: TocEntry[];
    /** The body's text without code blocks, for search. */
    text: string;
    /** The local image files the body shows. */
    bodyImageFiles: string[];
    /** Slugs of this post's visible translations, by language. */
    translations: Partial<Record<Lang, string>>;
    /** For a translation that its original has changed after: the original, and when it changed. */
    originalUpdate?: { lang: Lang; path: string; date: AuthorDate; file: string };
    /** The Markdown or MDX to compile, Hugo shortcodes already expanded. */
    body: string;
    /** For each line of `body` (index 0 is line 1), the line of the written body it came from. */
    bodyLineMap?: number[];
    /** Shortcodes the body uses, by name, with how often. */
    shortcodes: Record<string, number>;
  }
>;

/** The facts of a body that has not been read: a post indexed from its front matter alone (the config's redirects). */
const UNREAD_BODY: Pick<BodyFacts, 'reading' | 'summary' | 'toc' | 'text' | 'imageFiles'> = { reading: { words: 0, minutes: 0 }, summary: '', toc: [], text: '', imageFiles: [] };

/**
 * Makes a post, frozen. `bodyFacts` reads what the body tells (its summary, reading time,
 * headings, text and images) on the first ask for any of them, so a page costs only the bodies it
 * shows; it is given the post itself. Without it, the post has the facts of an unread body.
 */
export function createPost(entry: PostEntry, context: PostContext, bodyFacts?: (post: Post) => BodyFacts): Post {
  const { writtenSummary, ...written } = entry;
  const facts = () => (bodyFacts ? bodyFacts(post) : UNREAD_BODY);
  const post: Post = Object.freeze({
    ...written,
    categories: context.categories,
    tags: context.tags,
    translations: context.translations,
    originalUpdate: context.originalUpdate,
    body: context.expanded?.markdown ?? entry.body,
    bodyLineMap: context.expanded?.lineMap,
    shortcodes: context.expanded?.used ?? {},
    get summary() {
      return writtenSummary || facts().summary;
    },
    get reading() {
      return facts().reading;
    },
    get toc() {
      return facts().toc;
    },
    get text() {
      return facts().text;
    },
    get bodyImageFiles() {
      return facts().imageFiles;
    },
  });
  return post;
}
