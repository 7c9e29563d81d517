import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Build results kept on disk between production builds, under .next/cache where hosting
// providers keep Next's own cache, so a rebuild redoes only what changed. Each kind of result
// has its own folder; an entry's name is the hash of everything that shaped it.

export function diskCacheDir(kind: string): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.BLOG_CACHE_DIR ?? '.next/cache', `blog-${kind}`);
}

export function readCacheEntry(kind: string, name: string): Buffer | undefined {
  try {
    return readFileSync(path.join(diskCacheDir(kind), name));
  } catch {
    return undefined;
  }
}

export function writeCacheEntry(kind: string, name: string, data: string | Uint8Array): void {
  const dir = diskCacheDir(kind);
  mkdirSync(dir, { recursive: true });
  // Build workers may write the same entry at once: write aside, then rename into place.
  const file = path.join(dir, name);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}
