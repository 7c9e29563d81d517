import { readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';

/**
 * A fingerprint of everything under the posts folder (file count, sizes, latest change), cheap
 * enough to take on every request in `next dev`: when it changes, the content is read again.
 *
 * The latest change counts folders as well as files, and each one's ctime as well as its mtime:
 * a rename or a deletion changes only its folder, and a file put back with its old mtime (`cp -p`,
 * `rsync -t`, an editor that keeps times) has a new ctime, which nothing can set back.
 */
export function contentVersion(postsDir: string): string {
  let files = 0;
  let bytes = 0;
  let latest = 0;
  const changed = (full: string) => {
    const stats = statSync(full);
    latest = Math.max(latest, stats.mtimeMs, stats.ctimeMs);
    return stats;
  };
  const visit = (dir: string) => {
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
  return `${files}-${bytes}-${latest}`;
}

type Watched = { version: string; takenAt: number; changed: boolean; watching: boolean };

const watchedFolders = new Map<string, Watched>();

/** How long a fingerprint is trusted without a walk, in case the watcher missed a change. */
const TRUST_MS = 2000;

/**
 * contentVersion, walked again only once something under the folder has changed: a watcher
 * marks the change, so open pages can ask often without walking every post each time. Where the
 * folder cannot be watched it walks every time, and it walks at least every two seconds anyway.
 */
export function watchedContentVersion(postsDir: string): string {
  let folder = watchedFolders.get(postsDir);
  if (!folder) {
    folder = { version: '', takenAt: 0, changed: true, watching: false };
    watchedFolders.set(postsDir, folder);
    watchFolder(postsDir, folder);
  }
  if (folder.changed || !folder.watching || performance.now() - folder.takenAt > TRUST_MS) {
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
  } catch {
    folder.watching = false;
  }
}
