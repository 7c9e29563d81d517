import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { compileMDX, type MDXRemoteProps } from 'next-mdx-remote/rsc';
import { createElement, type ComponentType, type ReactElement } from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import rehypePrettyCode, { type Options as RehypePrettyCodeOptions } from 'rehype-pretty-code';
import type { PluggableList } from 'unified';
import { siteConfig } from '@/lib/site-config';
import { entryAssetPath } from '@/lib/urls';
import { syntaxProblem } from './body';
import { rehypeBundleFiles } from './body-files';
import { rehypeCodeAsHtml } from './code-html';
import { cachedCompiledSource } from './compile-cache';
import { ContentError } from './errors';
import { bodyRehypePlugins, bodyRemarkPlugins, postHast, postMdxParse, remarkUseParse } from './hast';
import type { ImageContext } from './images';
import type { Post } from './load';

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

/** In place of the tree the compiler parsed (from an empty source), the tree `tree()` gives. */
function rehypeUseTree(tree: () => HastRoot) {
  return () => tree();
}

export type PostCompileInput = { source: string; options: NonNullable<MDXRemoteProps['options']> };

/**
 * What the compiler is given for one post: `.md` is CommonMark + GFM with raw HTML (Hugo's
 * `unsafe`); `.mdx` is MDX. The body is not parsed again: the compiler starts from the content
 * layer's reading of it (postHast: its check, TOC, text, images and feed HTML come from it too)
 * and adds what only the page has, image copies and highlighted code. A Markdown body's compile
 * starts from its HTML tree. An MDX body's starts from its parse (postMdxParse), so that MDX's own
 * steps and next-mdx-remote's (which leave out MDX JavaScript unless the site allows it) run on it
 * as they would on a parse of their own, and then the same plugins as the content layer's.
 */
export function postCompileInput(post: Post, publicDir = path.resolve(/*turbopackIgnore: true*/ 'public'), onLocalFile?: (file: string) => void): PostCompileInput {
  const imageContext: ImageContext = {
    bundleDir: post.source.bundleDir,
    publicDir,
    bundleUrl: (relativePath) => entryAssetPath(post, relativePath),
    onLocalFile,
  };
  const pageOnly: PluggableList = [[rehypeBundleFiles, { ...imageContext, responsiveImages: true }], [rehypePrettyCode, codeHighlighting], rehypeCodeAsHtml];
  // The content layer has already refused MDX JavaScript in posts; this keeps the compiler from running any.
  const blockJS = !siteConfig.allowMdxJavaScript;
  if (post.source.format === 'md') {
    return {
      source: '',
      options: { blockJS, mdxOptions: { format: 'md', rehypePlugins: [[rehypeUseTree, () => structuredClone(postHast(post))], ...pageOnly] } },
    };
  }
  return {
    source: '',
    options: {
      blockJS,
      mdxOptions: { format: 'mdx', remarkPlugins: [[remarkUseParse, () => structuredClone(postMdxParse(post))], ...bodyRemarkPlugins], rehypePlugins: [...bodyRehypePlugins, ...pageOnly] },
    },
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
      return (await compileMDX({ ...postCompileInput(post), components })).content;
    }
    const publicDir = path.resolve(/*turbopackIgnore: true*/ 'public');
    const imageFiles = new Set<string>();
    const code = await cachedCompiledSource(post, postCompileInput(post, publicDir, (file) => imageFiles.add(file)), imageFiles, publicDir);
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
