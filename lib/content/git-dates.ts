import { spawnSync } from 'node:child_process';
import path from 'node:path';
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
  if (dates.unavailable) console.log(`Last-modified dates come from front matter only: ${dates.unavailable}.`);
  return dates;
}

function readGitDates(dirs: readonly string[]): GitDates {
  const [dir = process.cwd()] = dirs;
  // One call for the three answers; a repository without commits has no HEAD, and fails it.
  const [root, shallow, head] = (git(['rev-parse', '--show-toplevel', '--is-shallow-repository', 'HEAD'], dir) ?? git(['rev-parse', '--show-toplevel', '--is-shallow-repository'], dir))?.trim().split('\n') ?? [];
  if (!root) return { changed: new Map(), unavailable: `${path.relative(process.cwd(), dir) || dir} is not in a git checkout` };
  if (shallow === 'true') {
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
