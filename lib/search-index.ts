import 'server-only';
import type { Post } from '@/lib/content';
import { formatAuthorDate, isoCalendarDate } from '@/lib/content/dates';
import type { SearchIndex } from './search';
import { ui, type Lang } from './site-config';
import { postPath } from './urls';

/** A language's search index of its visible posts, from what the content layer read of each. */
export function buildSearchIndex(lang: Lang, posts: readonly Post[]): SearchIndex {
  return {
    lang,
    documents: posts.map((post) => ({
      url: postPath(lang, post.slug),
      title: post.title,
      date: isoCalendarDate(post.date),
      dateLabel: formatAuthorDate(post.date, ui(lang).locale),
      summary: post.summary,
      terms: [...post.categories, ...post.tags].map((term) => term.name),
      headings: post.toc.map((entry) => entry.text),
      text: post.text,
    })),
  };
}
