import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { nodeTypes } from '@mdx-js/mdx';
import type { Element, Root as HastRoot } from 'hast';
import type { Paragraph, PhrasingContent, Root as MdastRoot } from 'mdast';
import { compileMDX, type MDXRemoteProps } from 'next-mdx-remote/rsc';
import type { ReactElement } from 'react';
import rehypePrettyCode, { type Options as RehypePrettyCodeOptions } from 'rehype-pretty-code';
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

const HEADING_ID = /\s*\{#([^\s{}]+)\}\s*$/;

/** Hugo's heading ids: `## Title {#custom-id}` gets the id `custom-id`, and the braces go. */
export function remarkHeadingIds() {
  return (tree: MdastRoot) => {
    visit(tree, 'heading', (heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== 'text') return;
      const match = HEADING_ID.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1] } };
    });
  };
}

type BodyCheckOptions = {
  file: string;
  bodyLine: number;
  /** Maps lines of the compiled body back to the written body (shortcodes change line counts). */
  bodyLineMap?: number[];
  /** Problems found while compiling, reported together once the compiler is done. */
  problems: ContentProblem[];
};

type BundleFilesOptions = BodyCheckOptions & { imageContext: ImageContext };

/** The line of the source file that a line of the compiled body came from. */
export function writtenLine(body: { bodyLine: number; bodyLineMap?: number[] }, compiledLine: number): number {
  return body.bodyLine + (body.bodyLineMap?.[compiledLine - 1] ?? compiledLine) - 1;
}

function fileLine(node: { position?: { start: { line: number } } }, check: BodyCheckOptions): number | undefined {
  return node.position ? writtenLine(check, node.position.start.line) : undefined;
}

const MDX_SCRIPT_NODES = new Set(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);

/**
 * With MDX JavaScript off, an `{expression}`, `import` or `export` would vanish without a word;
 * say where it is instead, so the author can escape it or opt in.
 */
export function remarkRefuseMdxJavaScript(check: BodyCheckOptions) {
  return (tree: MdastRoot) => {
    visit(tree, (node) => {
      if (!MDX_SCRIPT_NODES.has(node.type)) return;
      const code = 'value' in node && typeof node.value === 'string' ? node.value.trim() : '';
      const shown = node.type === 'mdxjsEsm' ? code.split('\n')[0] : `{${code}}`;
      check.problems.push({
        file: check.file,
        line: fileLine(node, check),
        message: `MDX JavaScript "${shown}" is turned off: write \\{ for a literal brace, or set allowMdxJavaScript in lib/site-config.ts`,
      });
    });
  };
}

/**
 * Points images at the files this site serves and gives local ones their intrinsic size; points
 * relative links at the bundle's own files (pages have no trailing slash, so a browser would
 * resolve them against the parent folder). A missing local image fails the build, naming its line.
 */
export function rehypeBundleFiles({ imageContext, ...check }: BundleFilesOptions) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element) => {
      const line = fileLine(element, check);
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        const resolved = resolveImage(element.properties.src, imageContext);
        if (!resolved.ok) {
          check.problems.push({ file: check.file, line, message: resolved.message });
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
  };
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
  problems: ContentProblem[],
  publicDir = path.resolve(/*turbopackIgnore: true*/ 'public'),
): NonNullable<MDXRemoteProps['options']> {
  const check: BodyCheckOptions = {
    file: post.source.displayPath,
    bodyLine: post.bodyLine,
    bodyLineMap: post.bodyLineMap,
    problems,
  };
  const imageContext: ImageContext = {
    bundleDir: post.source.bundleDir,
    publicDir,
    bundleUrl: (relativePath) => postAssetPath(post.lang, post.slug, relativePath),
  };
  const blockJavaScript = !siteConfig.allowMdxJavaScript;
  const remarkPlugins: PluggableList = [remarkGfm, remarkFigureCaptions, remarkHeadingIds, remarkCodeMeta];
  if (post.source.format === 'mdx' && blockJavaScript) remarkPlugins.push([remarkRefuseMdxJavaScript, check]);
  const rehypePlugins: PluggableList = [];
  if (post.source.format === 'md') rehypePlugins.push([rehypeRaw, { passThrough: [...nodeTypes] }]);
  rehypePlugins.push(rehypeSlug, [rehypeBundleFiles, { ...check, imageContext }], [rehypePrettyCode, codeHighlighting]);
  return {
    blockJS: blockJavaScript,
    mdxOptions: { format: post.source.format, remarkPlugins, rehypePlugins },
  };
}

/**
 * Compiles a post body to React elements, once per render of its page. Every problem found in the
 * body is thrown as one ContentError naming the file and line.
 */
export async function compilePostBody(post: Post, components: MDXRemoteProps['components']): Promise<ReactElement> {
  const problems: ContentProblem[] = [];
  let content: ReactElement;
  try {
    ({ content } = await compileMDX({ source: post.body, options: postCompileOptions(post, problems), components }));
  } catch (error) {
    throw describeCompileError(post, error);
  }
  if (problems.length) throw new ContentError(problems);
  return content;
}

const MDX_REMOTE_PREFIX = /^\[next-mdx-remote\] error compiling MDX:\s*/;

/** Turns a compiler failure into a message that names the post's file and line. */
function describeCompileError(post: Post, error: unknown): ContentError {
  const detail = (error instanceof Error ? error.message : String(error)).replace(MDX_REMOTE_PREFIX, '');
  const reason = detail.split('\n')[0] ?? detail;
  const position = /\((\d+):\d+/.exec(reason) ?? /(\d+):\d+/.exec(reason);
  const line = position ? writtenLine(post, Number(position[1])) : undefined;
  const hint =
    post.source.format === 'mdx'
      ? 'fix the MDX syntax there (write \\{ and \\< for a literal brace or angle bracket), or rename the file to .md to treat it as plain Markdown'
      : 'fix the Markdown there';
  return new ContentError([{ file: post.source.displayPath, line, message: `cannot be compiled (${reason}): ${hint}` }]);
}
