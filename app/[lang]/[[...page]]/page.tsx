import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { countPostPages, getDefaultBanner, getPostPage } from '@/lib/content';
import { homeAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { langParam, listPageParam } from '@/lib/route-params';
import { languages, siteConfig, ui } from '@/lib/site-config';
import { feedPaths, homePath, listPageSegments } from '@/lib/urls';
import { PostListPage } from '../_components/post-list-page';

// `/en`, then `/en/page/2`...: the newest posts, 10 to a page. Any other path under a language
// matches here too and, not being generated, is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) => listPageSegments(countPostPages(lang)).map((page) => ({ lang, page })));
}

async function listFromParams(params: PageProps<'/[lang]/[[...page]]'>['params']) {
  const { lang, page } = await params;
  return { lang: langParam(lang), page: listPageParam(page) };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[[...page]]'>): Promise<Metadata> {
  const { lang, page } = await listFromParams(params);
  if (page > 1) {
    return { title: ui(lang).pageOf(page, countPostPages(lang)), alternates: alternatesMetadata({ lang, path: homePath(lang, page) }) };
  }
  return { alternates: alternatesMetadata({ lang, path: homePath(lang), translations: homeAlternates(lang) }) };
}

export default async function HomePage({ params }: PageProps<'/[lang]/[[...page]]'>) {
  const { lang, page } = await listFromParams(params);
  const posts = getPostPage(lang, page) ?? notFound();
  return (
    <PostListPage
      banner={getDefaultBanner()}
      lang={lang}
      title={siteConfig.title[lang]}
      subtitle={page > 1 ? ui(lang).pageOf(posts.page, posts.totalPages) : siteConfig.description[lang]}
      posts={posts}
      hrefFor={(n) => homePath(lang, n)}
      alternates={homeAlternates(lang)}
      feedPath={feedPaths(homePath(lang)).rss}
    />
  );
}
