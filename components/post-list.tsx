import Link from './link';
import type { Post } from '@/lib/content';
import { ui, type Lang } from '@/lib/site-config';
import { entryPath } from '@/lib/urls';
import { PostDate } from './post-date';
import { PostImage } from './post-image';
import { StatusBadge } from './status-badge';
import { TermChips } from './term-chips';

type PostListProps = { lang: Lang; posts: readonly Post[]; emptyText?: string };

/** Posts, or a section's items, with their pictures, dates and summaries. */
export function PostList({ lang, posts, emptyText = ui(lang).noPosts }: PostListProps) {
  if (!posts.length) return <p className="text-ink-faint">{emptyText}</p>;
  return (
    <ol className="divide-y divide-line" data-testid="post-list">
      {posts.map((post) => (
        <li key={post.slug}>
          <PostListEntry lang={lang} post={post} />
        </li>
      ))}
    </ol>
  );
}

function PostListEntry({ lang, post }: { lang: Lang; post: Post }) {
  const href = entryPath(post);
  return (
    <article className="flex flex-col gap-5 py-7 sm:flex-row">
      {post.image ? (
        <Link href={href} tabIndex={-1} aria-hidden className="shrink-0 sm:w-56">
          <PostImage
            image={post.image}
            alt=""
            sizes="(min-width: 640px) 224px, 100vw"
            span="column"
            className="aspect-[1200/630] w-full rounded-lg object-cover"
          />
        </Link>
      ) : null}
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2 text-sm text-ink-faint">
          {post.dated ? (
            <>
              <PostDate date={post.date} lang={lang} />
              <span aria-hidden>·</span>
            </>
          ) : null}
          <span>{ui(lang).readingTime(post.reading.minutes)}</span>
          <StatusBadge status={post.status} lang={lang} />
        </div>
        <h2 className="mt-1 text-xl font-semibold tracking-tight text-ink-strong">
          <Link href={href} className="hover:text-accent">
            {post.title}
          </Link>
        </h2>
        {post.subtitle ? <p className="mt-1 text-ink-soft">{post.subtitle}</p> : null}
        <p className="mt-2 line-clamp-3 text-ink-muted">{post.summary}</p>
        <div className="mt-3">
          <TermChips lang={lang} taxonomy="categories" terms={post.categories} label={ui(lang).categories} />
        </div>
      </div>
    </article>
  );
}
