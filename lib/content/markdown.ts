import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { nodeTypes } from '@mdx-js/mdx';
import type { Element, Root as HastRoot } from 'hast';
import type { Paragraph, PhrasingContent, Root as MdastRoot } from 'mdast';
import type { MDXRemoteProps } from 'next-mdx-remote/rsc';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { siteConfig } from '@/lib/site-config';
import { postAssetPath } from '@/lib/urls';
import { ContentError, type ContentProblem } from './errors';
import { resolveImage, type ImageContext } from './images';
import type { Post } from './load';

/**
 * An image alone in its paragraph becomes a `<figure>` when a caption comes with it: a line that
 * is only emphasis right below the image (`*caption*`), or else the image's title attribute.
 */
export function remarkFigureCaptions() {
  return (tree: MdastRoot) => {
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const parts = paragraph.children.filter(
        (child) => child.type !== 'break' && !(child.type === 'text' && !child.value.trim()),
      );
      const [image, caption, ...rest] = parts;
      if (image?.type !== 'image' || rest.length) return;
      let captionChildren: PhrasingContent[] | undefined;
      if (caption?.type === 'emphasis') captionChildren = caption.children;
      else if (!caption && image.title) captionChildren = [{ type: 'text', value: image.title }];
      if (!captionChildren) return;
      paragraph.data = { ...paragraph.data, hName: 'figure' };
      paragraph.children = [image, { type: 'emphasis', data: { hName: 'figcaption' }, children: captionChildren }];
    });
  };
}

type BundleFilesOptions = { imageContext: ImageContext; file: string; bodyLine: number };

/**
 * Points images at the files this site serves and gives local ones their intrinsic size; points
 * relative links at the bundle's own files (pages have no trailing slash, so a browser would
 * resolve them against the parent folder). A missing local image fails the build, naming its line.
 */
export function rehypeBundleFiles({ imageContext, file, bodyLine }: BundleFilesOptions) {
  return (tree: HastRoot) => {
    const problems: ContentProblem[] = [];
    visit(tree, 'element', (element: Element) => {
      const line = element.position ? bodyLine + element.position.start.line - 1 : undefined;
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        const resolved = resolveImage(element.properties.src, imageContext);
        if (!resolved.ok) {
          problems.push({ file, line, message: resolved.message });
          return;
        }
        element.properties.src = resolved.image.src;
        if (resolved.image.kind === 'local' && resolved.image.width && resolved.image.height) {
          element.properties.width ??= resolved.image.width;
          element.properties.height ??= resolved.image.height;
        }
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
    if (problems.length) throw new ContentError(problems);
  };
}

/** Compile options for one post: `.md` is CommonMark + GFM with raw HTML (Hugo's `unsafe`); `.mdx` is MDX. */
export function postCompileOptions(post: Post, publicDir = path.resolve(/*turbopackIgnore: true*/ 'public')): NonNullable<MDXRemoteProps['options']> {
  const imageContext: ImageContext = {
    bundleDir: post.source.bundleDir,
    publicDir,
    bundleUrl: (relativePath) => postAssetPath(post.lang, post.slug, relativePath),
  };
  const bundleFiles = { imageContext, file: post.source.displayPath, bodyLine: post.bodyLine };
  const rehypePlugins: PluggableList = [
    ...(post.source.format === 'md' ? [[rehypeRaw, { passThrough: [...nodeTypes] }] satisfies PluggableList[number]] : []),
    rehypeSlug,
    [rehypeBundleFiles, bundleFiles],
  ];
  return {
    blockJS: !siteConfig.allowMdxJavaScript,
    mdxOptions: {
      format: post.source.format,
      remarkPlugins: [remarkGfm, remarkFigureCaptions],
      rehypePlugins,
    },
  };
}

/** Turns a compiler failure into a message that names the post's file and line. */
export function describeCompileError(post: Post, error: unknown): Error {
  if (error instanceof ContentError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const lineMatch = /\((\d+):\d+/.exec(detail) ?? /line (\d+)/i.exec(detail);
  const bodyLineNumber = lineMatch ? Number(lineMatch[1]) : undefined;
  const line = bodyLineNumber ? post.bodyLine + bodyLineNumber - 1 : undefined;
  const hint =
    post.source.format === 'mdx'
      ? 'fix the MDX syntax there (write \\{ and \\< for a literal brace or angle bracket), or rename the file to .md to treat it as plain Markdown'
      : 'fix the Markdown there';
  const firstLine = detail.split('\n')[0] ?? detail;
  return new ContentError([{ file: post.source.displayPath, line, message: `cannot be compiled (${firstLine}): ${hint}` }]);
}
