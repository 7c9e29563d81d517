// The responsive copies of local images, written to public/_img before `next build` (see
// lib/image-copies.ts) and served as files, so `next start` and a static export need no image
// server; `next dev` makes them on request (app/%5Fimg). A copy's name
// is `<key>-<width>.<format>`: the key hashes the source file and these settings, so a changed
// image or setting gets a new URL and every copy can be cached forever.

/** Marks a body image that has copies (hast property, and the prop the image component receives). */
export const VARIANT_KEY_PROPERTY = 'dataVariantKey';
export const VARIANT_KEY_ATTRIBUTE = 'data-variant-key';

export type VariantFormat = 'webp';

export type VariantFormatInfo = { format: VariantFormat; type: string };

/** The best format, preloaded for the hero. */
export const BEST_VARIANT_FORMAT: VariantFormatInfo = { format: 'webp', type: 'image/webp' };

/**
 * The formats copies are made in, best first (a browser takes the first `<source>` whose type it
 * reads). WebP only: every current browser reads it (Chrome since 2014, Firefox 2019, Safari 2020),
 * and one that does not gets the original, as the site's Hugo build served everyone. Against the
 * AVIF copies the site made before (at libaom's fastest setting), WebP copies of the same
 * pictures are as small, look at least as close to their source and cost 30 % less to encode
 * (see VARIANT_ENCODING); they are also cheaper for a phone to decode.
 */
export const VARIANT_FORMATS: readonly VariantFormatInfo[] = [BEST_VARIANT_FORMAT];

/** Widths a copy is made at: a 412 px phone at 1.75× takes 960, a 720 px column at 2× takes 1440. */
export const VARIANT_WIDTHS: readonly number[] = [640, 960, 1440, 1920];

/**
 * Where a page draws an image, which bounds the copies worth making: in the text column (body
 * images, heroes, list thumbnails: at most 720 CSS px, so 1440 px at 2× density) or across the
 * screen (the page banners, `sizes="100vw"`: 1920 px). A browser picks from `sizes`, so a body
 * image's 1920 px copy was never fetched below 3× density; it was 8 % of the real site's copies
 * and a quarter of their encoding.
 */
export type ImageSpan = 'column' | 'screen';

const LARGEST_VARIANT_WIDTH: Readonly<Record<ImageSpan, number>> = { column: 1440, screen: 1920 };

/** The text column: as wide as it gets (CSS px), from the screen width (CSS px) up at which it is. */
const COLUMN = { width: 720, fromScreen: 768 };

/** How wide an image in the text column is drawn, for a browser to pick its copy. */
export const COLUMN_IMAGE_SIZES = `(min-width: ${COLUMN.fromScreen}px) ${COLUMN.width}px, 100vw`;

/**
 * `sizes` for a body image drawn at the width its author wrote (its style, `60%` or `300px`; see
 * rehypeBundleFiles): a part of the column, so that the browser fetches a smaller copy. Any other
 * width is taken as the whole column, which only ever fetches a larger copy than needed.
 */
export function drawnImageSizes(width: string | undefined): string {
  const match = /^(\d+(?:\.\d+)?)(px|%)$/.exec(width ?? '');
  if (!match) return COLUMN_IMAGE_SIZES;
  const value = Number(match[1]);
  if (match[2] === '%') {
    return value >= 100 ? COLUMN_IMAGE_SIZES : `(min-width: ${COLUMN.fromScreen}px) ${Math.ceil((COLUMN.width * value) / 100)}px, ${value}vw`;
  }
  return value >= COLUMN.width ? COLUMN_IMAGE_SIZES : `(max-width: ${value}px) 100vw, ${value}px`;
}

/**
 * How copies are encoded, chosen from `npm run bench:images` on a real site's images, which puts
 * the copies' size, their structural similarity to the scaled source (SSIM) and the encoding time
 * side by side (docs/benchmarks.md, session 25). On jimmysong.io's screenshots, diagrams and
 * photos, WebP at quality 55 and effort 2 against the AVIF copies made until then (quality 50,
 * effort 0, full colour resolution but for 4:2:0 JPEGs): 22.5 % of the originals' bytes against
 * 22.9 %, SSIM 0.9887 against 0.9852 (its worst colour channel 0.9716 against 0.9687), 28 ms of
 * encoding a copy against 40. Effort 3 or more costs twice the time for 1 % of the bytes. WebP
 * keeps colour at half resolution: on the sample site's few flat, saturated diagrams its worst
 * colour channel is lower (0.956 against 0.967) for copies a fifth smaller.
 */
export const VARIANT_ENCODING = {
  webp: { quality: 55, effort: 2 },
} as const;

/** WebP's largest side: an image whose widest copy would be taller is served as it is. */
const WEBP_MAX_SIDE = 16383;

/** Whether every copy an image of this size could get fits the format (see WEBP_MAX_SIDE). */
export function variantsFit(width: number, height: number): boolean {
  return (height * Math.min(width, LARGEST_VARIANT_WIDTH.screen)) / width <= WEBP_MAX_SIDE;
}

/** Source formats worth re-encoding, unless animated (see isAnimatedImage); SVG stays vector and GIF keeps its animation. */
export const VARIANT_SOURCE_TYPES: ReadonlySet<string> = new Set(['jpg', 'png', 'webp', 'avif', 'tiff']);

/**
 * Bump when lib/image-variant-render.ts changes how a copy is made (orientation, resizing...):
 * copies are cached forever under their URL, so a different making needs different URLs.
 */
const VARIANT_MAKING_VERSION = 2;

/** What the key hashes besides the file: change any setting above and every URL changes. */
export const VARIANT_SETTINGS_ID = JSON.stringify({ VARIANT_MAKING_VERSION, VARIANT_FORMATS, VARIANT_WIDTHS, VARIANT_ENCODING });

/**
 * Whether an image file holds an animation, which a still copy would lose: an APNG (`acTL`
 * chunk before the image data), a WebP with the animation flag of its VP8X header, an AVIF image
 * sequence (`avis` brand).
 */
export function isAnimatedImage(bytes: Uint8Array, type: string): boolean {
  const text = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
  if (type === 'png') {
    for (let at = 8; at + 8 <= bytes.length; ) {
      const length = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
      const name = text(at + 4, 4);
      if (name === 'acTL') return true;
      if (name === 'IDAT' || name === 'IEND') return false;
      at += 12 + length;
    }
    return false;
  }
  if (type === 'webp') return text(12, 4) === 'VP8X' && ((bytes[20] ?? 0) & 0x02) !== 0;
  if (type === 'avif') return text(4, 4) === 'ftyp' && text(8, Math.min(64, bytes.length - 8)).includes('avis');
  return false;
}

/**
 * The widths of the copies of an image `intrinsicWidth` pixels wide, drawn across `span`: never
 * wider than the source. The column's widths are the first of the screen's, so an image drawn in
 * both has the screen's copies and each drawing names those it needs.
 */
export function variantWidths(intrinsicWidth: number, span: ImageSpan): number[] {
  const largest = Math.min(intrinsicWidth, LARGEST_VARIANT_WIDTH[span]);
  return [...VARIANT_WIDTHS.filter((width) => width < largest), largest];
}

export function variantFileName(key: string, width: number, format: VariantFormat): string {
  return `${key}-${width}.${format}`;
}

const VARIANT_FILE = /^([0-9a-f]{16})-(\d{1,5})\.(webp)$/;

export function parseVariantFileName(name: string): { key: string; width: number; format: VariantFormat } | undefined {
  const [, key, width, format] = VARIANT_FILE.exec(name) ?? [];
  if (!key || !width || !format) return undefined;
  return { key, width: Number(width), format: format as VariantFormat };
}
