/**
 * What the responsive image copies cost to make, per format, effort and width, on real images:
 * each sampled image is encoded at the widths the site makes of it (lib/content/image-variants.ts)
 * with each setting, one at a time, and the encode time and the copy's size are summed per
 * setting (WebP, which the site no longer makes, beside AVIF); then the copies a build makes with
 * the current settings are made again, one image at a time and then one per core at a time (as
 * scripts/image-copies.ts makes them), to show what a cold build pays. A copy larger than its
 * original is counted too. Not a test.
 *
 *   npm run bench:images -- <folder of images> [--sample 24]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { VARIANT_ENCODING, VARIANT_FORMATS, VARIANT_SOURCE_TYPES, VARIANT_WIDTHS, variantWidths } from '../../lib/content/image-variants';
import { commandOptions } from '../command-line';

const usage = 'npm run bench:images -- <folder of images> [--sample 24]';
const { values, positionals } = commandOptions({ options: { sample: { type: 'string', default: '24' } }, allowPositionals: true }, usage);
const folder = positionals[0];
if (!folder) {
  console.error(`usage: ${usage}`);
  process.exit(2);
}

function imagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && VARIANT_SOURCE_TYPES.has(path.extname(entry.name).slice(1).toLowerCase()))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

// An even spread over the folder (sorted by path), not the first few of one post.
const all = imagesUnder(folder);
const sampleSize = Math.min(all.length, Number(values.sample));
const sample = Array.from({ length: sampleSize }, (_, index) => all[Math.floor((index * all.length) / sampleSize)]!);

type Source = { file: string; bytes: Buffer; widths: number[] };
const sources: Source[] = [];
for (const file of sample) {
  const bytes = readFileSync(file);
  const { width } = await sharp(bytes).metadata();
  // Every width a copy is made at: a banner's, drawn across the screen, includes the column's.
  if (width) sources.push({ file, bytes, widths: variantWidths(width, 'screen') });
}

type Setting = { format: 'avif' | 'webp'; effort: number; quality: number };
/** WebP is not made any more (see VARIANT_FORMATS); measured beside AVIF at the quality it had. */
const WEBP_QUALITY = 75;
const SETTINGS: Setting[] = [
  { format: 'avif', effort: 0, quality: VARIANT_ENCODING.avif.quality },
  { format: 'avif', effort: 1, quality: VARIANT_ENCODING.avif.quality },
  { format: 'avif', effort: 2, quality: VARIANT_ENCODING.avif.quality },
  { format: 'avif', effort: 4, quality: VARIANT_ENCODING.avif.quality },
  { format: 'webp', effort: 2, quality: WEBP_QUALITY },
  { format: 'webp', effort: 4, quality: WEBP_QUALITY },
  { format: 'webp', effort: 6, quality: WEBP_QUALITY },
];

async function encode(source: Source, width: number, setting: Setting): Promise<Buffer> {
  const pipeline = sharp(source.bytes).rotate().resize({ width, withoutEnlargement: true });
  return setting.format === 'avif' ? pipeline.avif({ quality: setting.quality, effort: setting.effort }).toBuffer() : pipeline.webp({ quality: setting.quality, effort: setting.effort }).toBuffer();
}

const copies = sources.reduce((sum, source) => sum + source.widths.length, 0);
const originalBytes = sources.reduce((sum, source) => sum + source.bytes.length * source.widths.length, 0);
console.log(`${sources.length} images of ${all.length} under ${folder}, ${copies} copies each setting (widths ${[...new Set(sources.flatMap((s) => s.widths))].sort((a, b) => a - b).join(', ')}); libvips on one thread, one image at a time:`);
console.log('| format | effort | encode, all copies (s) | per copy (ms) | copies / originals, bytes | copies larger than their original |');
console.log('| --- | --- | --- | --- | --- | --- |');
sharp.concurrency(1);
/** The width a copy is made for: a source narrower than the largest width gets its own width, counted with the next. */
const widthSlot = (width: number) => VARIANT_WIDTHS.find((slot) => width <= slot) ?? width;
type WidthCost = { copies: number; seconds: number; bytes: number; originalBytes: number };
const byWidth = new Map<string, WidthCost>();
for (const setting of SETTINGS) {
  let seconds = 0;
  let bytes = 0;
  let larger = 0;
  const current = VARIANT_FORMATS.some(({ format }) => format === setting.format) && VARIANT_ENCODING.avif.effort === setting.effort;
  for (const source of sources) {
    for (const width of source.widths) {
      const started = performance.now();
      const copy = await encode(source, width, setting);
      const took = (performance.now() - started) / 1000;
      seconds += took;
      bytes += copy.length;
      if (copy.length > source.bytes.length) larger++;
      if (current) {
        const key = `${setting.format} ${widthSlot(width)}`;
        const cost = byWidth.get(key) ?? { copies: 0, seconds: 0, bytes: 0, originalBytes: 0 };
        byWidth.set(key, { copies: cost.copies + 1, seconds: cost.seconds + took, bytes: cost.bytes + copy.length, originalBytes: cost.originalBytes + source.bytes.length });
      }
    }
  }
  console.log(`| ${setting.format} | ${setting.effort}${current ? ' (current)' : ''} | ${seconds.toFixed(1)} | ${((seconds * 1000) / copies).toFixed(0)} | ${((100 * bytes) / originalBytes).toFixed(0)} % | ${larger} of ${copies} |`);
}

// Which widths cost what, with the current settings (a source narrower than a width is counted with it).
console.log('\n| format | width (up to) | copies | encode (s) | per copy (ms) | copies / originals, bytes |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [key, cost] of byWidth) {
  const [format, width] = key.split(' ');
  console.log(`| ${format} | ${width} | ${cost.copies} | ${cost.seconds.toFixed(1)} | ${((cost.seconds * 1000) / cost.copies).toFixed(0)} | ${((100 * cost.bytes) / cost.originalBytes).toFixed(0)} % |`);
}
console.log();

// A cold build makes every copy, one per core at a time (scripts/image-copies.ts).
sharp.concurrency(0);
const cores = os.availableParallelism();
for (const inFlight of [1, cores]) {
  const jobs = sources.flatMap((source) => source.widths.flatMap((width) => VARIANT_FORMATS.map(({ format }) => ({ source, width, setting: { format, ...VARIANT_ENCODING[format] } }))));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        await encode(job.source, job.width, job.setting);
      }
    }),
  );
  console.log(`current settings, ${VARIANT_FORMATS.map(({ format }) => format).join(' and ')}, ${jobs.length} copies, ${inFlight} at a time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const sizes = sources.map((source) => statSync(source.file).size);
console.log(`originals: ${(sizes.reduce((a, b) => a + b, 0) / 1024 / sources.length).toFixed(0)} KB on average`);
