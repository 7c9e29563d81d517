import Link from './link';
import type { Post } from '@/lib/content';
import { ui, type Lang } from '@/lib/site-config';
import { postPath } from '@/lib/urls';
import { PostDate } from './post-date';
import { PostImage } from './post-image';

type RelatedPostsProps = { lang: Lang; posts: readonly Post[]; variant: 'sidebar' | 'below' };

/**
 * The posts most like this one: in the column beside the text on wide screens (with their
 * pictures, above the table of contents, as the old theme had them), below the post on phones.
 */
export function RelatedPosts({ lang, posts, variant }: RelatedPostsProps) {
  if (!posts.length) return null;
  const strings = ui(lang);
  const id = `related-posts-${variant}`;
  if (variant === 'below') {
    return (
      <section aria-labelledby={id} className="mt-12 lg:hidden">
        <h2 id={id} className="text-lg font-semibold text-ink-strong">
          {strings.relatedPosts}
        </h2>
        <ul className="mt-3 space-y-2">
          {posts.map((post) => (
            <li key={post.slug} className="flex flex-wrap items-baseline gap-x-3">
              <Link href={postPath(lang, post.slug)} className="font-medium text-accent hover:underline">
                {post.title}
              </Link>
              <PostDate date={post.date} lang={lang} className="text-sm text-ink-faint" />
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-sm font-semibold text-ink">
        {strings.relatedPosts}
      </h2>
      <ul className="space-y-4">
        {posts.map((post) => (
          <li key={post.slug} className="flex gap-3">
            {post.image ? <PostImage image={post.image} alt="" sizes="4rem" span="column" className="h-12 w-16 shrink-0 rounded object-cover" /> : null}
            <span className="min-w-0">
              <Link href={postPath(lang, post.slug)} className="block text-sm font-medium leading-snug text-ink-strong hover:text-accent">
                {post.title}
              </Link>
              <PostDate date={post.date} lang={lang} className="text-xs text-ink-faint" />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
