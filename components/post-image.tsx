import Image from 'next/image';
import type { ResolvedImage } from '@/lib/content';

type PostImageProps = {
  image: ResolvedImage;
  alt: string;
  sizes: string;
  className?: string;
  /** The largest image above the fold: load it first. */
  preload?: boolean;
};

/** A local image through next/image with its intrinsic size; a remote one as a lazy `<img>`. */
export function PostImage({ image, alt, sizes, className, preload = false }: PostImageProps) {
  if (image.kind === 'local' && image.width && image.height) {
    return (
      <Image
        src={image.src}
        alt={alt}
        width={image.width}
        height={image.height}
        sizes={sizes}
        preload={preload}
        className={className}
      />
    );
  }
  return <img src={image.src} alt={alt} loading={preload ? 'eager' : 'lazy'} decoding="async" className={className} />;
}
