import { EditLink } from '@/components/edit-link';
import { HeroImage } from '@/components/hero-image';
import { TranslationBehind } from '@/components/translation-behind';
import { ItemLink } from '@/components/item-link';
import { PageBanner } from '@/components/page-banner';
import { PostBody } from '@/components/post-body';
import { PostDate, UpdatedDate } from '@/components/post-date';
import { SiteHeader } from '@/components/site-header';
import { StatusBadge } from '@/components/status-badge';
import { TableOfContents } from '@/components/table-of-contents';
import { TermChips } from '@/components/term-chips';
import { getDefaultBanner, type Post } from '@/lib/content';
import { entryAlternates } from '@/lib/i18n';
import { ui, type SectionConfig } from '@/lib/site-config';
import { sectionPath } from '@/lib/urls';

/** A standalone page, or an item of a section with the section it belongs to. */
type PageArticleProps = { page: Post; section?: SectionConfig };

/**
 * A standalone page (`content/<lang>/about.md`) or a section's item (a notice): its title over the
 * banner (an item's with its section, date and categories), its body, its headings beside it, an
 * item's clear call to its external page when it has a `link`, and its tags.
 */
export function PageArticle({ page, section }: PageArticleProps) {
  return (
    <>
      <SiteHeader lang={page.lang} alternates={entryAlternates(page)} />
      <PageBanner title={page.title} subtitle={page.subtitle} background={page.banner ?? getDefaultBanner()} credit={page.bannerCredit}>
        {section ? (
          <a href={sectionPath(page.lang, section)} className="text-sky-200 underline-offset-4 hover:underline">
            {section.title[page.lang]}
          </a>
        ) : null}
        {page.dated ? <PostDate date={page.date} lang={page.lang} /> : null}
        {page.dated ? <UpdatedDate date={page.date} lastmod={page.lastmod} lang={page.lang} /> : null}
        {page.status === 'published' ? null : <StatusBadge status={page.status} lang={page.lang} />}
        <TermChips lang={page.lang} taxonomy="categories" terms={page.categories} label={ui(page.lang).categories} tone="dark" />
      </PageBanner>
      <main
        id="main"
        className="mx-auto max-w-3xl px-4 py-10 lg:grid lg:max-w-6xl lg:grid-cols-[minmax(0,48rem)_14rem] lg:justify-center lg:gap-12"
      >
        <div className="min-w-0">
          {page.tocShown.inline ? <TableOfContents lang={page.lang} entries={page.toc} variant="inline" /> : null}
          <article data-testid={section ? 'section-item' : 'standalone-page'}>
            <TranslationBehind entry={page} />
            <HeroImage entry={page} />
            <PostBody post={page} />
            {page.link ? <ItemLink lang={page.lang} href={page.link} /> : null}
            <TermChips lang={page.lang} taxonomy="tags" terms={page.tags} label={ui(page.lang).tags} />
            <EditLink lang={page.lang} file={page.source.displayPath} />
          </article>
        </div>
        {page.tocShown.sidebar ? <TableOfContents lang={page.lang} entries={page.toc} variant="sidebar" /> : null}
      </main>
    </>
  );
}
