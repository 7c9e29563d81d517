import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { nodeTypes } from '@mdx-js/mdx';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { compileMDX, type MDXRemoteProps } from 'next-mdx-remote/rsc';
import { createElement, type ComponentType, type ReactElement } from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import rehypePrettyCode, { type Options as RehypePrettyCodeOptions } from 'rehype-pretty-code';
import rehypeSlug from 'rehype-slug';
import type { PluggableList } from 'unified';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { siteConfig } from '@/lib/site-config';
import { entryAssetPath } from '@/lib/urls';
import { syntaxProblem } from './body';
import { cachedCompiledSource } from './compile-cache';
import { ContentError } from './errors';
import { rehypeEmbeds } from './embeds';
import { bodyRemarkPlugins, rehypeRawWhereWritten } from './hast';
import { VARIANT_KEY_PROPERTY } from './image-variants';
import { IN_LINK_PROPERTY, resolveImage, type ImageContext } from './images';
import type { Post } from './load';

/**
 * Points images at the files this site serves and gives local ones their intrinsic size (and, for
 * pages, the key of their responsive copies); points relative links at the bundle's own files
 * (pages have no trailing slash, so a browser would resolve them against the parent folder). A
 * missing local image (reported by checkBody) becomes its alt text in a box.
 */
export function rehypeBundleFiles(imageContext: ImageContext & { responsiveImages?: boolean }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element, _index, parent) => {
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        const resolved = resolveImage(element.properties.src, imageContext);
        if (!resolved.ok) {
          showMissingImage(element, parent);
          return;
        }
        element.properties.src = resolved.image.src;
        if (resolved.image.kind === 'local' && resolved.image.width && resolved.image.height) {
          // A size the author wrote wins; copies are then left out, as their proportions could differ.
          const sized = element.properties.width !== undefined || element.properties.height !== undefined;
          element.properties.width ??= resolved.image.width;
          element.properties.height ??= resolved.image.height;
          if (imageContext.responsiveImages && resolved.image.variantKey && !sized) {
            element.properties[VARIANT_KEY_PROPERTY] = resolved.image.variantKey;
          }
        }
      }
      if (element.tagName === 'a') {
        visit(element, 'element', (inner: Element) => {
          if (inner.tagName === 'img') inner.properties[IN_LINK_PROPERTY] = true;
        });
      }
      if (element.tagName === 'a' && typeof element.properties.href === 'string' && imageContext.bundleDir) {
        const href = element.properties.href;
        if (/^[a-z][a-z\d+.-]*:|^[/#?]/i.test(href)) return;
        const relative = path.posix.normalize(href.replace(/^\.\//, '').replace(/[?#].*$/, ''));
        const target = path.join(imageContext.bundleDir, relative);
        if (!relative.startsWith('..') && existsSync(target) && statSync(target).isFile()) {
          element.properties.href = imageContext.bundleUrl(relative);
        }
      }
    });
  };
}

function isElement(node: unknown, tagName: string): node is Element {
  return typeof node === 'object' && node !== null && (node as Element).type === 'element' && (node as Element).tagName === tagName;
}

/**
 * In place of a local image that is not there, its alt text in a box that keeps the text's flow
 * (Hugo would show a broken image): the reader still learns what the picture was.
 */
function showMissingImage(element: Element, parent: { type: string; children: unknown[] } | undefined): void {
  const alt = typeof element.properties.alt === 'string' ? element.properties.alt.trim() : '';
  const src = String(element.properties.src);
  element.tagName = 'span';
  element.properties = { className: ['missing-image'], title: src, dataMissingImage: src };
  element.children = [{ type: 'text', value: alt || path.posix.basename(src) }];
  // A caption made of the same alt text would say it twice.
  if (parent && isElement(parent, 'figure')) {
    parent.children = parent.children.filter((child) => !(isElement(child, 'figcaption') && toString(child).trim() === alt));
  }
}

/**
 * Keeps a fence's meta (`{1,3-5} showLineNumbers`) as an attribute of the code element: the
 * raw-HTML pass of Markdown posts rebuilds the tree and would drop it otherwise.
 */
export function remarkCodeMeta() {
  return (tree: MdastRoot) => {
    visit(tree, 'code', (code) => {
      if (code.meta) code.data = { ...code.data, hProperties: { ...code.data?.hProperties, metastring: code.meta } };
    });
  };
}

/**
 * Code blocks highlighted at build time by Shiki: line highlights from `{1,3-5}` in the fence,
 * line numbers from `showLineNumbers`. A language Shiki does not know is shown as plain text.
 * Each token carries both themes' colours as CSS variables; globals.css picks one per theme.
 */
export const codeHighlighting: RehypePrettyCodeOptions = {
  theme: { light: 'github-light', dark: 'github-dark-default' },
  keepBackground: true,
  bypassInlineCode: true,
  defaultLang: { block: 'plaintext' },
};

/** Compile options for one post: `.md` is CommonMark + GFM with raw HTML (Hugo's `unsafe`); `.mdx` is MDX. */
export function postCompileOptions(
  post: Post,
  publicDir = path.resolve(/*turbopackIgnore: true*/ 'public'),
  onLocalFile?: (file: string) => void,
): NonNullable<MDXRemoteProps['options']> {
  const imageContext: ImageContext = {
    bundleDir: post.source.bundleDir,
    publicDir,
    bundleUrl: (relativePath) => entryAssetPath(post, relativePath),
    onLocalFile,
  };
  const remarkPlugins: PluggableList = [...bodyRemarkPlugins, remarkCodeMeta];
  const rehypePlugins: PluggableList = [];
  if (post.source.format === 'md') rehypePlugins.push([rehypeRawWhereWritten, { passThrough: [...nodeTypes] }]);
  rehypePlugins.push(rehypeSlug, rehypeEmbeds, [rehypeBundleFiles, { ...imageContext, responsiveImages: true }], [rehypePrettyCode, codeHighlighting]);
  return {
    // The content layer has already refused MDX JavaScript in posts; this keeps the compiler from running any.
    blockJS: !siteConfig.allowMdxJavaScript,
    mdxOptions: { format: post.source.format, remarkPlugins, rehypePlugins },
  };
}

/**
 * Compiles a post body to React elements, once per render of its page; a production build takes
 * the compiled code from the on-disk cache when the post has not changed (see compile-cache.ts).
 * The content layer has checked the body when it read the post (checkBody); a compiler failure
 * that still happens is thrown as a ContentError naming the file and line.
 */
export async function compilePostBody(post: Post, components: MDXRemoteProps['components']): Promise<ReactElement> {
  try {
    if (process.env.NODE_ENV !== 'production') {
      return (await compileMDX({ source: post.body, options: postCompileOptions(post), components })).content;
    }
    const publicDir = path.resolve(/*turbopackIgnore: true*/ 'public');
    const imageFiles = new Set<string>();
    const options = postCompileOptions(post, publicDir, (file) => imageFiles.add(file));
    const code = await cachedCompiledSource(post, options, imageFiles, publicDir);
    return runCompiledSource(code, components);
  } catch (error) {
    throw new ContentError([syntaxProblem(post, error, 'compiled')]);
  }
}

/** Runs compiled MDX as next-mdx-remote's compileMDX does: the JSX runtime is its first argument. */
function runCompiledSource(code: string, components: MDXRemoteProps['components']): ReactElement {
  const hydrate = Reflect.construct(Function, ['opts', 'frontmatter', code]) as (runtime: typeof jsxRuntime, frontmatter: object) => { default: ComponentType<{ components?: MDXRemoteProps['components'] }> };
  return createElement(hydrate(jsxRuntime, {}).default, { components });
}
