import 'server-only';
import { CACHE_SEARCH_FILES } from '@/lib/cache-control';
import { getEntries, type Post } from '@/lib/content';
import { formatAuthorDate, isoCalendarDate } from '@/lib/content/dates';
import type { SearchIndexFile, SearchTextFile } from './search';
import { langParam } from './route-params';
import { ui, type Lang } from './site-config';
import { entryPath } from './urls';

/**
 * A language's search index of its visible posts and pages, from what the content layer read of
 * each; the body texts are in `buildSearchTexts`. A page, or an undated section's item, shows no date.
 */
export function buildSearchIndex(lang: Lang, posts: readonly Post[]): SearchIndexFile {
  return {
    lang,
    documents: posts.map((post) => ({
      url: entryPath(post),
      title: post.title,
      date: isoCalendarDate(post.date),
      dateLabel: post.dated ? formatAuthorDate(post.date, ui(lang).locale) : '',
      summary: post.summary,
      terms: [...post.categories, ...post.tags].map((term) => term.name),
      headings: post.toc.map((entry) => entry.text),
    })),
  };
}

/** The body text of each visible post and page of a language, by the URL its index document has. */
export function buildSearchTexts(lang: Lang, posts: readonly Post[]): SearchTextFile {
  return { lang, texts: Object.fromEntries(posts.map((post) => [entryPath(post), post.text])) };
}

/** The route handler of either file, one per language (`generateStaticParams = languageParams`). */
export function searchFile(build: (lang: Lang, posts: readonly Post[]) => SearchIndexFile | SearchTextFile) {
  return async (_request: Request, { params }: { params: Promise<{ lang: string }> }) => {
    const lang = langParam((await params).lang);
    return Response.json(build(lang, getEntries(lang)), { headers: { 'Cache-Control': CACHE_SEARCH_FILES } });
  };
}
