import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { readCacheEntry } from '../disk-cache';
import { isAnimatedImage, VARIANT_SETTINGS_ID, VARIANT_SOURCE_TYPES, variantsFit } from './image-variants';

/** What a local image file is: its intrinsic size, and the key of its responsive copies when it gets them. */
export type LocalImageFacts = { width?: number; height?: number; variantKey?: string };

/**
 * An image a page can render: a file this site serves (`src`, read from `file`, with its intrinsic
 * size and responsive copies) or a remote URL.
 */
export type ResolvedImage = ({ kind: 'local'; src: string; file: string } & LocalImageFacts) | { kind: 'remote'; src: string };

/** Marks a body image inside a link (hast property, and the attribute MDX components receive): it leads where its link does, and does not open full-screen. */
export const IN_LINK_PROPERTY = 'dataInLink';
export const IN_LINK_ATTRIBUTE = 'data-in-link';

export type ImageContext = {
  /** The post's bundle folder, when the post is a bundle. */
  bundleDir?: string;
  publicDir: string;
  /** The URL under which the bundle's files are served. */
  bundleUrl: (relativePath: string) => string;
  /** Told of every local image file read, so a cached compilation knows what it depends on. */
  onLocalFile?: (file: string) => void;
  /** Told of each file that would have been a missing image, so a cached reading knows to look again once it is there. */
  onMissingFile?: (file: string) => void;
};

export type ImageResolution = { ok: true; image: ResolvedImage } | { ok: false; message: string };

const REMOTE = /^(?:[a-z][a-z\d+.-]*:)?\/\//i;

/** A picture of the site itself (a banner of its settings), not of a post: a URL, or a file under `public/`. */
export function resolveSiteImage(reference: string, publicDir: string): ImageResolution {
  return resolveImage(reference, { publicDir, bundleUrl: (relative) => `/${relative}` });
}

/**
 * Resolves an image reference the way Hugo does: URLs stay remote (never fetched at build time),
 * `/x.jpg` is under `public/`, and a relative path is a file of the post's bundle, else under `public/`.
 */
export function resolveImage(reference: string, context: ImageContext): ImageResolution {
  const ref = reference.trim();
  if (REMOTE.test(ref) || ref.startsWith('data:')) return { ok: true, image: { kind: 'remote', src: ref } };
  const pathPart = safeDecode(ref.replace(/[?#].*$/, ''));
  if (ref.startsWith('/')) {
    const file = path.join(/*turbopackIgnore: true*/ context.publicDir, pathPart);
    if (!isFileInside(file, context.publicDir)) {
      context.onMissingFile?.(file);
      return { ok: false, message: `image "${ref}" is not a file under public/: add the file or fix the path` };
    }
    return { ok: true, image: { kind: 'local', src: ref, file, ...localFacts(file, context) } };
  }
  const relative = path.posix.normalize(pathPart.replace(/^\.\//, ''));
  if (context.bundleDir) {
    const file = path.join(context.bundleDir, relative);
    if (isFileInside(file, context.bundleDir)) {
      return { ok: true, image: { kind: 'local', src: context.bundleUrl(relative), file, ...localFacts(file, context) } };
    }
  }
  const publicFile = path.join(context.publicDir, relative);
  if (isFileInside(publicFile, context.publicDir)) {
    return { ok: true, image: { kind: 'local', src: `/${relative}`, file: publicFile, ...localFacts(publicFile, context) } };
  }
  if (context.bundleDir) context.onMissingFile?.(path.join(context.bundleDir, relative));
  context.onMissingFile?.(publicFile);
  const where = context.bundleDir ? 'in the post bundle or under public/' : 'under public/';
  return { ok: false, message: `image "${ref}" is not a file ${where}: add the file or fix the path` };
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

function isFileInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return existsSync(file) && statSync(file).isFile();
}

function localFacts(file: string, context: ImageContext): LocalImageFacts {
  context.onLocalFile?.(file);
  return localImageFacts(file);
}

const factsCache = new Map<string, LocalImageFacts>();

/**
 * The disk-cache entry in which the build's image-copies step (lib/image-copies.ts) lists the
 * images it found a copy of no smaller than the original: those are served as they are, with no
 * copies. The list is a function of the images' bytes, the copies' settings and the encoder, so it
 * is kept with the encoded copies, and the step writes it again on a build that starts without it.
 */
export const SERVED_AS_THEY_ARE_ENTRY = 'served-as-they-are.json';

let servedAsTheyAre: ReadonlySet<string> | undefined;

/** The copy keys of the images served as they are, as the last image-copies step listed them. */
export function imagesServedAsTheyAre(): ReadonlySet<string> {
  servedAsTheyAre ??= new Set(JSON.parse(readCacheEntry('img', SERVED_AS_THEY_ARE_ENTRY)?.toString('utf8') ?? '[]') as string[]);
  return servedAsTheyAre;
}

/**
 * An image's intrinsic size and the key of its responsive copies, read once per version of the
 * file (`next dev` sees a replaced image). The key hashes the file's bytes, so the copies' URLs
 * change exactly when the picture does.
 */
export function localImageFacts(file: string): LocalImageFacts {
  const stats = statSync(file);
  const stamp = `${file}\n${stats.size}\n${stats.mtimeMs}`;
  let facts = factsCache.get(stamp);
  if (!facts) {
    const bytes = readFileSync(file);
    try {
      const size = imageSize(bytes);
      const { type } = size;
      // A photo turned by its EXIF orientation is shown (and copied) turned: its sides swap.
      const [width, height] = (size.orientation ?? 1) >= 5 ? [size.height, size.width] : [size.width, size.height];
      const copyKey =
        type && VARIANT_SOURCE_TYPES.has(type) && width > 0 && height > 0 && variantsFit(width, height) && !isAnimatedImage(bytes, type)
          ? createHash('sha256').update(VARIANT_SETTINGS_ID).update('\0').update(bytes).digest('hex').slice(0, 16)
          : undefined;
      facts = { width, height, variantKey: copyKey && !imagesServedAsTheyAre().has(copyKey) ? copyKey : undefined };
    } catch {
      // Not a format image-size knows: rendered as it is, without intrinsic dimensions.
      facts = {};
    }
    factsCache.set(stamp, facts);
    if (facts.variantKey) fileByVariantKey.set(facts.variantKey, file);
  }
  return facts;
}

const fileByVariantKey = new Map<string, string>();

/**
 * The file a copy key was computed from in this process. `next dev` reads posts again only when
 * posts/ changes, so a page can still ask for the copies of an image replaced since.
 */
export function fileOfVariantKey(key: string): string | undefined {
  return fileByVariantKey.get(key);
}
