import Image from 'next/image';
import Link from 'next/link';
import type { ComponentPropsWithoutRef } from 'react';
import { isExternalHref, isInternalPath } from '@/lib/links';

type AnchorProps = ComponentPropsWithoutRef<'a'>;

function Anchor({ href = '', children, ...rest }: AnchorProps) {
  if (isExternalHref(href)) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" {...rest}>
        {children}
      </a>
    );
  }
  if (isInternalPath(href)) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}

type ImgProps = ComponentPropsWithoutRef<'img'>;

function BodyImage({ src, alt = '', width, height, ...rest }: ImgProps) {
  const w = Number(width);
  const h = Number(height);
  if (typeof src === 'string' && isInternalPath(src) && w > 0 && h > 0) {
    return (
      <Image src={src} alt={alt} width={w} height={h} sizes="(min-width: 768px) 720px, 100vw" title={rest.title} />
    );
  }
  // Remote images are never fetched at build time: the browser loads them lazily.
  return <img src={typeof src === 'string' ? src : undefined} alt={alt} width={width} height={height} loading="lazy" decoding="async" {...rest} />;
}

export const mdxComponents = {
  a: Anchor,
  img: BodyImage,
};
