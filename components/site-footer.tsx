import Link from 'next/link';
import { siteConfig, ui, type Lang } from '@/lib/site-config';

type SiteFooterProps = { lang: Lang; pages: ReadonlyArray<{ title: string; href: string }> };

/** The site's name and description, and its standalone pages (about, contact...) in this language. */
export function SiteFooter({ lang, pages }: SiteFooterProps) {
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm text-ink-faint">
        <p className="font-medium text-ink-soft">{siteConfig.title[lang]}</p>
        <p className="mt-1">{siteConfig.description[lang]}</p>
        {pages.length ? (
          <nav aria-label={ui(lang).sitePages} className="mt-4">
            <ul className="flex flex-wrap gap-x-5 gap-y-2">
              {pages.map((page) => (
                <li key={page.href}>
                  <Link href={page.href} className="inline-block py-1 text-ink-soft underline-offset-4 hover:text-accent hover:underline">
                    {page.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </footer>
  );
}
