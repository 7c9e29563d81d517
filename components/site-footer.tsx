import { siteConfig, ui, type Lang } from '@/lib/site-config';
import type { MenuEntry } from '@/lib/site-settings';
import { MenuLink } from './menu-link';

type SiteFooterProps = { lang: Lang; links: readonly MenuEntry[] };

/** The site's name and description, and its footer links: the `footer` menu, else the language's pages (about, contact...). */
export function SiteFooter({ lang, links }: SiteFooterProps) {
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm text-ink-faint">
        <p className="font-medium text-ink-soft">{siteConfig.title[lang]}</p>
        <p className="mt-1">{siteConfig.description[lang]}</p>
        {links.length ? (
          <nav aria-label={ui(lang).sitePages} className="mt-4">
            <ul className="flex flex-wrap gap-x-5 gap-y-2">
              {links.map((link) => (
                <li key={`${link.url} ${link.name}`}>
                  <MenuLink entry={link} className="inline-block py-1 text-ink-soft underline-offset-4 hover:text-accent hover:underline" />
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {siteConfig.social.length ? (
          <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-2" aria-label={ui(lang).elsewhere}>
            {siteConfig.social.map((profile) => (
              <li key={profile.url}>
                <a href={profile.url} rel="me" className="inline-block py-1 underline-offset-4 hover:text-accent hover:underline">
                  {profile.name}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {siteConfig.copyright[lang] ? <p className="mt-4">{siteConfig.copyright[lang]}</p> : null}
      </div>
    </footer>
  );
}
