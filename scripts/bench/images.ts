/**
 * What the responsive image copies cost to make, and what they look like, per format, effort and
 * width, on real images: each sampled image is scaled to the widths the site makes of it
 * (lib/content/image-variants.ts) and encoded from those pixels with each setting, one at a time
 * (AVIF, which the site made until session 25, beside WebP). Per setting: the encode time, the
 * copies' size against the originals', and their structural similarity to the scaled source (mean
 * SSIM of the luma and of the worst of the three colour channels, which shows colour lost to chroma
 * subsampling; ssim.js at full resolution, on a white background; 1 is identical). Then the copies
 * a build makes with the current settings are made again from the files, one image at a time and
 * then one per core at a time (as scripts/image-copies.ts runs them, though each copy here decodes
 * its file again where the build decodes it once per image), to show what a cold build pays at
 * most. A copy larger than its original is counted too. Not a test.
 *
 *   npm run bench:images -- <folder of images> [--sample 24]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { ssim } from 'ssim.js';
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

/**
 * The chroma subsampling the site's AVIF copies had (until session 25): a JPEG stored at 4:2:0
 * kept it, any other image got full colour resolution. WebP is always 4:2:0.
 */
type ChromaSubsampling = '4:2:0' | '4:4:4';
const avifChromaSubsampling = (metadata: Metadata): ChromaSubsampling => (metadata.format === 'jpeg' && metadata.chromaSubsampling === '4:2:0' ? '4:2:0' : '4:4:4');

type Source = { file: string; bytes: Buffer; widths: number[]; chromaSubsampling: ChromaSubsampling };
const sources: Source[] = [];
for (const file of sample) {
  const bytes = readFileSync(file);
  const metadata = await sharp(bytes).metadata();
  // Every width a copy is made at: a banner's, drawn across the screen, includes the column's.
  if (metadata.width) sources.push({ file, bytes, widths: variantWidths(metadata.width, 'screen'), chromaSubsampling: avifChromaSubsampling(metadata) });
}

type Setting = { format: 'avif' | 'webp'; effort: number; quality: number };
const SETTINGS: Setting[] = [
  { format: 'avif', effort: 0, quality: 50 }, // the site's copies until session 25
  { format: 'avif', effort: 1, quality: 50 },
  { format: 'avif', effort: 2, quality: 50 },
  { format: 'webp', effort: 1, quality: 55 },
  { format: 'webp', effort: 2, quality: 55 },
  { format: 'webp', effort: 3, quality: 55 },
  { format: 'webp', effort: 2, quality: 50 },
  { format: 'webp', effort: 2, quality: 75 },
];
/** Whether a setting is how the site encodes its copies (VARIANT_ENCODING has the formats it makes). */
const isCurrent = (setting: Setting) => Object.entries(VARIANT_ENCODING).some(([format, { quality, effort }]) => format === setting.format && quality === setting.quality && effort === setting.effort);

type Pixels = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };
type RGBA = { data: Uint8ClampedArray; width: number; height: number };

/** The image as a reader sees it for SSIM: over the page's white, as RGBA. */
async function onWhite(image: Sharp): Promise<RGBA> {
  const { data, info } = await image.flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** A source scaled to one width, as the site scales it before encoding, and that picture as a reader sees it. */
async function scaled(source: Source, width: number): Promise<{ pixels: Pixels; reference: RGBA }> {
  const { data, info } = await sharp(source.bytes).rotate().resize({ width, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  const pixels: Pixels = { data, width: info.width, height: info.height, channels: info.channels };
  return { pixels, reference: await onWhite(sharp(data, { raw: pixels })) };
}

function encode(pixels: Pixels, setting: Setting, chromaSubsampling: ChromaSubsampling): Promise<Buffer> {
  const image = sharp(pixels.data, { raw: pixels });
  return setting.format === 'avif'
    ? image.avif({ quality: setting.quality, effort: setting.effort, chromaSubsampling }).toBuffer()
    : image.webp({ quality: setting.quality, effort: setting.effort }).toBuffer();
}

/** One channel of an image (0 red, 1 green, 2 blue) as a grey image, which ssim.js compares as it is. */
function channel(image: RGBA, index: number): RGBA {
  const data = new Uint8ClampedArray(image.data.length);
  for (let at = 0; at < data.length; at += 4) {
    data[at] = data[at + 1] = data[at + 2] = image.data[at + index]!;
    data[at + 3] = 255;
  }
  return { ...image, data };
}

/**
 * Mean SSIM of a copy against the picture it was made from, of the luma and of the worst colour
 * channel, at full resolution (ssim.js would otherwise scale both to 256 px first, where encoding
 * artefacts no longer show), with Bezkrovny's approximation: six times faster than ssim.js's
 * default on a 1440 px copy.
 */
async function similarity(copy: Buffer, reference: RGBA): Promise<{ luma: number; worstChannel: number }> {
  const decoded = await onWhite(sharp(copy));
  const compare = (a: RGBA, b: RGBA) => ssim(a, b, { downsample: false, ssim: 'bezkrovny' }).mssim;
  return { luma: compare(decoded, reference), worstChannel: Math.min(...[0, 1, 2].map((index) => compare(channel(decoded, index), channel(reference, index)))) };
}

const copies = sources.reduce((sum, source) => sum + source.widths.length, 0);
console.log(`${sources.length} images of ${all.length} under ${folder}, ${copies} copies each setting (widths ${[...new Set(sources.flatMap((s) => s.widths))].sort((a, b) => a - b).join(', ')}); libvips on one thread, one image at a time, the encoding alone timed:`);
console.log('| format | quality | effort | encode, all copies (s) | per copy (ms) | copies / originals, bytes | SSIM, luma | SSIM, worst colour channel | copies larger than their original |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
sharp.concurrency(1);
/** The width a copy is made for: a source narrower than the largest width gets its own width, counted with the next. */
const widthSlot = (width: number) => VARIANT_WIDTHS.find((slot) => width <= slot) ?? width;
type Totals = { copies: number; seconds: number; bytes: number; originalBytes: number; luma: number; worstChannel: number; larger: number };
const none = (): Totals => ({ copies: 0, seconds: 0, bytes: 0, originalBytes: 0, luma: 0, worstChannel: 0, larger: 0 });
const bySetting = new Map(SETTINGS.map((setting) => [setting, none()]));
const byWidth = new Map<string, Totals>();
for (const source of sources) {
  for (const width of source.widths) {
    const { pixels, reference } = await scaled(source, width);
    for (const setting of SETTINGS) {
      const started = performance.now();
      const copy = await encode(pixels, setting, source.chromaSubsampling);
      const seconds = (performance.now() - started) / 1000;
      const copyTotals: Totals = { copies: 1, seconds, bytes: copy.length, originalBytes: source.bytes.length, ...(await similarity(copy, reference)), larger: copy.length > source.bytes.length ? 1 : 0 };
      const add = (totals: Totals) => (Object.keys(totals) as (keyof Totals)[]).forEach((key) => (totals[key] += copyTotals[key]));
      add(bySetting.get(setting)!);
      if (isCurrent(setting)) {
        const key = `${setting.format} ${widthSlot(width)}`;
        byWidth.set(key, byWidth.get(key) ?? none());
        add(byWidth.get(key)!);
      }
    }
  }
}
const percent = (totals: Totals) => `${((100 * totals.bytes) / totals.originalBytes).toFixed(0)} %`;
const mean = (totals: Totals, key: 'luma' | 'worstChannel') => (totals[key] / totals.copies).toFixed(4);
for (const [setting, totals] of bySetting) {
  console.log(`| ${setting.format}${isCurrent(setting) ? ' (current)' : ''} | ${setting.quality} | ${setting.effort} | ${totals.seconds.toFixed(1)} | ${((totals.seconds * 1000) / totals.copies).toFixed(0)} | ${percent(totals)} | ${mean(totals, 'luma')} | ${mean(totals, 'worstChannel')} | ${totals.larger} of ${totals.copies} |`);
}

// Which widths cost what, with the current settings (a source narrower than a width is counted with it).
console.log('\n| format | width (up to) | copies | encode (s) | per copy (ms) | copies / originals, bytes | SSIM, luma | SSIM, worst colour channel |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [key, totals] of [...byWidth].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
  const [format, width] = key.split(' ');
  console.log(`| ${format} | ${width} | ${totals.copies} | ${totals.seconds.toFixed(1)} | ${((totals.seconds * 1000) / totals.copies).toFixed(0)} | ${percent(totals)} | ${mean(totals, 'luma')} | ${mean(totals, 'worstChannel')} |`);
}
console.log();

// A cold build makes every copy from its file, one per core at a time (scripts/image-copies.ts).
sharp.concurrency(0);
const cores = os.availableParallelism();
for (const inFlight of [1, cores]) {
  const jobs = sources.flatMap((source) => source.widths.flatMap((width) => VARIANT_FORMATS.map(({ format }) => ({ source, width, format }))));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < jobs.length) {
        const { source, width, format } = jobs[next++]!;
        await sharp(source.bytes).rotate().resize({ width, withoutEnlargement: true })[format](VARIANT_ENCODING[format]).toBuffer();
      }
    }),
  );
  console.log(`current settings, ${VARIANT_FORMATS.map(({ format }) => format).join(' and ')}, ${jobs.length} copies, ${inFlight} at a time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const sizes = sources.map((source) => statSync(source.file).size);
console.log(`originals: ${(sizes.reduce((a, b) => a + b, 0) / 1024 / sources.length).toFixed(0)} KB on average`);
