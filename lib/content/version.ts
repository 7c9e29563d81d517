import { readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';

/**
 * A fingerprint of everything under the posts folder (folder and file counts, sizes, latest
 * change), cheap enough to take on every request in `next dev`: when it changes, the content is
 * read again. The counts catch a folder made or removed within the file system's clock tick
 * (a few milliseconds), which leaves every time as it was.
 *
 * The latest change counts folders as well as files, and each one's ctime as well as its mtime:
 * a rename or a deletion changes only its folder, and a file put back with its old mtime (`cp -p`,
 * `rsync -t`, an editor that keeps times) has a new ctime, which nothing can set back.
 */
export function contentVersion(postsDir: string): string {
  let folders = 0;
  let files = 0;
  let bytes = 0;
  let latest = 0;
  const changed = (full: string) => {
    const stats = statSync(full);
    latest = Math.max(latest, stats.mtimeMs, stats.ctimeMs);
    return stats;
  };
  const visit = (dir: string) => {
    folders++;
    changed(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(/*turbopackIgnore: true*/ dir, entry.name);
      if (entry.isDirectory()) {
        visit(full);
      } else if (entry.isFile()) {
        files++;
        bytes += changed(full).size;
      }
    }
  };
  visit(postsDir);
  return `${folders}-${files}-${bytes}-${latest}`;
}

type Watched = { version: string; takenAt: number; changed: boolean; watching: boolean; watchedSince: number; asked: number };

const watchedFolders = new Map<string, Watched>();

/** How long a fingerprint is trusted without a walk, in case the watcher missed a change. */
const TRUST_MS = 2000;

/**
 * How long a new watcher is not trusted: Node's recursive watcher on Linux walks the folder in
 * the background to watch each subfolder, and misses what changes meanwhile.
 */
const SETTLE_MS = 1000;

/**
 * contentVersion, walked again only once something under the folder has changed: a watcher
 * marks the change, so open pages can ask often without walking every post each time. Where the
 * folder cannot be watched it walks every time, and it walks at least every two seconds anyway.
 *
 * The watcher starts when the folder is asked about a second time: a process that asks once (the
 * worker `next dev` starts for a route's params) does not pay for watching every file under it.
 */
export function watchedContentVersion(postsDir: string): string {
  let folder = watchedFolders.get(postsDir);
  if (!folder) {
    folder = { version: '', takenAt: 0, changed: true, watching: false, watchedSince: 0, asked: 0 };
    watchedFolders.set(postsDir, folder);
  }
  folder.asked++;
  if (folder.asked === 2) watchFolder(postsDir, folder);
  const now = performance.now();
  const trusted = folder.watching && now - folder.watchedSince > SETTLE_MS && now - folder.takenAt <= TRUST_MS;
  if (folder.changed || !trusted) {
    folder.changed = false;
    folder.version = contentVersion(postsDir);
    folder.takenAt = performance.now();
  }
  return folder.version;
}

function watchFolder(postsDir: string, folder: Watched): void {
  try {
    const watcher = watch(postsDir, { recursive: true, persistent: false }, () => {
      folder.changed = true;
    });
    watcher.on('error', () => {
      folder.watching = false;
      watcher.close();
    });
    folder.watching = true;
    folder.watchedSince = performance.now();
  } catch {
    folder.watching = false;
  }
}
