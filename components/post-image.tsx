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

/** A post's hero: a local image with its responsive copies, or a remote URL as it is (never fetched at build time). */
export function PostImage({ image, alt, sizes, className, preload = false }: PostImageProps) {
  return image.kind === 'local' ? (
    <ResponsiveImage
      src={image.src}
      alt={alt}
      width={image.width}
      height={image.height}
      variantKey={image.variantKey}
      sizes={sizes}
      preload={preload}
      className={className}
    />
  ) : (
    <ResponsiveImage src={image.src} alt={alt} sizes={sizes} preload={preload} className={className} />
  );
}
