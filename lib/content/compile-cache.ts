import { serialize } from 'next-mdx-remote/serialize';
import { cacheEntryName, readStamped, writeStamped } from '../disk-cache';
import { currentPipelineKey, pipelineCacheKind } from './pipeline-key';
import type { Post } from './load';
import type { PostCompileInput } from './markdown';

// Compiled post bodies kept on disk between builds (see disk-cache.ts): a rebuild after editing
// one post compiles (and highlights) only that post. An entry is found by the hash of everything
// that shapes the output: the body, where the post lives, the versions of the packages that
// compile and highlight it, and the source of our own plugins. It is used only while the image
// files it read (for their sizes and copy keys) are unchanged.

export type CompileStats = { hits: number; misses: number };
/** How this process used the cache, for tests. */
export const compileStats: CompileStats = { hits: 0, misses: 0 };

/**
 * The post's body compiled to the function body next-mdx-remote would run, from the cache when an
 * entry matches. The input must be built with an `onLocalFile` that adds to `imageFiles`.
 */
export async function cachedCompiledSource(post: Post, { source, options }: PostCompileInput, imageFiles: Set<string>, identity: string): Promise<string> {
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
  const cached = readStamped<string>(pipelineCacheKind('mdx'), name);
  if (cached !== undefined) {
    compileStats.hits++;
    return cached;
  }
  compileStats.misses++;
  const { compiledSource } = await serialize(source, options, true);
  writeStamped(pipelineCacheKind('mdx'), name, compiledSource, imageFiles);
  return compiledSource;
}
