import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPage, getPages, getSectionAt, getSections } from '@/lib/content';
import { entryAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { langParam, segmentParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';
import { pagePath } from '@/lib/urls';
import { PageArticle } from '../_components/page-article';
import { SectionPage, sectionMetadata } from '../_components/section-page';

// `/en/about`: a standalone page (`content/en/about.md`), or the first page of a section's list (`/en/notice`).
export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) => [
    ...getPages(lang).map((page) => ({ lang, name: page.slug })),
    ...getSections().map((section) => ({ lang, name: section.segment })),
  ]);
}

async function fromParams(params: PageProps<'/[lang]/[name]'>['params']) {
  const values = await params;
  const lang = langParam(values.lang);
  const name = segmentParam(values.name);
  return { lang, name, section: getSectionAt(name) };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[name]'>): Promise<Metadata> {
  const { lang, name, section } = await fromParams(params);
  if (section) return sectionMetadata({ lang, segment: section.segment, page: 1 });
  const page = getPage(lang, name) ?? notFound();
  return {
    title: page.title,
    description: page.summary,
    alternates: alternatesMetadata({ lang: page.lang, path: pagePath(page.lang, page.slug), translations: entryAlternates(page) }),
  };
}

export default async function PageOrSection({ params }: PageProps<'/[lang]/[name]'>) {
  const { lang, name, section } = await fromParams(params);
  if (section) return <SectionPage lang={lang} segment={section.segment} page={1} />;
  return <PageArticle page={getPage(lang, name) ?? notFound()} />;
}
