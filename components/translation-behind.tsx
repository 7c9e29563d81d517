import Link from './link';
import type { Post } from '@/lib/content';
import { formatAuthorDate } from '@/lib/content/dates';
import { ui } from '@/lib/site-config';

/** On a translation whose original changed after it: when, and a link to the original. */
export function TranslationBehind({ entry }: { entry: Post }) {
  const behind = entry.originalUpdate;
  if (!behind) return null;
  const strings = ui(entry.lang);
  const original = ui(behind.lang);
  return (
    <p role="note" data-testid="translation-behind" className="mb-8 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {strings.translationBehind(original.languageName, formatAuthorDate(behind.date, strings.locale))}{' '}
      <Link href={behind.path} hrefLang={original.locale} lang={behind.lang} className="font-medium underline underline-offset-4">
        {strings.readOriginal}
      </Link>
    </p>
  );
}
