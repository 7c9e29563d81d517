import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';

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
  // Build workers, and threads of one process, may write the same entry at once: write aside,
  // then rename into place.
  const file = path.join(dir, name);
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

export type FileStamp = { file: string; size: number; mtimeMs: number };

function stamp(file: string): FileStamp | undefined {
  try {
    const stats = statSync(file);
    return { file, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

type Stamped<T> = { value: T; files: FileStamp[] };

/** The size and change time of each file, to tell later whether any of them changed. */
export function stampFiles(files: Iterable<string>): FileStamp[] {
  return [...files].flatMap((file) => stamp(file) ?? []);
}

/** Whether every stamped file is still there, unchanged. */
export function stampsHold(files: readonly FileStamp[]): boolean {
  return files.every((known) => {
    const now = stamp(known.file);
    return now !== undefined && now.size === known.size && now.mtimeMs === known.mtimeMs;
  });
}

/** The name of an entry: the hash of everything that shaped it. */
export function cacheEntryName(parts: ReadonlyArray<string | Uint8Array>, extension = 'json'): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return `${hash.digest('hex')}.${extension}`;
}

/** A value kept with the files it was made from, while they are all unchanged. */
export function readStamped<T>(kind: string, name: string): T | undefined {
  const data = readCacheEntry(kind, name);
  if (!data) return undefined;
  try {
    const entry = JSON.parse(data.toString('utf8')) as Stamped<T>;
    return stampsHold(entry.files) ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

export function writeStamped<T>(kind: string, name: string, value: T, files: Iterable<string>): void {
  const entry: Stamped<T> = { value, files: stampFiles(files) };
  writeCacheEntry(kind, name, JSON.stringify(entry));
}

/**
 * A value kept as V8 serializes it (dates, maps and sets come back as they were), read back as a
 * fresh copy on every read: callers may change what they get.
 */
export function readSerialized<T>(kind: string, name: string): T | undefined {
  const data = readCacheEntry(kind, name);
  if (!data) return undefined;
  try {
    return deserialize(data) as T;
  } catch {
    return undefined;
  }
}

export function writeSerialized<T>(kind: string, name: string, value: T): void {
  writeCacheEntry(kind, name, serialize(value));
}

/** `names` in `dir`, the last modified first; a name gone meanwhile is left out. */
function newestFirst(dir: string, names: readonly string[]): string[] {
  const byAge = names.flatMap((name) => {
    try {
      return [{ name, mtimeMs: statSync(path.join(dir, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  return byAge.sort((a, b) => b.mtimeMs - a.mtimeMs).map(({ name }) => name);
}

/**
 * Removes all but the newest entries of a kind: for results of the whole site, which every save
 * in `next dev` replaces, so that the folder does not grow with each one.
 */
export function keepNewestEntries(kind: string, count: number): void {
  const dir = diskCacheDir(kind);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => !name.endsWith('.tmp'));
  } catch {
    return;
  }
  for (const name of newestFirst(dir, names).slice(count)) rmSync(path.join(dir, name), { force: true });
}

/**
 * Removes what a kind kept for other generations of the code (see pipelineCacheKind in
 * lib/content/pipeline-key.ts): every generation's folder but `current` and the `others` written
 * to last (`next dev` or a check may run with other settings beside the builds), and any entry
 * from before the kind had folders. Returns how many folders and entries it removed.
 */
export function keepGenerations(kind: string, current: string, others: number): number {
  const dir = diskCacheDir(kind);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  const generations = entries.filter((entry) => entry.isDirectory() && entry.name !== current).map((entry) => entry.name);
  const removed = [...newestFirst(dir, generations).slice(others), ...entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name)];
  for (const name of removed) rmSync(path.join(dir, name), { recursive: true, force: true });
  return removed.length;
}

/**
 * Adds every file under `dir` to `hash`, in name order: its path from `root` ('/' between
 * folders) and its bytes. `skip` is asked about each file and folder by that path, a folder's
 * ending in '/'. For keys made from code: the pipeline's (lib/content/pipeline-key.ts) and the
 * build id (lib/build-id.ts).
 */
export function hashFileTree(hash: Hash, root: string, dir: string, skip: (relative: string) => boolean = () => false): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(/*turbopackIgnore: true*/ dir, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (!skip(`${relative}/`)) hashFileTree(hash, root, full, skip);
    } else if (entry.isFile() && !skip(relative)) {
      hash.update(relative).update('\0').update(readFileSync(full)).update('\0');
    }
  }
}
