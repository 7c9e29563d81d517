import path from 'node:path';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { cacheEntryName, readStamped, writeStamped } from '@/lib/disk-cache';
import { siteConfig } from '@/lib/site-config';
import { absoluteUrl as absolute, entryAssetPath } from '@/lib/urls';
import { rehypeBundleFiles } from './body-files';
import { CODE_META_PROPERTY, mdxToPlainHast, postHast } from './hast';
import type { Post } from './load';
import { currentPipelineKey, pipelineCacheKind } from './pipeline-key';

// A body as feed readers get it, made from the same tree as the page (postHast).

const feedHtmlByPost = new WeakMap<Post, string>();

/**
 * A post's body as HTML for feed readers: served image URLs, every link and image absolute.
 * Rendered once per post and process, however many feeds (language, categories, tags, three
 * formats each) carry it; a production build keeps it in the disk cache for the next build.
 */
export function postFeedHtml(post: Post): string {
  const known = feedHtmlByPost.get(post);
  if (known !== undefined) return known;
  const html = process.env.NODE_ENV === 'production' ? cachedFeedHtml(post) : renderFeedHtml(post);
  feedHtmlByPost.set(post, html);
  return html;
}

/**
 * The feed HTML from the disk cache, else rendered and kept there. The page's compile calls it
 * too when it has just parsed the body (renderPostBody): in a cold build the worker that renders
 * a feed is often not the one that rendered the post's page, and would parse the body again.
 */
export function cachedFeedHtml(post: Post): string {
  const name = cacheEntryName([currentPipelineKey(), 'feed', siteConfig.baseUrl, post.source.format, post.lang, post.slug, post.source.bundleDir ?? '', post.body]);
  const cached = readStamped<string>(pipelineCacheKind('feed-html'), name);
  if (cached !== undefined) return cached;
  const images = new Set<string>();
  const html = renderFeedHtml(post, (file) => images.add(file));
  writeStamped(pipelineCacheKind('feed-html'), name, html, images);
  return html;
}

function renderFeedHtml(post: Post, onLocalFile?: (file: string) => void): string {
  const tree = mdxToPlainHast(structuredClone(postHast(post)));
  rehypeBundleFiles({
    bundleDir: post.source.bundleDir,
    publicDir: path.resolve(/*turbopackIgnore: true*/ 'public'),
    bundleUrl: (relative) => entryAssetPath(post, relative),
    onLocalFile,
  })(tree);
  visit(tree, 'element', (element: Element) => {
    delete element.properties[CODE_META_PROPERTY];
    for (const attribute of ['href', 'src'] as const) {
      const value = element.properties[attribute];
      if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) element.properties[attribute] = absolute(value);
    }
  });
  return toHtml(tree, { allowDangerousHtml: true });
}
