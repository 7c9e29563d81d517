import { readdirSync, statSync } from 'node:fs';
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
