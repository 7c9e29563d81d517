import { PageBanner } from '@/components/page-banner';
import { Pagination } from '@/components/pagination';
import { PostList } from '@/components/post-list';
import { SiteHeader } from '@/components/site-header';
import type { PageOf, Post, ResolvedImage } from '@/lib/content';
import type { LanguageAlternates } from '@/lib/i18n';
import { ui, type Lang } from '@/lib/site-config';

type PostListPageProps = {
  lang: Lang;
  title: string;
  subtitle?: string;
  /** The picture behind the title. */
  banner: ResolvedImage;
  posts: PageOf<Post>;
  hrefFor: (page: number) => string;
  alternates: LanguageAlternates;
  /** The list's RSS feed, where it has one. */
  feedPath?: string;
  /** Shown when the list is empty. */
  emptyText?: string;
};

/** A paginated list of posts under a page-title banner: the home pages, term pages and section lists. */
export function PostListPage({ lang, title, subtitle, banner, posts, hrefFor, alternates, feedPath, emptyText }: PostListPageProps) {
  return (
    <>
      <SiteHeader lang={lang} alternates={alternates} />
      <PageBanner title={title} background={banner}>
        {subtitle ? <p>{subtitle}</p> : null}
        {feedPath ? (
          <a href={feedPath} className="text-sm text-sky-200 underline-offset-4 hover:underline" type="application/rss+xml">
            {ui(lang).subscribe}
          </a>
        ) : null}
      </PageBanner>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        <PostList lang={lang} posts={posts.items} emptyText={emptyText} />
        <Pagination lang={lang} page={posts.page} totalPages={posts.totalPages} hrefFor={hrefFor} />
      </main>
    </>
  );
}
