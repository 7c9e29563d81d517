import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { siteSettings } from '../site-settings';
import { serialize } from 'next-mdx-remote/serialize';
import type { MDXRemoteProps } from 'next-mdx-remote/rsc';
import { cacheEntryName, readStamped, writeStamped } from '../disk-cache';
import type { Post } from './load';

// Compiled post bodies kept on disk between builds (see disk-cache.ts): a rebuild after editing
// one post compiles (and highlights) only that post. An entry is found by the hash of everything
// that shapes the output: the body, where the post lives, the versions of the packages that
// compile and highlight it, and the source of our own plugins. It is used only while the image
// files it read (for their sizes and copy keys) are unchanged.

/** Packages whose output is in the compiled code. */
const PIPELINE_PACKAGES = [
  'next-mdx-remote',
  '@mdx-js/mdx',
  'remark-gfm',
  'rehype-raw',
  'rehype-slug',
  'rehype-pretty-code',
  'shiki',
  'image-size',
  'beautiful-mermaid',
  'hast-util-from-html',
];
/** Our own modules that shape the compiled code. */
const PIPELINE_SOURCES = ['markdown.ts', 'hast.ts', 'mermaid.ts', 'images.ts', 'image-variants.ts', 'body.ts', 'summary.ts', 'reading.ts', 'shortcodes.ts', 'compile-cache.ts', 'load-cache.ts'];

let pipelineKey: string | undefined;

/** The versions and sources that shape what the content layer caches, hashed once per process. */
export function currentPipelineKey(): string {
  if (pipelineKey) return pipelineKey;
  const hash = createHash('sha256');
  for (const name of PIPELINE_PACKAGES) {
    const manifest = path.resolve(/*turbopackIgnore: true*/ 'node_modules', name, 'package.json');
    hash.update(`${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}\n`);
  }
  for (const name of PIPELINE_SOURCES) {
    // A deployment without the sources cannot change them either.
    const source = path.resolve(/*turbopackIgnore: true*/ 'lib/content', name);
    hash.update(existsSync(source) ? readFileSync(source) : name);
  }
  // The author's settings change bodies too (captions from alt text, mermaid diagrams).
  hash.update(JSON.stringify(siteSettings));
  pipelineKey = hash.digest('hex');
  return pipelineKey;
}

export type CompileStats = { hits: number; misses: number };
/** How this process used the cache, for tests. */
export const compileStats: CompileStats = { hits: 0, misses: 0 };

/**
 * The post's body compiled to the function body next-mdx-remote would run, from the cache when an
 * entry matches. `options` must be built with an `onLocalFile` that adds to `imageFiles`.
 */
export async function cachedCompiledSource(
  post: Post,
  options: NonNullable<MDXRemoteProps['options']>,
  imageFiles: Set<string>,
  identity: string,
): Promise<string> {
  const name = cacheEntryName([
    currentPipelineKey(),
    identity,
    post.source.format,
    post.lang,
    post.slug,
    post.source.bundleDir ?? '',
    JSON.stringify(options.blockJS),
    post.body,
  ]);
  const cached = readStamped<string>('mdx', name);
  if (cached !== undefined) {
    compileStats.hits++;
    return cached;
  }
  compileStats.misses++;
  const { compiledSource } = await serialize(post.body, options, true);
  writeStamped('mdx', name, compiledSource, imageFiles);
  return compiledSource;
}
