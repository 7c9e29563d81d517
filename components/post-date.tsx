import { formatAuthorDate, isoCalendarDate, type AuthorDate } from '@/lib/content/dates';
import { ui, type Lang } from '@/lib/site-config';

type PostDateProps = { date: AuthorDate; lang: Lang; className?: string };

export function PostDate({ date, lang, className }: PostDateProps) {
  return (
    <time dateTime={isoCalendarDate(date)} className={className}>
      {formatAuthorDate(date, ui(lang).locale)}
    </time>
  );
}

type UpdatedDateProps = { date: AuthorDate; lastmod?: AuthorDate; lang: Lang };

/** "Updated <date>", when the entry was last changed on another day than the one it is dated. */
export function UpdatedDate({ date, lastmod, lang }: UpdatedDateProps) {
  if (!lastmod || isoCalendarDate(lastmod) === isoCalendarDate(date)) return null;
  return (
    <span data-testid="updated-date">
      {ui(lang).updated} <PostDate date={lastmod} lang={lang} />
    </span>
  );
}
