import type { ResolvedImage } from '@/lib/content';
import type { ImageSpan } from '@/lib/content/image-variants';
import { ResponsiveImage } from './responsive-image';

type PostImageProps = {
  image: ResolvedImage;
  alt: string;
  sizes: string;
  /** In the text column (heroes, thumbnails) or across the screen (banners). */
  span: ImageSpan;
  className?: string;
  /** The largest image above the fold: load it first. */
  preload?: boolean;
};

/**
 * A post's hero or banner: a local image with its responsive copies, or a remote URL as it is
 * (never fetched at build time).
 */
export function PostImage({ image, alt, sizes, span, className, preload = false }: PostImageProps) {
  const local = image.kind === 'local' ? image : undefined;
  return (
    <ResponsiveImage
      src={image.src}
      alt={alt}
      width={local?.width}
      height={local?.height}
      variantKey={local?.variantKey}
      sizes={sizes}
      span={span}
      preload={preload}
      className={className}
    />
  );
}
