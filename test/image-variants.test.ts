import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAnimatedImage, parseVariantFileName, variantFileName, variantWidths } from '@/lib/content/image-variants';
import { localImageFacts } from '@/lib/content/images';
import { renderImageCopies } from '@/lib/image-variant-render';

/** One copy, as the dev server makes it on request. */
async function renderImageVariant(file: string, width: number, format: 'webp') {
  return (await renderImageCopies(file, [width], format)).get(width)!;
}

const dir = mkdtempSync(path.join(tmpdir(), 'blog-variants-'));

async function imageFile(name: string, image: Sharp): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await image.toBuffer());
  return file;
}

const canvas = (width: number, height: number, red = 200) =>
  sharp({ create: { width, height, channels: 3, background: { r: red, g: 80, b: 40 } } });

describe('responsive copies', () => {
  it('are made at the standard widths below the file, and at the file width capped by where it is drawn', () => {
    expect(variantWidths(480, 'column')).toEqual([480]);
    expect(variantWidths(960, 'column')).toEqual([640, 960]);
    expect(variantWidths(1200, 'column')).toEqual([640, 960, 1200]);
    // The text column is at most 720 CSS px: 1440 px at 2× density.
    expect(variantWidths(1600, 'column')).toEqual([640, 960, 1440]);
    expect(variantWidths(4000, 'column')).toEqual([640, 960, 1440]);
    // A banner is drawn across the screen.
    expect(variantWidths(1600, 'screen')).toEqual([640, 960, 1440, 1600]);
    expect(variantWidths(4000, 'screen')).toEqual([640, 960, 1440, 1920]);
  });

  it('are named by key, width and format, and only such names are read back', () => {
    const name = variantFileName('0123456789abcdef', 640, 'webp');
    expect(name).toBe('0123456789abcdef-640.webp');
    expect(parseVariantFileName(name)).toEqual({ key: '0123456789abcdef', width: 640, format: 'webp' });
    // A copy in a format the site no longer makes (AVIF until session 25) is no copy of it.
    for (const bad of ['0123456789abcdef-640.png', '0123456789abcdef-640.avif', '../0123456789abcdef-640.webp', '0123456789ABCDEF-640.webp', '0123456789abcdef-.webp']) {
      expect(parseVariantFileName(bad)).toBeUndefined();
    }
  });

  it('are keyed by the picture: the same bytes share a key, a changed picture gets a new one', async () => {
    const first = localImageFacts(await imageFile('a.png', canvas(1200, 630).png()));
    const copy = localImageFacts(await imageFile('copy-of-a.png', canvas(1200, 630).png()));
    const changed = localImageFacts(await imageFile('b.png', canvas(1200, 630, 10).png()));
    expect(first).toEqual({ width: 1200, height: 630, variantKey: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(copy.variantKey).toBe(first.variantKey);
    expect(changed.variantKey).not.toBe(first.variantKey);
  });

  it('are not made of SVG or GIF files, which are shown as they are', async () => {
    const svg = path.join(dir, 'logo.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>');
    expect(localImageFacts(svg)).toEqual({ width: 40, height: 20, variantKey: undefined });
    const gif = localImageFacts(await imageFile('anim.gif', canvas(40, 20).gif()));
    expect(gif.variantKey).toBeUndefined();
  });

  it('are not made of animated WebP or PNG files, which would lose their animation', async () => {
    const frames = [await canvas(20, 10, 10).png().toBuffer(), await canvas(20, 10, 250).png().toBuffer()];
    const animatedWebp = await imageFile('moving.webp', sharp(frames, { join: { animated: true } }).webp());
    expect(localImageFacts(animatedWebp)).toEqual({ width: 20, height: 10, variantKey: undefined });
    const stillWebp = await imageFile('still.webp', canvas(20, 10).webp());
    expect(localImageFacts(stillWebp).variantKey).toMatch(/^[0-9a-f]{16}$/);
    // An APNG is a PNG with an acTL chunk before its image data.
    const png = await canvas(20, 10).png().toBuffer();
    const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
    const acTL = Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from('acTL'), Buffer.alloc(8), Buffer.alloc(4)]);
    const apng = Buffer.concat([png.subarray(0, ihdrEnd), acTL, png.subarray(ihdrEnd)]);
    expect(isAnimatedImage(apng, 'png')).toBe(true);
    expect(isAnimatedImage(png, 'png')).toBe(false);
  });

  it('are not made of an image whose copies would be taller than WebP allows, which is shown as it is', async () => {
    // A long screenshot of a page: 16,383 px is WebP's largest side.
    expect(localImageFacts(await imageFile('long.png', canvas(600, 20000).png()))).toEqual({ width: 600, height: 20000, variantKey: undefined });
    // As tall, but its widest copy (1920 px) is not.
    expect(localImageFacts(await imageFile('wide.png', canvas(3000, 20000).png())).variantKey).toMatch(/^[0-9a-f]{16}$/);
  });

  it('take a photo turned by its EXIF orientation the way browsers show it', async () => {
    const file = await imageFile('turned.jpg', canvas(40, 20).jpeg().withMetadata({ orientation: 6 }));
    expect(localImageFacts(file)).toMatchObject({ width: 20, height: 40 });
    const copy = await sharp(await renderImageVariant(file, 20, 'webp')).metadata();
    expect([copy.width, copy.height]).toEqual([20, 40]);
  });
});

describe('renderImageCopies', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'blog-variant-cache-'));
    process.env.BLOG_CACHE_DIR = cacheDir;
  });
  afterEach(() => {
    delete process.env.BLOG_CACHE_DIR;
  });

  it('encodes WebP at the asked width, keeping proportions', async () => {
    const file = await imageFile('hero.png', canvas(1200, 630).png());
    const webp = await sharp(await renderImageVariant(file, 640, 'webp')).metadata();
    expect([webp.format, webp.width, webp.height]).toEqual(['webp', 640, 336]);
    const wide = await sharp(await renderImageVariant(file, 960, 'webp')).metadata();
    expect([wide.width, wide.height]).toEqual([960, 504]);
  });

  it('makes every width asked for from one reading of the file, turned and in sRGB colours', async () => {
    // A print-ready JPEG in CMYK, turned by its EXIF orientation.
    const file = await imageFile('print.jpg', canvas(1600, 800).toColourspace('cmyk').jpeg().withMetadata({ orientation: 6 }));
    const copies = await renderImageCopies(file, [400, 640, 800], 'webp');
    for (const [width, height] of [[400, 800], [640, 1280], [800, 1600]] as const) {
      const copy = sharp(copies.get(width)!);
      expect(await copy.metadata()).toMatchObject({ format: 'webp', width, height, space: 'srgb' });
      // The colours sharp reads from the file itself (CMYK turned into sRGB), within what lossy WebP
      // keeps (its 8-bit YUV moves this flat colour by up to 8; CMYK read as RGB would be far off).
      const [r, g, b] = await copy.raw().toBuffer();
      const expected = await sharp(file).rotate().resize({ width }).raw().toBuffer();
      expect(Math.max(...[r, g, b].map((value, index) => Math.abs(value! - expected[index]!)))).toBeLessThanOrEqual(10);
    }
  });

  it('encodes each copy once: a second build reads it from the disk cache', async () => {
    const file = await imageFile('cached.png', canvas(800, 400).png());
    const first = await renderImageVariant(file, 640, 'webp');
    const entries = readdirSync(path.join(cacheDir, 'blog-img'));
    expect(entries).toHaveLength(1);
    // A cache entry is what the next build serves: prove it by changing it.
    writeFileSync(path.join(cacheDir, 'blog-img', entries[0]!), Buffer.from('from the cache'));
    expect(Buffer.from(await renderImageVariant(file, 640, 'webp')).toString()).toBe('from the cache');
    expect(first.byteLength).toBeGreaterThan(100);
  });
});
