import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { watchedContentVersion } from '@/lib/content/version';

// Open pages in `next dev` ask for the posts folder's fingerprint four times a second; it is
// walked again only when the folder's watcher has seen a change, and trusted for at most 2 s.
describe('the posts folder fingerprint in next dev', () => {
  const changesWithin = async (dir: string, change: () => void) => {
    const before = watchedContentVersion(dir);
    change();
    // Well under the 2 s after which it would walk the folder anyway.
    await vi.waitFor(() => expect(watchedContentVersion(dir)).not.toBe(before), { timeout: 1000, interval: 20 });
  };

  it('follows a saved post, a new bundle and a file in it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blog-version-'));
    writeFileSync(path.join(dir, 'a.md'), 'one');
    await changesWithin(dir, () => writeFileSync(path.join(dir, 'a.md'), 'two!'));
    await changesWithin(dir, () => mkdirSync(path.join(dir, 'en', 'new-post'), { recursive: true }));
    await changesWithin(dir, () => writeFileSync(path.join(dir, 'en', 'new-post', 'index.md'), 'hello'));
    await changesWithin(dir, () => writeFileSync(path.join(dir, 'en', 'new-post', 'index.md'), 'hello again'));
  });
});
