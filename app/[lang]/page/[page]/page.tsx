import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { countPostPages, getPostPage } from '@/lib/content';
import { homeAlternates } from '@/lib/i18n';
import { langParam, pageParam } from '@/lib/route-params';
import { languages, siteConfig, ui } from '@/lib/site-config';
import { homePath } from '@/lib/urls';
import { PostListPage } from '../../_components/post-list-page';

export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) =>
    Array.from({ length: countPostPages(lang) - 1 }, (_, index) => ({ lang, page: String(index + 2) })),
  );
}

export async function generateMetadata({ params }: PageProps<'/[lang]/page/[page]'>): Promise<Metadata> {
  const { lang, page } = await params;
  const language = langParam(lang);
  const pageNumber = pageParam(page);
  return {
    title: ui(language).pageOf(pageNumber, countPostPages(language)),
    alternates: { canonical: homePath(language, pageNumber) },
  };
}

export default async function HomeListPage({ params }: PageProps<'/[lang]/page/[page]'>) {
  const { lang: langValue, page } = await params;
  const lang = langParam(langValue);
  const posts = getPostPage(lang, pageParam(page)) ?? notFound();
  return (
    <PostListPage
      lang={lang}
      title={siteConfig.title[lang]}
      subtitle={ui(lang).pageOf(posts.page, posts.totalPages)}
      posts={posts}
      hrefFor={(n) => homePath(lang, n)}
      alternates={homeAlternates(lang)}
    />
  );
}
