import { EditLink } from '@/components/edit-link';
import { PageBanner } from '@/components/page-banner';
import { PostBody } from '@/components/post-body';
import { SiteHeader } from '@/components/site-header';
import { StatusBadge } from '@/components/status-badge';
import { TableOfContents } from '@/components/table-of-contents';
import type { Post } from '@/lib/content';
import { entryAlternates } from '@/lib/i18n';

type PageArticleProps = { page: Post };

/** A standalone page (`content/<lang>/about.md`): its title over the banner, its body, its headings beside it. */
export function PageArticle({ page }: PageArticleProps) {
  return (
    <>
      <SiteHeader lang={page.lang} alternates={entryAlternates(page)} />
      <PageBanner title={page.title} subtitle={page.subtitle} background={page.banner} credit={page.bannerCredit}>
        {page.status === 'published' ? null : <StatusBadge status={page.status} lang={page.lang} />}
      </PageBanner>
      <main
        id="main"
        className="mx-auto max-w-3xl px-4 py-10 lg:grid lg:max-w-6xl lg:grid-cols-[minmax(0,48rem)_14rem] lg:justify-center lg:gap-12"
      >
        <div className="min-w-0">
          {page.tocShown.inline ? <TableOfContents lang={page.lang} entries={page.toc} variant="inline" /> : null}
          <article data-testid="standalone-page">
            <PostBody post={page} />
            <EditLink lang={page.lang} file={page.source.displayPath} />
          </article>
        </div>
        {page.tocShown.sidebar ? <TableOfContents lang={page.lang} entries={page.toc} variant="sidebar" /> : null}
      </main>
    </>
  );
}
