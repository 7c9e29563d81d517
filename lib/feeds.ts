import 'server-only';
import path from 'node:path';
import { Feed } from 'feed';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Post } from '@/lib/content';
import { mdxToPlainHast, postHast } from '@/lib/content/hast';
import { rehypeBundleFiles } from '@/lib/content/markdown';
import { siteConfig, ui, type Lang } from './site-config';
import { absoluteUrl as absolute, FEED_FILES, feedPaths, postAssetPath, postPath, termPath, type FeedFormat } from './urls';

/** How many of the newest posts a feed carries. */
const FEED_LENGTH = 20;

const feedHtmlByPost = new WeakMap<Post, string>();

/**
 * A post's body as HTML for feed readers: served image URLs, every link and image absolute.
 * Rendered once per post and process, however many feeds (language, categories, tags, three
 * formats each) carry it.
 */
export function postFeedHtml(post: Post): string {
  const known = feedHtmlByPost.get(post);
  if (known !== undefined) return known;
  const html = renderFeedHtml(post);
  feedHtmlByPost.set(post, html);
  return html;
}

function renderFeedHtml(post: Post): string {
  const tree = mdxToPlainHast(postHast(post));
  rehypeBundleFiles({
    bundleDir: post.source.bundleDir,
    publicDir: path.resolve(/*turbopackIgnore: true*/ 'public'),
    bundleUrl: (relative) => postAssetPath(post.lang, post.slug, relative),
  })(tree);
  visit(tree, 'element', (element: Element) => {
    for (const attribute of ['href', 'src'] as const) {
      const value = element.properties[attribute];
      if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) element.properties[attribute] = absolute(value);
    }
  });
  return toHtml(tree, { allowDangerousHtml: true });
}

type FeedSpec = { lang: Lang; title: string; description: string; listPath: string; posts: readonly Post[] };

/** A feed of the newest posts of a list, each with its full content. */
export function buildFeed({ lang, title, description, listPath, posts }: FeedSpec): Feed {
  const paths = feedPaths(listPath);
  const newest = posts.slice(0, FEED_LENGTH);
  const latest = newest[0];
  const feed = new Feed({
    id: absolute(listPath),
    link: absolute(listPath),
    title,
    description,
    language: ui(lang).locale,
    updated: latest ? (latest.lastmod ?? latest.date).instant : undefined,
    generator: siteConfig.title[lang],
    copyright: siteConfig.author,
    feedLinks: { rss: absolute(paths.rss), atom: absolute(paths.atom), json: absolute(paths.json) },
    author: { name: siteConfig.author },
  });
  for (const post of newest) {
    const link = absolute(postPath(post.lang, post.slug));
    feed.addItem({
      title: post.title,
      id: link,
      link,
      date: (post.lastmod ?? post.date).instant,
      published: post.date.instant,
      description: post.summary,
      content: postFeedHtml(post),
      category: post.categories.map((term) => ({ name: term.name, domain: absolute(termPath(post.lang, 'categories', term.slug)) })),
      author: (post.authors.length ? post.authors : [siteConfig.author]).map((name) => ({ name })),
      image: post.image ? absolute(post.image.src) : undefined,
    });
  }
  return feed;
}

export function feedResponse(feed: Feed, format: FeedFormat): Response {
  const body = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
  return new Response(body, { headers: { 'Content-Type': `${FEED_FILES[format].type}; charset=utf-8` } });
}
