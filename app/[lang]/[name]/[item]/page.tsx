import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getSectionAt, getSectionItem, getSectionItems, getSections } from '@/lib/content';
import { entryAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { EXPORT_PLACEHOLDER, langParam, segmentParam, staticParams } from '@/lib/route-params';
import { defaultLang, languages } from '@/lib/site-config';
import { entryPath } from '@/lib/urls';
import { PageArticle } from '../../_components/page-article';

// A section's item: `content/en/notice/kubecon.md` at `/en/notice/kubecon`.
export const dynamicParams = false;

export function generateStaticParams() {
  const params = languages.flatMap((lang) =>
    getSections().flatMap((section) => getSectionItems(lang, section.name).map((item) => ({ lang, name: section.segment, item: item.slug }))),
  );
  return staticParams(params, { lang: defaultLang, name: EXPORT_PLACEHOLDER, item: EXPORT_PLACEHOLDER });
}

async function itemFromParams(params: PageProps<'/[lang]/[name]/[item]'>['params']) {
  const values = await params;
  const lang = langParam(values.lang);
  const section = getSectionAt(segmentParam(values.name)) ?? notFound();
  const item = getSectionItem(lang, section.name, segmentParam(values.item)) ?? notFound();
  return { item, section };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[name]/[item]'>): Promise<Metadata> {
  const { item } = await itemFromParams(params);
  return {
    title: item.title,
    description: item.summary,
    alternates: alternatesMetadata({ lang: item.lang, path: entryPath(item), translations: entryAlternates(item) }),
  };
}

export default async function SectionItemPage({ params }: PageProps<'/[lang]/[name]/[item]'>) {
  const { item, section } = await itemFromParams(params);
  return <PageArticle page={item} section={section} />;
}
