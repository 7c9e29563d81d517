import 'server-only';
import path from 'node:path';
import { getPostFeedHtml, type Post } from '@/lib/content';
import { authorIsoString, authorRfc822String, type AuthorDate } from '@/lib/content/dates';
import { siteConfig, ui, type Lang } from './site-config';
import { absoluteUrl as absolute, FEED_FILES, feedPaths, entryPath, termPath, type FeedFormat } from './urls';

/** How many of the newest posts a feed carries. */
const FEED_LENGTH = 20;

type FeedSpec = { lang: Lang; title: string; description: string; listPath: string; posts: readonly Post[] };

/**
 * Text for XML, escaped once and in full. Feeds are written here rather than by a library: the
 * `feed` package (through xml-js) wrote `<` unescaped into attributes, split only the first `]]>`
 * of a CDATA section and read `&amp;` in text as `&`, so a title or category with such text made a
 * feed that was not XML, or changed its words.
 */
function xml(text: string): string {
  return text
    // Control characters other than tab and newlines cannot be written in XML 1.0 at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${xml(text)}</${name}>`;
}

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml' };

type FeedEntry = {
  url: string;
  title: string;
  summary: string;
  html: string;
  /** As the author wrote them, offset included: feeds show the same dates as the post pages. */
  published: AuthorDate;
  updated: AuthorDate;
  authors: string[];
  categories: Array<{ name: string; url: string }>;
  image?: { url: string; type?: string };
};

type FeedData = { lang: Lang; title: string; description: string; listUrl: string; feedUrls: Record<FeedFormat, string>; updated?: AuthorDate; entries: FeedEntry[] };

async function feedData({ lang, title, description, listPath, posts }: FeedSpec): Promise<FeedData> {
  const paths = feedPaths(listPath);
  const entries = await Promise.all(posts.slice(0, FEED_LENGTH).map(async (post): Promise<FeedEntry> => {
    const extension = post.image ? path.extname(new URL(post.image.src, 'http://x').pathname).slice(1).toLowerCase() : '';
    return {
      url: absolute(entryPath(post)),
      title: post.title,
      summary: post.summary,
      html: await getPostFeedHtml(post),
      published: post.date,
      updated: post.lastmod ?? post.date,
      authors: post.authors.length ? post.authors : [siteConfig.author],
      categories: post.categories.map((term) => ({ name: term.name, url: absolute(termPath(post.lang, 'categories', term.slug)) })),
      image: post.image ? { url: absolute(post.image.src), type: IMAGE_TYPES[extension] } : undefined,
    };
  }));
  return {
    lang,
    title,
    description,
    listUrl: absolute(listPath),
    feedUrls: { rss: absolute(paths.rss), atom: absolute(paths.atom), json: absolute(paths.json) },
    updated: entries[0]?.updated,
    entries,
  };
}

function rss(feed: FeedData): string {
  const items = feed.entries.map((entry) =>
    [
      '<item>',
      element('title', entry.title),
      element('link', entry.url),
      element('guid', entry.url, ' isPermaLink="true"'),
      element('pubDate', authorRfc822String(entry.published)),
      element('description', entry.summary),
      element('content:encoded', entry.html),
      ...entry.authors.map((name) => element('dc:creator', name)),
      ...entry.categories.map((category) => element('category', category.name, ` domain="${xml(category.url)}"`)),
      entry.image?.type ? `<enclosure url="${xml(entry.image.url)}" length="0" type="${entry.image.type}"/>` : '',
      '</item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.listUrl),
    element('description', feed.description),
    element('language', ui(feed.lang).locale),
    element('generator', siteConfig.title[feed.lang]),
    element('copyright', siteConfig.author),
    feed.updated ? element('lastBuildDate', authorRfc822String(feed.updated)) : '',
    `<atom:link href="${xml(feed.feedUrls.rss)}" rel="self" type="${FEED_FILES.rss.type}"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function atom(feed: FeedData): string {
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      element('title', entry.title, ' type="text"'),
      element('id', entry.url),
      `<link rel="alternate" href="${xml(entry.url)}"/>`,
      entry.image?.type ? `<link rel="enclosure" href="${xml(entry.image.url)}" type="${entry.image.type}"/>` : '',
      element('published', authorIsoString(entry.published)),
      element('updated', authorIsoString(entry.updated)),
      element('summary', entry.summary, ' type="text"'),
      element('content', entry.html, ' type="html"'),
      ...entry.authors.map((name) => `<author>${element('name', name)}</author>`),
      ...entry.categories.map((category) => `<category term="${xml(category.name)}" scheme="${xml(category.url)}"/>`),
      '</entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(ui(feed.lang).locale)}">`,
    element('id', feed.listUrl),
    element('title', feed.title, ' type="text"'),
    element('subtitle', feed.description, ' type="text"'),
    element('updated', feed.updated ? authorIsoString(feed.updated) : new Date(0).toISOString()),
    element('generator', siteConfig.title[feed.lang]),
    element('rights', siteConfig.author),
    `<author>${element('name', siteConfig.author)}</author>`,
    `<link rel="alternate" href="${xml(feed.listUrl)}"/>`,
    `<link rel="self" href="${xml(feed.feedUrls.atom)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

function jsonFeed(feed: FeedData): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.listUrl,
      feed_url: feed.feedUrls.json,
      description: feed.description,
      language: ui(feed.lang).locale,
      authors: [{ name: siteConfig.author }],
      items: feed.entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        title: entry.title,
        summary: entry.summary,
        content_html: entry.html,
        image: entry.image?.url,
        date_published: authorIsoString(entry.published),
        date_modified: authorIsoString(entry.updated),
        authors: entry.authors.map((name) => ({ name })),
        tags: entry.categories.map((category) => category.name),
      })),
    },
    null,
    2,
  );
}

/** A feed of the newest posts of a list, each with its full content, in one format. */
export async function feedBody(spec: FeedSpec, format: FeedFormat): Promise<string> {
  const feed = await feedData(spec);
  return format === 'rss' ? rss(feed) : format === 'atom' ? atom(feed) : jsonFeed(feed);
}

export async function feedResponse(spec: FeedSpec, format: FeedFormat): Promise<Response> {
  return new Response(await feedBody(spec, format), { headers: { 'Content-Type': `${FEED_FILES[format].type}; charset=utf-8` } });
}
