import 'server-only';
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
 * One responsive copy of a local image: `file` scaled to `width` pixels and encoded as `format`.
 * Encoding is most of what images cost a build, so copies are kept in the disk cache (in every
 * mode: an entry's name covers the source bytes, the settings and the encoder), and a rebuild
 * encodes only images that changed. Changing how a copy is made here? Bump VARIANT_MAKING_VERSION
 * in lib/content/image-variants.ts, so the copies get new URLs.
 */
export async function renderImageVariant(file: string, width: number, format: VariantFormat): Promise<Uint8Array<ArrayBuffer>> {
  const source = readFileSync(file);
  const name = cacheEntryName([encoderVersion(), VARIANT_SETTINGS_ID, String(width), source], format);
  const cached = readCacheEntry('img', name);
  if (cached) return new Uint8Array(cached);
  const encoded = await sharp(source).rotate().resize({ width, withoutEnlargement: true })[format](VARIANT_ENCODING[format]).toBuffer();
  writeCacheEntry('img', name, encoded);
  return new Uint8Array(encoded);
}
