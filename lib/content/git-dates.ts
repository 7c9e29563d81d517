import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { cacheEntryName, keepNewestEntries, readSerialized, writeSerialized } from '../disk-cache';
import { parseAuthorDate, type AuthorDate } from './dates';

// When a file was last changed, from git, as Hugo's enableGitInfo reads it: for a post without a
// `lastmod`, the date of the last commit that changed it. A commit that only adds a file (its
// first, or the one that imported a whole Hugo site) is not a change to it: a post is "updated"
// once it is edited after it was written. One `git log` per process, for every file at once.

export type GitDates = {
  /** The last change of each file (absolute path) that changed after it was added. */
  changed: ReadonlyMap<string, AuthorDate>;
  /** Why there are none, when git could not tell (said once in the build output). */
  unavailable?: string;
};

const known = new Map<string, GitDates>();

function git(args: string[], cwd: string): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** The git dates of the files under these folders (read once per process). */
export function gitDatesUnder(dirs: readonly string[]): GitDates {
  const key = dirs.join('\0');
  const cached = known.get(key);
  if (cached) return cached;
  const dates = readGitDates(dirs);
  known.set(key, dates);
  // Said once per process: the threads that read bodies beside it (readBodyFactsOnEveryCore) read the dates too.
  if (dates.unavailable && isMainThread) console.log(`Last-modified dates come from front matter only: ${dates.unavailable}.`);
  return dates;
}

export type Checkout = { root?: string; shallow?: boolean; head?: string };

/** The checkout holding `dir`, as `git rev-parse` tells: its top folder, whether it is shallow, its HEAD commit. */
export function checkoutOf(dir: string): Checkout {
  const read = readCheckout(dir);
  if (read !== 'ask git') return read;
  // One call for the three answers; a repository without commits has no HEAD, and fails it.
  const [root, shallow, head] = (git(['rev-parse', '--show-toplevel', '--is-shallow-repository', 'HEAD'], dir) ?? git(['rev-parse', '--show-toplevel', '--is-shallow-repository'], dir))?.trim().split('\n') ?? [];
  return { root, shallow: shallow === 'true', head };
}

/**
 * The same answers read from the repository's files, which saves starting git in every process
 * that reads posts (25-100 ms each). Anything unusual (GIT_DIR and friends, a HEAD or ref this does
 * not know, an unreadable file) is left to git.
 */
function readCheckout(dir: string): Checkout | 'ask git' {
  if (Object.keys(process.env).some((name) => name.startsWith('GIT_'))) return 'ask git';
  try {
    let root = path.resolve(dir);
    while (!existsSync(path.join(root, '.git'))) {
      const parent = path.dirname(root);
      if (parent === root) return {};
      root = parent;
    }
    const dotGit = path.join(root, '.git');
    // A worktree's or a submodule's `.git` is a file naming its git folder; a worktree's names the
    // main one in `commondir`, where branches, packed refs and `shallow` live.
    const gitDir = statSync(dotGit).isDirectory() ? dotGit : path.resolve(root, /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1] ?? '');
    const commonFile = path.join(gitDir, 'commondir');
    const commonDir = existsSync(commonFile) ? path.resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
    const shallow = existsSync(path.join(commonDir, 'shallow'));
    const headFile = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40,64}$/.test(headFile)) return { root, shallow, head: headFile };
    const ref = /^ref: (refs\/heads\/\S+)$/.exec(headFile)?.[1];
    if (!ref) return 'ask git';
    const loose = path.join(commonDir, ref);
    if (existsSync(loose)) {
      const head = readFileSync(loose, 'utf8').trim();
      return /^[0-9a-f]{40,64}$/.test(head) ? { root, shallow, head } : 'ask git';
    }
    const packedFile = path.join(commonDir, 'packed-refs');
    const packed = existsSync(packedFile) ? readFileSync(packedFile, 'utf8') : '';
    const head = packed.split('\n').find((line) => line.endsWith(` ${ref}`))?.split(' ')[0];
    // A branch with no commit yet has no ref at all.
    return { root, shallow, head: head && /^[0-9a-f]{40,64}$/.test(head) ? head : undefined };
  } catch {
    return 'ask git';
  }
}

function readGitDates(dirs: readonly string[]): GitDates {
  const [dir = process.cwd()] = dirs;
  const { root, shallow, head } = checkoutOf(dir);
  if (!root) return { changed: new Map(), unavailable: `${path.relative(process.cwd(), dir) || dir} is not in a git checkout` };
  if (shallow) {
    return { changed: new Map(), unavailable: 'this is a shallow clone, whose history is cut short (fetch it whole with git fetch --unshallow)' };
  }
  if (!head) return readChangedFiles(root, dirs, dir);
  // The dates follow from the commits alone: kept on disk by the commit they were read at, as
  // every process of a build or of `next dev` asks (a long history's log takes 0.1 s or more).
  const name = cacheEntryName(['git-dates', head, root, ...dirs]);
  const kept = readSerialized<GitDates>('git-dates', name);
  if (kept) return kept;
  const dates = readChangedFiles(root, dirs, dir);
  if (!dates.unavailable) {
    writeSerialized('git-dates', name, dates);
    keepNewestEntries('git-dates', 4);
  }
  return dates;
}

/** The last change of each file under the folders, from `git log` of the checkout at `root`. */
function readChangedFiles(root: string, dirs: readonly string[], dir: string): GitDates {
  // Newest first: the first commit naming a file is its last change. NUL-separated, so that any
  // file name reads as written.
  const log = git(['log', '--no-renames', '--diff-filter=M', '--format=%x01%aI', '--name-only', '-z', '--', ...dirs], dir);
  if (log === undefined) return { changed: new Map(), unavailable: 'git log failed' };
  const changed = new Map<string, AuthorDate>();
  for (const commit of log.split('\x01').slice(1)) {
    // `\x01<date>\0\n<file>\0<file>\0`
    const [dateLine = '', ...files] = commit.split('\0');
    const date = parseAuthorDate(dateLine.trim());
    if (!date) continue;
    for (const file of files) {
      const name = file.replace(/^\n/, '');
      if (!name) continue;
      const absolute = path.join(root, name);
      if (!changed.has(absolute)) changed.set(absolute, date);
    }
  }
  return { changed };
}
