import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'next-mdx-remote/serialize';
import type { MDXRemoteProps } from 'next-mdx-remote/rsc';
import { readCacheEntry, writeCacheEntry } from '../disk-cache';
import type { Post } from './load';

// Compiled post bodies kept on disk between builds (see disk-cache.ts): a rebuild after editing
// one post compiles (and highlights) only that post. An entry is
// found by the hash of everything that shapes the output: the body, where the post lives, the
// versions of the packages that compile and highlight it, and the source of our own plugins. It
// is used only while the image files it read (for their sizes) are unchanged.

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
];
/** Our own modules that shape the compiled code. */
const PIPELINE_SOURCES = ['markdown.ts', 'hast.ts', 'images.ts', 'body.ts', 'summary.ts', 'reading.ts', 'compile-cache.ts', 'load-cache.ts'];

const CACHE_KIND = 'mdx';

export type FileStamp = { file: string; size: number; mtimeMs: number };
type CacheEntry = { code: string; files: FileStamp[] };

let pipelineKey: string | undefined;

/** The versions and sources the compiled code depends on, hashed once per process. */
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
  pipelineKey = hash.digest('hex');
  return pipelineKey;
}

export function stamp(file: string): FileStamp | undefined {
  try {
    const stats = statSync(file);
    return { file, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

function readEntry(name: string): CacheEntry | undefined {
  let entry: CacheEntry;
  try {
    entry = JSON.parse(readCacheEntry(CACHE_KIND, name)?.toString('utf8') ?? '') as CacheEntry;
  } catch {
    return undefined;
  }
  return stampsHold(entry.files) ? entry : undefined;
}

/** Every file is still as it was when the entry was written. */
export function stampsHold(files: readonly FileStamp[]): boolean {
  return files.every((known) => {
    const now = stamp(known.file);
    return now !== undefined && now.size === known.size && now.mtimeMs === known.mtimeMs;
  });
}

export type CompileStats = { hits: number; misses: number };
/** How this process used the cache; the build prints it, and tests read it. */
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
  const key = createHash('sha256')
    .update(currentPipelineKey())
    .update(`\n${identity}\n${post.source.format}\n${post.lang}\n${post.slug}\n${post.source.bundleDir ?? ''}\n${JSON.stringify(options.blockJS)}\n`)
    .update(post.body)
    .digest('hex');
  const name = `${key}.json`;
  const cached = readEntry(name);
  if (cached) {
    compileStats.hits++;
    return cached.code;
  }
  compileStats.misses++;
  const { compiledSource } = await serialize(post.body, options, true);
  const entry: CacheEntry = { code: compiledSource, files: [...imageFiles].flatMap((image) => stamp(image) ?? []) };
  writeCacheEntry(CACHE_KIND, name, JSON.stringify(entry));
  return compiledSource;
}
