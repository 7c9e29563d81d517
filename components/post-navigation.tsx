import Link from 'next/link';
import type { Post } from '@/lib/content';
import { ui, type Lang } from '@/lib/site-config';
import { postPath } from '@/lib/urls';
import { PostDate } from './post-date';

type PostNavigationProps = { lang: Lang; related: readonly Post[]; newer?: Post; older?: Post };

/** Below a post: the posts most like it, then the next newer and older ones. */
export function PostNavigation({ lang, related, newer, older }: PostNavigationProps) {
  const strings = ui(lang);
  return (
    <>
      {related.length ? (
        <section aria-labelledby="related-posts" className="mt-12">
          <h2 id="related-posts" className="text-lg font-semibold text-ink-strong">
            {strings.relatedPosts}
          </h2>
          <ul className="mt-3 space-y-2">
            {related.map((post) => (
              <li key={post.slug} className="flex flex-wrap items-baseline gap-x-3">
                <Link href={postPath(lang, post.slug)} className="font-medium text-accent hover:underline">
                  {post.title}
                </Link>
                <PostDate date={post.date} lang={lang} className="text-sm text-ink-faint" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {newer || older ? (
        <nav aria-label={`${strings.newerPost} / ${strings.olderPost}`} className="mt-10 grid gap-4 sm:grid-cols-2">
          {newer ? (
            <Link href={postPath(lang, newer.slug)} rel="prev" className="rounded-lg border border-line p-4 hover:border-accent-line">
              <span className="block text-sm text-ink-faint">← {strings.newerPost}</span>
              <span className="font-medium text-ink-strong">{newer.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {older ? (
            <Link href={postPath(lang, older.slug)} rel="next" className="rounded-lg border border-line p-4 text-right hover:border-accent-line">
              <span className="block text-sm text-ink-faint">{strings.olderPost} →</span>
              <span className="font-medium text-ink-strong">{older.title}</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
