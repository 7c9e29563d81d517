import { notFound } from 'next/navigation';
import { getPost, getPosts, type Post } from '@/lib/content';
import { isLang, languages, type Lang } from './site-config';
import { EXPORT_PLACEHOLDER } from './urls';

export { EXPORT_PLACEHOLDER };

/**
 * Route segments arrive decoded, except non-ASCII ones in some Next.js code paths, which arrive
 * percent-encoded. Slugs never contain `%` (the content layer refuses them), so decoding is safe.
 */
export function segmentParam(value: string): string {
  if (!value.includes('%')) return value.normalize('NFC');
  try {
    return decodeURIComponent(value).normalize('NFC');
  } catch {
    notFound();
  }
}

export function langParam(value: string): Lang {
  if (!isLang(value)) notFound();
  return value;
}

/**
 * The page number of a list from its optional `[[...page]]` segments: none for page 1, then
 * `page/2` and up. `/page/1` is the list's own URL and `/page/02` is not a page.
 */
export function listPageParam(segments: readonly string[] | undefined): number {
  if (!segments?.length) return 1;
  const [keyword, value = '', ...rest] = segments;
  if (keyword !== 'page' || rest.length || !/^[1-9]\d*$/.test(value) || value === '1') notFound();
  return Number(value);
}

/** `{ lang }` of every language: for the routes a language has one of (archive, feeds, search files, home card). */
export function languageParams(): Array<{ lang: Lang }> {
  return languages.map((lang) => ({ lang }));
}

/** `{ lang, slug }` of every visible post: for the post pages and their OpenGraph cards. */
export function postParams(): Array<{ lang: Lang; slug: string }> {
  return languages.flatMap((lang) => getPosts(lang).map((post) => ({ lang, slug: post.slug })));
}

/** The visible post that `/[lang]/blog/[slug]` names, or a 404. */
export async function postFromParams(params: Promise<{ lang: string; slug: string }>): Promise<Post> {
  const { lang, slug } = await params;
  return getPost(langParam(lang), segmentParam(slug)) ?? notFound();
}

/** A dynamic route's params; in a static export, a placeholder when there are none. */
export function staticParams<T extends Record<string, string | string[]>>(params: T[], placeholder: T): T[] {
  return params.length || process.env.BLOG_STATIC_EXPORT !== '1' ? params : [placeholder];
}
