import Link from 'next/link';
import { siteConfig, ui, type Lang } from '@/lib/site-config';
import { archivePath, homePath, taxonomyPath } from '@/lib/urls';
import type { LanguageAlternates } from '@/lib/i18n';
import { LanguageSwitcher } from './language-switcher';
import { ThemeToggle } from './theme-toggle';

type SiteHeaderProps = { lang: Lang; alternates?: LanguageAlternates };

export function SiteHeader({ lang, alternates = {} }: SiteHeaderProps) {
  const strings = ui(lang);
  const navLink = 'rounded px-2 py-1 text-ink-muted transition-colors hover:bg-subtle hover:text-ink-strong';
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-page/90 backdrop-blur">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href={homePath(lang)} className="text-lg font-bold tracking-tight text-ink-strong">
          {siteConfig.title[lang]}
        </Link>
        <div className="flex items-center gap-4">
          <nav aria-label={strings.primaryNav}>
            <ul className="flex items-center gap-1 text-sm">
              <li>
                <Link href={homePath(lang)} className={navLink}>
                  {strings.home}
                </Link>
              </li>
              <li>
                <Link href={taxonomyPath(lang, 'categories')} className={navLink}>
                  {strings.categories}
                </Link>
              </li>
              <li>
                <Link href={taxonomyPath(lang, 'tags')} className={navLink}>
                  {strings.tags}
                </Link>
              </li>
              <li>
                <Link href={archivePath(lang)} className={navLink}>
                  {strings.archive}
                </Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher lang={lang} alternates={alternates} />
          <ThemeToggle label={strings.darkTheme} />
        </div>
      </div>
    </header>
  );
}
