import Link from './link';
import { otherLanguages, type LanguageAlternates } from '@/lib/i18n';
import { ui, type Lang } from '@/lib/site-config';
import { homePath } from '@/lib/urls';

type LanguageSwitcherProps = {
  lang: Lang;
  /** This page in other languages; a language without one links to its home. */
  alternates: LanguageAlternates;
};

export function LanguageSwitcher({ lang, alternates }: LanguageSwitcherProps) {
  return (
    <ul className="flex items-center gap-2">
      {otherLanguages(lang).map((other) => (
        <li key={other}>
          <Link
            href={alternates[other] ?? homePath(other)}
            hrefLang={ui(other).locale}
            lang={ui(other).locale}
            title={ui(other).readInOtherLanguage}
            data-testid="language-switcher"
            className="rounded-md border border-line-strong px-2.5 py-1 text-sm font-medium text-ink-soft transition-colors hover:border-accent-line hover:text-accent"
          >
            {ui(other).languageName}
          </Link>
        </li>
      ))}
    </ul>
  );
}
