import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeSite, post } from './fixtures';

// No copy larger than its original: a small, already well-compressed picture is served as it is.
let root: string;
let dir: string;

beforeAll(async () => {
  // A flat strip compresses to a few hundred bytes as PNG, less than a lossy WebP of it.
  const strip = await sharp({ create: { width: 700, height: 8, channels: 3, background: { r: 30, g: 30, b: 30 } } }).png({ compressionLevel: 9 }).toBuffer();
  // Noise does not compress: its copies are far smaller than the PNG.
  const noise = await sharp(randomBytes(800 * 400 * 3), { raw: { width: 800, height: 400, channels: 3 } }).png().toBuffer();
  root = makeSite({
    'posts/en/trip/index.md': post('title: Trip\ndate: 2024-01-01', '![A divider](strip.png)\n\n![A photo](noise.png)\n'),
    'posts/en/trip/strip.png': strip,
    'posts/en/trip/noise.png': noise,
  });
  process.env.BLOG_POSTS_DIR = path.join(root, 'posts');
  process.env.BLOG_PAGES_DIR = path.join(root, 'content');
  process.env.BLOG_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'blog-copies-cache-'));
  dir = path.join(root, 'public', '_img');
});

describe('an image whose copy would be larger than the original', () => {
  it('gets no copies: the build lists it, and its pages show the original', async () => {
    const strip = path.join(root, 'posts/en/trip/strip.png');
    const noise = path.join(root, 'posts/en/trip/noise.png');
    const before = await import('@/lib/content');
    const { localImageFacts: factsBefore } = await import('@/lib/content/images');
    const stripKey = factsBefore(strip).variantKey!;
    const noiseKey = factsBefore(noise).variantKey!;
    expect(before.getImageVariantFileNames().some((name) => name.startsWith(stripKey))).toBe(true);

    const { writeImageCopies } = await import('@/lib/image-copies');
    const report = await writeImageCopies(dir, 2);
    expect(report.servedAsTheyAre).toBe(1);
    expect(readdirSync(dir).filter((name) => name.startsWith(stripKey))).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.startsWith(noiseKey)).length).toBeGreaterThan(0);
    for (const name of readdirSync(dir)) expect(readFileSync(path.join(dir, name)).length).toBeLessThan(readFileSync(noise).length);

    // The next build's pages (a new process) name no copy of it, and keep the other's.
    vi.resetModules();
    const after = await import('@/lib/content');
    const { localImageFacts } = await import('@/lib/content/images');
    expect(localImageFacts(strip).variantKey).toBeUndefined();
    expect(localImageFacts(noise).variantKey).toBe(noiseKey);
    expect(after.getImageVariantFileNames().filter((name) => name.startsWith(stripKey))).toEqual([]);
    // ...and its next step keeps it listed, with nothing to make.
    const again = await (await import('@/lib/image-copies')).writeImageCopies(dir, 2);
    expect(again).toMatchObject({ made: 0, servedAsTheyAre: 0 });
    expect(existsSync(path.join(dir, `${stripKey}-700.webp`))).toBe(false);
  });
});
