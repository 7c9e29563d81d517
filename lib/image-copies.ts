import 'server-only';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getImageVariant, getImageVariantFileNames } from '@/lib/content';
import { parseVariantFileName, type VariantFormat } from '@/lib/content/image-variants';
import { imagesServedAsTheyAre, SERVED_AS_THEY_ARE_ENTRY } from '@/lib/content/images';
import { writeCacheEntry } from '@/lib/disk-cache';
import { renderImageCopies } from '@/lib/image-variant-render';
import { IMAGE_VARIANT_FOLDER } from '@/lib/urls';

/** Where `npm run build` writes the copies: served as files by `next start`, copied into a static export. */
export function imageCopiesDir(publicDir: string): string {
  return path.join(publicDir, IMAGE_VARIANT_FOLDER);
}

export type ImageCopiesReport = { made: number; kept: number; removed: number; servedAsTheyAre: number };

/**
 * A file this step wrote, in any format it has made (`<key>-<width>.<format>`), or was writing
 * when a run was stopped (`.<pid>.tmp` after it). Anything else in the folder is the author's.
 */
const OWN_FILE = /^[0-9a-f]{16}-\d{1,5}\.[a-z0-9]+(?:\.\d+\.tmp)?$/;

/**
 * Writes every responsive copy the site's pages name into `dir`, once per copy, `concurrency`
 * pictures at a time (each decoded once for all its copies), before `next build` renders the pages
 * (which then only name them). A copy already there is kept: its name hashes the source and the
 * settings. Copies no page names any more are removed. Encoded copies also go to the disk cache
 * in .next/cache, which hosting providers keep between builds. An image with a copy no smaller
 * than its original gets none (serveLargerAsTheyAre). The folder is the build's own: any other
 * file in it is an error naming the file.
 */
export async function writeImageCopies(dir: string, concurrency: number): Promise<ImageCopiesReport> {
  mkdirSync(dir, { recursive: true });
  const wanted = new Set(getImageVariantFileNames());
  const names = readdirSync(dir);
  const strangers = names.filter((name) => !OWN_FILE.test(name));
  if (strangers.length) {
    throw new Error(
      `${strangers.map((name) => path.join(dir, name)).join(', ')}: ${dir} is where the build writes the images' responsive copies, ` +
        'and it removes what it did not make. Move these files to another folder under public/ and change the links to them.',
    );
  }
  const present = new Set(names.filter((name) => wanted.has(name) && statSync(path.join(dir, name)).size > 0));
  const unwanted = names.filter((name) => !present.has(name));
  for (const name of unwanted) rmSync(path.join(dir, name), { force: true });
  const missing = [...wanted].filter((name) => !present.has(name));
  // One job per picture: its file is decoded once for all its missing copies.
  const jobs = new Map<string, { file: string; format: VariantFormat; names: Map<number, string> }>();
  for (const name of missing) {
    const variant = getImageVariant(name);
    if (!variant) throw new Error(`${name}: no image of the site has this copy (a defect of the content layer)`);
    const job = `${variant.file}\0${variant.format}`;
    if (!jobs.has(job)) jobs.set(job, { file: variant.file, format: variant.format, names: new Map() });
    jobs.get(job)!.names.set(variant.width, name);
  }
  const queue = [...jobs.values()];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const copies = await renderImageCopies(job.file, [...job.names.keys()], job.format);
      for (const [width, name] of job.names) {
        const file = path.join(dir, name);
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, copies.get(width)!);
        renameSync(partial, file);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  const servedAsTheyAre = serveLargerAsTheyAre(dir, wanted);
  return { made: missing.length, kept: present.size, removed: unwanted.length, servedAsTheyAre };
}

/**
 * No copy larger than its original: an image with any copy (made now or kept) no smaller than its
 * file is served as it is, its copies removed and its key listed for the pages, which then name
 * none (see imagesServedAsTheyAre). Returns how many images this build added to the list.
 */
function serveLargerAsTheyAre(dir: string, wanted: ReadonlySet<string>): number {
  const larger = new Set<string>();
  for (const name of wanted) {
    const variant = getImageVariant(name)!;
    if (statSync(path.join(dir, name)).size >= statSync(variant.file).size) larger.add(parseVariantFileName(name)!.key);
  }
  if (!larger.size) return 0;
  for (const name of wanted) if (larger.has(parseVariantFileName(name)!.key)) rmSync(path.join(dir, name), { force: true });
  writeCacheEntry('img', SERVED_AS_THEY_ARE_ENTRY, JSON.stringify([...new Set([...imagesServedAsTheyAre(), ...larger])].sort()));
  return larger.size;
}
