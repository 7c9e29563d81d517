import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskCacheDir } from '@/lib/disk-cache';
import { readContent } from '@/lib/content/load';
import { readPostIndex, type PostIndex } from '@/lib/content/posts';
import { siteSettings } from '@/lib/site-settings';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';

/** TINY_PNG with another width in its header (image-size reads the header only). */
function pngOfWidth(width: number): Buffer {
  const png = Buffer.from(TINY_PNG);
  png.writeUInt32BE(width, 16);
  return png;
}

describe('the post index kept on disk (next dev, npm run check)', () => {
  beforeEach(() => vi.stubEnv('BLOG_CACHE_DIR', mkdtempSync(path.join(tmpdir(), 'blog-cache-'))));
  afterEach(() => vi.unstubAllEnvs());

  const cached = (root: string, now?: Date) => optionsFor(root, { diskCache: true, ...(now ? { now } : {}) });
  const titles = (root: string, now?: Date) => readPostIndex(cached(root, now)).posts.map((entry) => entry.title).sort();
  const entries = () => readdirSync(diskCacheDir('index'));

  it('is what the next reader gets while no file changed, and is read again after an edit', () => {
    const root = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') });
    expect(titles(root)).toEqual(['A']);
    expect(entries()).toHaveLength(1);

    // Mark the kept index: a reader that uses it shows the mark.
    const file = path.join(diskCacheDir('index'), entries()[0]!);
    const kept = deserialize(readFileSync(file)) as { index: PostIndex };
    kept.index.posts[0]!.title = 'Marked';
    writeFileSync(file, serialize(kept));
    expect(titles(root)).toEqual(['Marked']);

    writeFileSync(path.join(root, 'posts/en/a.md'), post('title: A, edited\ndate: 2024-01-01'));
    expect(titles(root)).toEqual(['A, edited']);
  });

  it('sees a new post, a renamed one and a deleted one', () => {
    const root = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') });
    expect(titles(root)).toEqual(['A']);
    writeFileSync(path.join(root, 'posts/en/b.md'), post('title: B\ndate: 2024-01-02'));
    expect(titles(root)).toEqual(['A', 'B']);
    renameSync(path.join(root, 'posts/en/b.md'), path.join(root, 'posts/en/c.md'));
    expect(readPostIndex(cached(root)).posts.map((entry) => entry.slug).sort()).toEqual(['a', 'c']);
    rmSync(path.join(root, 'posts/en/a.md'));
    expect(titles(root)).toEqual(['B']);
  });

  it('keeps the last few indexes only, however many times a post is saved', () => {
    const root = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') });
    for (let save = 1; save <= 8; save++) {
      writeFileSync(path.join(root, 'posts/en/a.md'), post(`title: A, save ${save}\ndate: 2024-01-01`));
      expect(titles(root)).toEqual([`A, save ${save}`]);
    }
    expect(entries().length).toBeLessThanOrEqual(4);
  });

  it('is not what a process for another site address reads (SITE_URL)', async () => {
    const root = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') });
    expect(titles(root)).toEqual(['A']);
    vi.stubEnv('SITE_URL', 'https://elsewhere.example');
    vi.resetModules();
    const fresh = await import('@/lib/content/posts');
    fresh.readPostIndex(cached(root));
    expect(entries()).toHaveLength(2);
  });

  it('is not what the same process reads once its settings change (the import completes them)', () => {
    const root = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') });
    const original = [...siteSettings.embedOrigins];
    try {
      readPostIndex(cached(root));
      siteSettings.embedOrigins = ['https://player.bilibili.com'];
      readPostIndex(cached(root));
      expect(entries()).toHaveLength(2);
    } finally {
      siteSettings.embedOrigins = original;
    }
  });

  it('measures a hero image again when the image under public/ is replaced', () => {
    const root = makeSite({
      'posts/en/a.md': post('title: A\ndate: 2024-01-01\nimage: /images/hero.png'),
      'public/images/hero.png': pngOfWidth(1),
    });
    const heroWidth = () => {
      const image = readPostIndex(cached(root)).posts[0]?.image;
      return image?.kind === 'local' ? image.width : undefined;
    };
    expect(heroWidth()).toBe(1);
    writeFileSync(path.join(root, 'public/images/hero.png'), pngOfWidth(640));
    expect(heroWidth()).toBe(640);
  });

  it('publishes a scheduled post once its date has come, with the same files', () => {
    const root = makeSite({ 'posts/en/soon.md': post('title: Soon\ndate: 2025-06-01') });
    const status = (now: Date) => readPostIndex(cached(root, now)).posts[0]?.status;
    expect(status(new Date('2025-01-01T00:00:00Z'))).toBe('scheduled');
    expect(status(new Date('2025-07-01T00:00:00Z'))).toBe('published');
    expect(status(new Date('2025-01-02T00:00:00Z'))).toBe('scheduled');
  });

  it('gives the site the same posts, terms and problems as a read without it', () => {
    const files = {
      'posts/en/a.md': post('title: A\ndate: 2024-01-01\ntags: [Go, go]\naliases: [/old/a]'),
      'posts/en/b.md': post('title: B\ndate: 2024-01-02\nimage: missing.png'),
      'posts/zh/a.md': post('title: 甲\ndate: 2024-01-01\ntranslationKey: a'),
      'posts/en/bad.md': post('title: [unclosed\ndate: 2024-01-01'),
    };
    const root = makeSite(files);
    const plain = readPostIndex(optionsFor(root));
    readPostIndex(cached(root));
    expect(readPostIndex(cached(root))).toEqual(plain);
    const withCache = readContent(cached(root));
    const without = readContent(optionsFor(root));
    expect(withCache.content.terms).toEqual(without.content.terms);
    expect(withCache.problems).toEqual(without.problems);
    expect(withCache.content.warnings).toEqual(without.content.warnings);
  });
});
