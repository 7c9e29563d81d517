import Link from './link';
import { siteConfig, ui, type Lang, type UiStrings } from '@/lib/site-config';
import { archivePath, homePath, searchIndexPath, searchTextPath, sectionPath, taxonomyPath } from '@/lib/urls';
import type { LanguageAlternates } from '@/lib/i18n';
import type { MenuEntry } from '@/lib/site-settings';
import { LanguageSwitcher } from './language-switcher';
import { MenuLink } from './menu-link';
import { SearchButton } from './search-button';
import type { SearchStrings } from './search-dialog';
import { ThemeToggle } from './theme-toggle';

type SiteHeaderProps = { lang: Lang; alternates?: LanguageAlternates };

/** The header's links when site.config.json sets no `menus.main` for the language. */
function defaultMenu(lang: Lang, strings: UiStrings): MenuEntry[] {
  return [
    { name: strings.home, url: homePath(lang), weight: 0 },
    { name: strings.categories, url: taxonomyPath(lang, 'categories'), weight: 0 },
    { name: strings.tags, url: taxonomyPath(lang, 'tags'), weight: 0 },
    { name: strings.archive, url: archivePath(lang), weight: 0 },
    ...siteConfig.sections.map((section) => ({ name: section.title[lang], url: sectionPath(lang, section), weight: 0 })),
  ];
}

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
          <ul className="-mx-2 flex items-center gap-1 overflow-x-auto text-sm whitespace-nowrap sm:mx-0">
            {(siteConfig.menus.main[lang] ?? defaultMenu(lang, strings)).map((entry) => (
              <li key={`${entry.url} ${entry.name}`}>
                <MenuLink entry={entry} className={navLink} />
              </li>
            ))}
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
