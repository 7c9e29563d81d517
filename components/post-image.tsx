import type { ResolvedImage } from '@/lib/content';
import { ResponsiveImage } from './responsive-image';

type PostImageProps = {
  image: ResolvedImage;
  alt: string;
  sizes: string;
  className?: string;
  /** The largest image above the fold: load it first. */
  preload?: boolean;
};

/**
 * A post's hero or banner: a local image with its responsive copies, or a remote URL as it is
 * (never fetched at build time).
 */
export function PostImage({ image, alt, sizes, className, preload = false }: PostImageProps) {
  const local = image.kind === 'local' ? image : undefined;
  return (
    <ResponsiveImage
      src={image.src}
      alt={alt}
      width={local?.width}
      height={local?.height}
      variantKey={local?.variantKey}
      sizes={sizes}
      preload={preload}
      className={className}
    />
  );
}
