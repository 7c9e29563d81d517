import { EditLink } from '@/components/edit-link';
import { GiscusComments } from '@/components/giscus-comments';
import { JsonLd } from '@/components/json-ld';
import { PageBanner } from '@/components/page-banner';
import { PostBody } from '@/components/post-body';
import { PostDate, UpdatedDate } from '@/components/post-date';
import { HeroImage } from '@/components/hero-image';
import { TranslationBehind } from '@/components/translation-behind';
import { PostNavigation } from '@/components/post-navigation';
import { RelatedPosts } from '@/components/related-posts';
import { TableOfContents } from '@/components/table-of-contents';
import { SiteHeader } from '@/components/site-header';
import { StatusBadge } from '@/components/status-badge';
import { TermChips } from '@/components/term-chips';
import { getAdjacentPosts, getDefaultBanner, getRelatedPosts, type Post } from '@/lib/content';
import { entryAlternates } from '@/lib/i18n';
import { postStructuredData } from '@/lib/structured-data';
import { siteConfig, ui } from '@/lib/site-config';

type PostArticleProps = { post: Post };

export function PostArticle({ post }: PostArticleProps) {
  const strings = ui(post.lang);
  const related = getRelatedPosts(post);
  return (
    <>
      <SiteHeader lang={post.lang} alternates={entryAlternates(post)} />
      <PageBanner title={post.title} subtitle={post.subtitle} background={post.banner ?? getDefaultBanner()} credit={post.bannerCredit}>
        <PostDate date={post.date} lang={post.lang} />
        <UpdatedDate date={post.date} lastmod={post.lastmod} lang={post.lang} />
        <span data-testid="reading-stats">
          {strings.readingTime(post.reading.minutes)} · {strings.wordCount(post.reading.words)}
        </span>
        <StatusBadge status={post.status} lang={post.lang} />
        <TermChips
          lang={post.lang}
          taxonomy="categories"
          terms={post.categories}
          label={strings.categories}
          tone="dark"
        />
      </PageBanner>
      <JsonLd data={postStructuredData(post)} />
      <main
        id="main"
        className="mx-auto max-w-3xl px-4 py-10 lg:grid lg:max-w-6xl lg:grid-cols-[minmax(0,48rem)_14rem] lg:justify-center lg:gap-12"
      >
        <div className="min-w-0">
          {post.tocShown.inline ? <TableOfContents lang={post.lang} entries={post.toc} variant="inline" /> : null}
          <article>
            <TranslationBehind entry={post} />
            <HeroImage entry={post} />
            <PostBody post={post} />
            <footer className="mt-12 border-t border-line pt-6">
              <TermChips lang={post.lang} taxonomy="tags" terms={post.tags} label={strings.tags} />
              <EditLink lang={post.lang} file={post.source.displayPath} />
            </footer>
          </article>
          <PostNavigation lang={post.lang} related={related} {...getAdjacentPosts(post)} />
          {siteConfig.comments ? <GiscusComments config={siteConfig.comments} locale={strings.locale} title={strings.comments} /> : null}
        </div>
        <div className="hidden lg:flex lg:flex-col">
          <RelatedPosts lang={post.lang} posts={related} variant="sidebar" />
          {post.tocShown.sidebar ? <TableOfContents lang={post.lang} entries={post.toc} variant="sidebar" /> : null}
        </div>
      </main>
    </>
  );
}
