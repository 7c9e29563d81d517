import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the last build's pages wait to be removed: under .next/cache, which `next build` keeps
 * (it empties the rest of .next before compiling) and hosting providers carry between builds.
 */
export function staleBuildsDir(projectDir: string): string {
  return path.join(projectDir, '.next', 'cache', 'blog-stale');
}

/**
 * Moves the last build's server output (.next/server: every prerendered page, some 23,000 files
 * for 1,000 posts) out of `next build`'s way at once, and removes it, with anything an
 * interrupted build left there, while the build goes on. `next build` removed those files one by
 * one before compiling: 2-4 s of a rebuild of 1,000 posts on this machine. Resolves when all of
 * it is gone.
 */
export function setAsideLastBuild(projectDir: string): Promise<void> {
  const stale = staleBuildsDir(projectDir);
  const server = path.join(projectDir, '.next', 'server');
  if (existsSync(server)) {
    mkdirSync(stale, { recursive: true });
    renameSync(server, path.join(stale, `server-${Date.now()}-${process.pid}`));
  }
  const names = existsSync(stale) ? readdirSync(stale) : [];
  return Promise.all(names.map((name) => rm(path.join(stale, name), { recursive: true, force: true }))).then(() => undefined);
}
