import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskCacheDir } from '@/lib/disk-cache';
import { loadContent } from '@/lib/content/load';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';

describe('the disk cache of what reading a body tells (production builds)', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('BLOG_CACHE_DIR', mkdtempSync(path.join(tmpdir(), 'blog-cache-')));
  });
  afterEach(() => vi.unstubAllEnvs());

  const site = () =>
    makeSite({
      'posts/en/a/index.md': post('title: A\ndate: 2024-01-01', '![Map](map.png)\n\nSome words to count here.'),
      'posts/en/a/map.png': TINY_PNG,
    });
  const entries = () => readdirSync(diskCacheDir('facts'));

  it('is used by the next read, and not once an image it checked is gone', () => {
    const root = site();
    const first = loadContent(optionsFor(root)).posts.en[0]!;
    expect(first.reading.words).toBe(5);
    expect(entries()).toHaveLength(1);

    // Mark the entry: a read that uses it shows the mark.
    const file = path.join(diskCacheDir('facts'), entries()[0]!);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...entry, value: { ...entry.value, reading: { words: 999, minutes: 9 } } }));
    expect(loadContent(optionsFor(root)).posts.en[0]!.reading.words).toBe(999);

    // The image is replaced: the facts are read again from the body.
    utimesSync(path.join(root, 'posts/en/a/map.png'), new Date(), new Date(Date.now() + 5_000));
    expect(loadContent(optionsFor(root)).posts.en[0]!.reading.words).toBe(5);

    // The image is deleted: it is reported as it would be without a cache.
    rmSync(path.join(root, 'posts/en/a/map.png'));
    expect(loadContent(optionsFor(root)).warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('"map.png" is not a file') })]);
  });

  it('keeps nothing for a body with problems', () => {
    const root = makeSite({ 'posts/en/b.md': post('title: B\ndate: 2024-01-01', '![Gone](/images/gone.png)') });
    expect(loadContent(optionsFor(root)).warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('gone.png') })]);
    expect(() => entries()).toThrow();
  });
});
