import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { VARIANT_ENCODING, VARIANT_SETTINGS_ID, type VariantFormat } from '@/lib/content/image-variants';
import { cacheEntryName, readCacheEntry, writeCacheEntry } from '@/lib/disk-cache';

let sharpVersion: string | undefined;

/** Encoders change their output between releases: cached copies are kept per sharp and libvips version. */
function encoderVersion(): string {
  sharpVersion ??= JSON.stringify({ sharp: readPackageVersion('sharp'), libvips: sharp.versions.vips });
  return sharpVersion;
}

function readPackageVersion(name: string): string {
  const manifest = path.resolve(/*turbopackIgnore: true*/ 'node_modules', name, 'package.json');
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The responsive copies of a local image: `file` scaled to each of `widths` and encoded as
 * `format`, by width. The file is decoded, turned by its EXIF orientation and scaled once, to the
 * widest copy asked for; the narrower ones are scaled from that (decoding and scaling were a third
 * of a copy's cost when each copy read the file again). Encoding is most of what images cost a
 * build, so copies are kept in the disk cache (in every mode: an entry's name covers the source
 * bytes, the settings and the encoder), and a rebuild encodes only images that changed. Changing
 * how a copy is made here? Bump VARIANT_MAKING_VERSION in lib/content/image-variants.ts, so the
 * copies get new URLs.
 */
export async function renderImageCopies(file: string, widths: readonly number[], format: VariantFormat): Promise<Map<number, Uint8Array<ArrayBuffer>>> {
  const source = readFileSync(file);
  // The file's bytes hashed once for all its widths' entry names.
  const sourceDigest = createHash('sha256').update(source).digest();
  const entryName = (width: number) => cacheEntryName([encoderVersion(), VARIANT_SETTINGS_ID, String(width), sourceDigest], format);
  const copies = new Map<number, Uint8Array<ArrayBuffer>>();
  for (const width of widths) {
    const cached = readCacheEntry('img', entryName(width));
    if (cached) copies.set(width, new Uint8Array(cached));
  }
  const missing = widths.filter((width) => !copies.has(width)).sort((a, b) => b - a);
  if (!missing.length) return copies;
  const encoding = VARIANT_ENCODING[format];
  // Raw 8-bit sRGB pixels: sharp has already applied the file's colour profile, CMYK included.
  const widest = await sharp(source).rotate().resize({ width: missing[0], withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  const { width: widestWidth, height, channels } = widest.info;
  for (const width of missing) {
    const scaled = sharp(widest.data, { raw: { width: widestWidth, height, channels } });
    const encoded = await (width < widestWidth ? scaled.resize({ width }) : scaled)[format](encoding).toBuffer();
    writeCacheEntry('img', entryName(width), encoded);
    copies.set(width, new Uint8Array(encoded));
  }
  return copies;
}
