import type { CSSProperties } from 'react';
import { preload } from 'react-dom';
import { BEST_VARIANT_FORMAT, variantFileName, variantWidths, VARIANT_FORMATS, type ImageSpan, type VariantFormat } from '@/lib/content/image-variants';
import { imageVariantPath } from '@/lib/urls';

type ResponsiveImageProps = {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  /** The key of the image's responsive copies; without it the image is shown as it is. */
  variantKey?: string;
  /** How wide the image is drawn, for the browser to pick a copy: `(min-width: 768px) 720px, 100vw`. */
  sizes: string;
  /** Whether `sizes` keeps it in the text column or spreads it across the screen: which copies it names. */
  span: ImageSpan;
  /** The largest image above the fold: fetched first, with high priority. Others load lazily. */
  preload?: boolean;
  className?: string;
  title?: string;
  /** The size its author drew it at, over the column's (see rehypeBundleFiles). */
  style?: CSSProperties;
};

function srcSet(key: string, widths: readonly number[], format: VariantFormat): string {
  return widths.map((width) => `${imageVariantPath(variantFileName(key, width, format))} ${width}w`).join(', ');
}

/**
 * An image with its build-time WebP copies in a `<picture>`: the browser fetches the smallest
 * copy wide enough for `sizes`, and the width and height keep the layout from moving while it
 * loads. The original stays the `<img>`'s own source, for browsers without WebP and for images
 * without copies (SVG, GIF, remote URLs).
 */
export function ResponsiveImage({ src, alt, width, height, variantKey, sizes, span, preload: isHero = false, className, title, style }: ResponsiveImageProps) {
  const image = (
    <img
      src={src}
      alt={alt}
      width={width}
      height={height}
      loading={isHero ? 'eager' : 'lazy'}
      // The first screen's images are small and preloaded: paint them with the text, not a frame later.
      decoding={isHero ? 'sync' : 'async'}
      fetchPriority={isHero ? 'high' : undefined}
      className={className}
      title={title}
      style={style}
    />
  );
  if (!variantKey || !width) return image;
  const widths = variantWidths(width, span);
  if (isHero) {
    // The hero is in the first screen: ask for it with the HTML rather than after the CSS.
    const { format, type } = BEST_VARIANT_FORMAT;
    preload(imageVariantPath(variantFileName(variantKey, Math.min(...widths), format)), {
      as: 'image',
      imageSrcSet: srcSet(variantKey, widths, format),
      imageSizes: sizes,
      type,
      fetchPriority: 'high',
    });
  }
  return (
    <picture>
      {VARIANT_FORMATS.map(({ format, type }) => (
        <source key={format} type={type} srcSet={srcSet(variantKey, widths, format)} sizes={sizes} />
      ))}
      {image}
    </picture>
  );
}
