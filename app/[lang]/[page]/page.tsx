import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPage, getPages } from '@/lib/content';
import { entryAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { langParam, segmentParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';
import { pagePath } from '@/lib/urls';
import { PageArticle } from '../_components/page-article';

// Standalone pages, `content/en/about.md` at `/en/about`.
export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) => getPages(lang).map((page) => ({ lang, page: page.slug })));
}

async function pageFromParams(params: PageProps<'/[lang]/[page]'>['params']) {
  const { lang, page } = await params;
  return getPage(langParam(lang), segmentParam(page)) ?? notFound();
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[page]'>): Promise<Metadata> {
  const page = await pageFromParams(params);
  return {
    title: page.title,
    description: page.summary,
    alternates: alternatesMetadata({ lang: page.lang, path: pagePath(page.lang, page.slug), translations: entryAlternates(page) }),
  };
}

export default async function StandalonePage({ params }: PageProps<'/[lang]/[page]'>) {
  return <PageArticle page={await pageFromParams(params)} />;
}
