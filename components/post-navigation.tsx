import Link from './link';
import type { Post } from '@/lib/content';
import { ui, type Lang } from '@/lib/site-config';
import { postPath } from '@/lib/urls';
import { RelatedPosts } from './related-posts';

type PostNavigationProps = { lang: Lang; related: readonly Post[]; newer?: Post; older?: Post };

/** Below a post: the posts most like it (on phones; wide screens have them beside the text), then the next newer and older ones. */
export function PostNavigation({ lang, related, newer, older }: PostNavigationProps) {
  const strings = ui(lang);
  return (
    <>
      <RelatedPosts lang={lang} posts={related} variant="below" />
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
