import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { countTermPages, getDefaultBanner, getTerm, getTermPostPage, getTerms } from '@/lib/content';
import { otherLanguages, type LanguageAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { langParam, listPageParam, segmentParam } from '@/lib/route-params';
import { languages, siteConfig, ui, type Lang } from '@/lib/site-config';
import { feedPaths, listPageSegments, termPath, type Taxonomy } from '@/lib/urls';
import { PostListPage } from './post-list-page';

type TermPageProps = { lang: Lang; taxonomy: Taxonomy; slug: string; page: number };

/** The term's page in every other language that uses the same term. */
function termAlternates(lang: Lang, taxonomy: Taxonomy, slug: string): LanguageAlternates {
  const alternates: LanguageAlternates = {};
  for (const other of otherLanguages(lang)) {
    if (getTerm(other, taxonomy, slug)) alternates[other] = termPath(other, taxonomy, slug);
  }
  return alternates;
}

export function termMetadata({ lang, taxonomy, slug, page }: TermPageProps): Metadata {
  const term = getTerm(lang, taxonomy, slug) ?? notFound();
  const label = taxonomy === 'categories' ? ui(lang).categories : ui(lang).tags;
  const path = termPath(lang, taxonomy, term.slug, page);
  const listFeed = { path: termPath(lang, taxonomy, term.slug), title: `${term.name} · ${siteConfig.title[lang]}` };
  return {
    title:
      page > 1
        ? `${term.name} · ${ui(lang).pageOf(page, countTermPages(lang, taxonomy, term.slug))}`
        : `${term.name} · ${label}`,
    alternates:
      page > 1
        ? alternatesMetadata({ lang, path, listFeed })
        : alternatesMetadata({ lang, path, translations: termAlternates(lang, taxonomy, term.slug), listFeed }),
  };
}

/** A category's or tag's posts, newest first, 10 to a page. */
export function TermPage({ lang, taxonomy, slug, page }: TermPageProps) {
  const term = getTerm(lang, taxonomy, slug) ?? notFound();
  const posts = getTermPostPage(lang, taxonomy, term.slug, page) ?? notFound();
  const label = taxonomy === 'categories' ? ui(lang).categories : ui(lang).tags;
  return (
    <PostListPage
      lang={lang}
      title={term.name}
      subtitle={`${label} · ${ui(lang).postCount(term.count)}`}
      posts={posts}
      hrefFor={(n) => termPath(lang, taxonomy, term.slug, n)}
      alternates={termAlternates(lang, taxonomy, term.slug)}
      feedPath={feedPaths(termPath(lang, taxonomy, term.slug)).rss}
      banner={getDefaultBanner()}
    />
  );
}

type TermParams = { params: Promise<{ lang: string; term: string; page?: string[] }> };

/** The route of a term's list, `/en/tags/istio`, then `/en/tags/istio/page/2`... */
export function termListRoute(taxonomy: Taxonomy) {
  const fromParams = async (params: TermParams['params']): Promise<TermPageProps> => {
    const { lang, term, page } = await params;
    return { lang: langParam(lang), taxonomy, slug: segmentParam(term), page: listPageParam(page) };
  };
  return {
    generateStaticParams: () =>
      languages.flatMap((lang) =>
        getTerms(lang, taxonomy).flatMap((term) =>
          listPageSegments(countTermPages(lang, taxonomy, term.slug)).map((page) => ({ lang, term: term.slug, page })),
        ),
      ),
    generateMetadata: async ({ params }: TermParams) => termMetadata(await fromParams(params)),
    Page: async ({ params }: TermParams) => <TermPage {...await fromParams(params)} />,
  };
}
