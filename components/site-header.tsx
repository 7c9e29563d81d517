import Link from 'next/link';
import { siteConfig, ui, type Lang, type UiStrings } from '@/lib/site-config';
import { archivePath, homePath, searchIndexPath, searchTextPath, taxonomyPath } from '@/lib/urls';
import type { LanguageAlternates } from '@/lib/i18n';
import { LanguageSwitcher } from './language-switcher';
import { SearchButton } from './search-button';
import type { SearchStrings } from './search-dialog';
import { ThemeToggle } from './theme-toggle';

type SiteHeaderProps = { lang: Lang; alternates?: LanguageAlternates };

function searchStrings(strings: UiStrings): SearchStrings {
  const { search, searchPlaceholder, searchLoading, searchFailed, searchLoadingText, searchTextFailed, searchNoResults, searchResultCount, close } = strings;
  return { search, searchPlaceholder, searchLoading, searchFailed, searchLoadingText, searchTextFailed, searchNoResults, searchResultCount, close };
}

export function SiteHeader({ lang, alternates = {} }: SiteHeaderProps) {
  const strings = ui(lang);
  const navLink = 'rounded px-2 py-1 text-ink-muted transition-colors hover:bg-subtle hover:text-ink-strong';
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-page/90 backdrop-blur">
      {/* Phones: title and controls on one row, the menu on the next. Wider: one row. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href={homePath(lang)} className="mr-auto text-lg font-bold tracking-tight text-ink-strong">
          {siteConfig.title[lang]}
        </Link>
        <nav aria-label={strings.primaryNav} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="-mx-2 flex items-center gap-1 text-sm whitespace-nowrap sm:mx-0">
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
        <div className="flex items-center gap-2">
          <SearchButton files={{ index: searchIndexPath(lang), text: searchTextPath(lang) }} strings={searchStrings(strings)} />
          <LanguageSwitcher lang={lang} alternates={alternates} />
          <ThemeToggle label={strings.darkTheme} />
        </div>
      </div>
    </header>
  );
}
