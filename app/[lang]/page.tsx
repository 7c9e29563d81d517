import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPostPage } from '@/lib/content';
import { homeAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { langParam } from '@/lib/route-params';
import { languages, siteConfig } from '@/lib/site-config';
import { homePath } from '@/lib/urls';
import { PostListPage } from './_components/post-list-page';

export const dynamicParams = false;

export function generateStaticParams() {
  return languages.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: PageProps<'/[lang]'>): Promise<Metadata> {
  const lang = langParam((await params).lang);
  return { alternates: alternatesMetadata(lang, homePath(lang), homeAlternates(lang)) };
}

export default async function HomePage({ params }: PageProps<'/[lang]'>) {
  const lang = langParam((await params).lang);
  const posts = getPostPage(lang, 1) ?? notFound();
  return (
    <PostListPage
      lang={lang}
      title={siteConfig.title[lang]}
      subtitle={siteConfig.description[lang]}
      posts={posts}
      hrefFor={(page) => homePath(lang, page)}
      alternates={homeAlternates(lang)}
    />
  );
}
