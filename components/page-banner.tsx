import type { ReactNode } from 'react';
import { getDefaultBanner, type ResolvedImage } from '@/lib/content';
import { PostImage } from './post-image';

type PageBannerProps = {
  title: string;
  /** The post's `bg_image`; pages without one use the site's default banner. */
  background?: ResolvedImage;
  children?: ReactNode;
};

/** The page-title band of the Hugo theme: the title over a darkened background picture. */
export function PageBanner({ title, background = getDefaultBanner(), children }: PageBannerProps) {
  return (
    <section className="relative isolate overflow-hidden bg-slate-900" data-testid="page-banner">
      <PostImage image={background} alt="" sizes="100vw" preload className="absolute inset-0 -z-10 h-full w-full object-cover opacity-45" />
      <div className="mx-auto max-w-5xl px-4 py-14 text-white sm:py-20">
        <h1 className="max-w-3xl text-3xl leading-tight font-bold tracking-tight text-balance sm:text-4xl">{title}</h1>
        {children ? <div className="mt-4 flex flex-wrap items-center gap-3 text-slate-200">{children}</div> : null}
      </div>
    </section>
  );
}
