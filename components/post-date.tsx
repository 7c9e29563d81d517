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
