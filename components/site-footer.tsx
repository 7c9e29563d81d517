import { siteConfig, type Lang } from '@/lib/site-config';

type SiteFooterProps = { lang: Lang };

export function SiteFooter({ lang }: SiteFooterProps) {
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm text-ink-faint">
        <p className="font-medium text-ink-soft">{siteConfig.title[lang]}</p>
        <p className="mt-1">{siteConfig.description[lang]}</p>
      </div>
    </footer>
  );
}
