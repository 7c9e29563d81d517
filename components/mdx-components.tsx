import Link from './link';
import type { ComponentPropsWithoutRef, CSSProperties } from 'react';
import { isExternalHref, isInternalPath } from '@/lib/links';
import { ui, type Lang } from '@/lib/site-config';
import { siteSettings } from '@/lib/site-settings';
import { CODE_HTML_ATTRIBUTE } from '@/lib/content/code-html';
import { drawnImageSizes, VARIANT_KEY_ATTRIBUTE } from '@/lib/content/image-variants';
import { IN_LINK_ATTRIBUTE } from '@/lib/content/images';
import { CopyCodeButton } from './copy-code-button';
import { ResponsiveImage } from './responsive-image';
import { ZoomableImage } from './zoomable-image';

type AnchorProps = ComponentPropsWithoutRef<'a'>;

function Anchor({ href = '', children, ...rest }: AnchorProps) {
  if (isExternalHref(href) && siteSettings.markdown.externalLinksNewTab) {
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

type ImgProps = ComponentPropsWithoutRef<'img'> & { [VARIANT_KEY_ATTRIBUTE]?: string; [IN_LINK_ATTRIBUTE]?: boolean | string };

/**
 * A body image: a local one with its responsive copies (lazy, sized), drawn as wide as its author
 * asked (`drawnWidth`, else its style's width) or across the column; a remote one lazily as it is.
 */
function BodyImage({ src, alt = '', width, height, drawnWidth, [VARIANT_KEY_ATTRIBUTE]: variantKey, [IN_LINK_ATTRIBUTE]: _inLink, ...rest }: ImgProps & { drawnWidth?: string }) {
  const w = Number(width);
  const h = Number(height);
  if (typeof src === 'string' && isInternalPath(src) && w > 0 && h > 0) {
    const sizes = drawnImageSizes(drawnWidth ?? styleWidth(rest.style));
    return <ResponsiveImage src={src} alt={alt} width={w} height={h} variantKey={variantKey} sizes={sizes} span="column" title={rest.title} style={rest.style} />;
  }
  // Remote images are never fetched at build time: the browser loads them lazily.
  return <img src={typeof src === 'string' ? src : undefined} alt={alt} width={width} height={height} loading="lazy" decoding="async" {...rest} />;
}

/** The width an image's style gives it: the size its author wrote (see rehypeBundleFiles). */
function styleWidth(style: CSSProperties | undefined): string | undefined {
  return typeof style?.width === 'string' ? style.width : undefined;
}

type CodeProps = ComponentPropsWithoutRef<'code'> & { [CODE_HTML_ATTRIBUTE]?: string };

/** Inline code as written; a code block's highlighted lines from the HTML the compile made of them (rehypeCodeAsHtml). */
function Code({ [CODE_HTML_ATTRIBUTE]: html, children, ...rest }: CodeProps) {
  if (html === undefined) return <code {...rest}>{children}</code>;
  return <code {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
}

type FigureProps = ComponentPropsWithoutRef<'figure'> & { 'data-rehype-pretty-code-figure'?: string };

/** The element overrides of post bodies, with UI text in the post's language. */
export function mdxComponentsFor(lang: Lang) {
  const strings = ui(lang);
  function Figure({ children, ...rest }: FigureProps) {
    if (rest['data-rehype-pretty-code-figure'] === undefined) return <figure {...rest}>{children}</figure>;
    return (
      <figure {...rest}>
        {children}
        <CopyCodeButton label={strings.copyCode} copiedLabel={strings.copiedCode} />
      </figure>
    );
  }
  const withAnchor = (Tag: 'h2' | 'h3') =>
    function Heading({ id, children, ...rest }: ComponentPropsWithoutRef<'h2'>) {
      return (
        <Tag id={id} {...rest}>
          {children}
          {id ? (
            <a href={`#${id}`} aria-label={strings.linkToSection} className="heading-anchor">
              #
            </a>
          ) : null}
        </Tag>
      );
    };
  // Every body image opens full-screen (wide diagrams cannot be read at a phone's width), but one
  // that is a link (`[![alt](src)](href)`), which leads where its link does.
  // An image its author sized takes that width as the frame around it, which it fills: a share of
  // the column, as it would be without the frame.
  function ZoomableBodyImage(props: ImgProps) {
    if (typeof props.src !== 'string' || !props.src || props[IN_LINK_ATTRIBUTE] !== undefined) return <BodyImage {...props} />;
    const width = styleWidth(props.style);
    const drawnWidth = width === 'auto' ? undefined : width;
    return (
      <ZoomableImage src={props.src} alt={props.alt ?? ''} labels={strings.image} width={drawnWidth}>
        {drawnWidth ? <BodyImage {...props} drawnWidth={drawnWidth} style={{ ...props.style, width: '100%' }} /> : <BodyImage {...props} />}
      </ZoomableImage>
    );
  }
  return { a: Anchor, code: Code, img: ZoomableBodyImage, figure: Figure, h2: withAnchor('h2'), h3: withAnchor('h3') };
}
