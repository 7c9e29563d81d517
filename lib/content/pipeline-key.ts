import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hashFileTree } from '../disk-cache';
import { siteSettings } from '../site-settings';

// The key of everything that shapes what the content layer caches (post index, body facts,
// compiled bodies, feed HTML), in a module of its own: reading a cached fact must not load the
// compiler.

let sourceTreeKey: string | undefined;

/** Every file under lib/, the lockfile and site.config.json, hashed once per process: code does not change while it runs. */
function currentSourceTreeKey(): string {
  if (sourceTreeKey) return sourceTreeKey;
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(path.relative(process.cwd(), file)).update('\0').update(existsSync(file) ? readFileSync(file) : 'absent').update('\0');
  hashFileTree(hash, process.cwd(), path.resolve(/*turbopackIgnore: true*/ 'lib'));
  add(path.resolve(/*turbopackIgnore: true*/ 'package-lock.json'));
  add(path.resolve(/*turbopackIgnore: true*/ 'site.config.json'));
  sourceTreeKey = hash.digest('hex');
  return sourceTreeKey;
}

/**
 * The key of all the code and settings that read content: every file under lib/ (URLs, the
 * pipeline, its plugins), the lockfile (every package's version), site.config.json and the
 * settings as this process holds them now. A cache keyed by it cannot miss a source that shapes
 * what it keeps, since none is listed by hand; an edit anywhere under lib/ makes every entry stale.
 */
export function currentPipelineKey(): string {
  // Asked for by every cache lookup of a build (tens of thousands for 1000 posts): the environment
  // is read once, and the key made again only when the settings change.
  const settings = JSON.stringify(siteSettings);
  if (pipelineKey?.settings === settings) return pipelineKey.key;
  const hash = createHash('sha256').update(currentSourceTreeKey());
  // The settings as read (site.config.json with the defaults of what it leaves out), and as the
  // import completes them before it checks what it imported.
  hash.update(settings);
  // And what the environment overrides of them (SITE_URL): a build for another address must not
  // take entries made for the first one's. (The folders the BLOG_* variables name are in each
  // cache's own key; builds, `next dev` and checks share entries, whatever NODE_ENV says.)
  environmentOverrides ??= JSON.stringify(
    Object.entries(process.env)
      .filter(([name]) => name.startsWith('SITE_'))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  hash.update(environmentOverrides);
  pipelineKey = { settings, key: hash.digest('hex') };
  return pipelineKey.key;
}

/** The environment this process started with, as far as it overrides settings. */
let environmentOverrides: string | undefined;
let pipelineKey: { settings: string; key: string } | undefined;

/** The kinds of the disk cache whose every entry is keyed by the pipeline. */
export const PIPELINE_CACHE_KINDS = ['facts', 'tree', 'mdx', 'feed-html', 'og'] as const;
export type PipelineCacheKind = (typeof PIPELINE_CACHE_KINDS)[number];

/** The current key's folder name within each of those kinds. */
export function pipelineGeneration(): string {
  return currentPipelineKey().slice(0, 16);
}

/**
 * Where a kind keyed by the pipeline keeps its entries: one folder per key, so that a build can
 * remove the entries of code and settings no longer in use (`keepGenerations` in
 * lib/disk-cache.ts) instead of keeping every entry every edit under lib/ ever made.
 */
export function pipelineCacheKind(kind: PipelineCacheKind): string {
  return `${kind}/${pipelineGeneration()}`;
}
