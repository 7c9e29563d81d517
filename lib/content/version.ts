import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A fingerprint of everything under the posts folder (file count, sizes, latest change), cheap
 * enough to take on every request in `next dev`: when it changes, the content is read again.
 */
export function contentVersion(postsDir: string): string {
  let files = 0;
  let bytes = 0;
  let latest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(/*turbopackIgnore: true*/ dir, entry.name);
      if (entry.isDirectory()) {
        visit(full);
      } else if (entry.isFile()) {
        const stats = statSync(full);
        files++;
        bytes += stats.size;
        latest = Math.max(latest, stats.mtimeMs);
      }
    }
  };
  visit(postsDir);
  return `${files}-${bytes}-${latest}`;
}
