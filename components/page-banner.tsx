import type { ReactNode } from 'react';
import type { ResolvedImage } from '@/lib/content';
import { PostImage } from './post-image';

type PageBannerProps = {
  title: string;
  /** The picture behind the title: a post's `bg_image`, a section's banner, or the site's default. */
  background: ResolvedImage;
  /** Shown under the title (a post's `subtitle`). */
  subtitle?: string;
  /** The photo's credit, shown on it (beautifulhugo's `bigimg` `desc`). */
  credit?: string;
  children?: ReactNode;
};

/** The page-title band of the Hugo theme: the title over a darkened background picture. */
export function PageBanner({ title, background, subtitle, credit, children }: PageBannerProps) {
  return (
    <section className="relative isolate overflow-hidden bg-slate-900" data-testid="page-banner">
      <PostImage image={background} alt="" sizes="100vw" span="screen" preload className="absolute inset-0 -z-10 h-full w-full object-cover opacity-45" />
      <div className="mx-auto max-w-5xl px-4 py-14 text-white sm:py-20">
        <h1 className="max-w-3xl text-3xl leading-tight font-bold tracking-tight text-balance sm:text-4xl">{title}</h1>
        {subtitle ? <p className="mt-3 max-w-3xl text-lg text-balance text-slate-100" data-testid="subtitle">{subtitle}</p> : null}
        {children ? <div className="mt-4 flex flex-wrap items-center gap-3 text-slate-200">{children}</div> : null}
      </div>
      {credit ? (
        <p className="absolute right-3 bottom-2 max-w-[60%] truncate text-xs text-slate-300" data-testid="banner-credit">
          {credit}
        </p>
      ) : null}
    </section>
  );
}
