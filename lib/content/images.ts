import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

/** An image a page can render: a file this site serves (with its intrinsic size) or a remote URL. */
export type ResolvedImage =
  | { kind: 'local'; src: string; width?: number; height?: number }
  | { kind: 'remote'; src: string };

export type ImageContext = {
  /** The post's bundle folder, when the post is a bundle. */
  bundleDir?: string;
  publicDir: string;
  /** The URL under which the bundle's files are served. */
  bundleUrl: (relativePath: string) => string;
  /** Told of every local image file read, so a cached compilation knows what it depends on. */
  onLocalFile?: (file: string) => void;
};

export type ImageResolution = { ok: true; image: ResolvedImage } | { ok: false; message: string };

const REMOTE = /^(?:[a-z][a-z\d+.-]*:)?\/\//i;

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
      return { ok: false, message: `image "${ref}" is not a file under public/: add the file or fix the path` };
    }
    return { ok: true, image: { kind: 'local', src: ref, ...localDimensions(file, context) } };
  }
  const relative = path.posix.normalize(pathPart.replace(/^\.\//, ''));
  if (context.bundleDir) {
    const file = path.join(context.bundleDir, relative);
    if (isFileInside(file, context.bundleDir)) {
      return { ok: true, image: { kind: 'local', src: context.bundleUrl(relative), ...localDimensions(file, context) } };
    }
  }
  const publicFile = path.join(context.publicDir, relative);
  if (isFileInside(publicFile, context.publicDir)) {
    return { ok: true, image: { kind: 'local', src: `/${relative}`, ...localDimensions(publicFile, context) } };
  }
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

function localDimensions(file: string, context: ImageContext): { width?: number; height?: number } {
  context.onLocalFile?.(file);
  return dimensionsOf(file);
}

const dimensionCache = new Map<string, { width?: number; height?: number }>();

/** An image's intrinsic size, read once per version of the file (`next dev` sees a replaced image). */
function dimensionsOf(file: string): { width?: number; height?: number } {
  const stats = statSync(file);
  const key = `${file}\n${stats.size}\n${stats.mtimeMs}`;
  let dimensions = dimensionCache.get(key);
  if (!dimensions) {
    try {
      const { width, height } = imageSize(readFileSync(file));
      dimensions = { width, height };
    } catch {
      // Not a format image-size knows: rendered without intrinsic dimensions.
      dimensions = {};
    }
    dimensionCache.set(key, dimensions);
  }
  return dimensions;
}
