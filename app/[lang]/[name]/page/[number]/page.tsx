import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { countSectionPages, getSections } from '@/lib/content';
import { EXPORT_PLACEHOLDER, langParam, segmentParam, staticParams } from '@/lib/route-params';
import { defaultLang, languages } from '@/lib/site-config';
import { SectionPage, sectionMetadata } from '../../../_components/section-page';

// A section's list after its first page: `/en/notice/page/2`.
export const dynamicParams = false;

export function generateStaticParams() {
  const params = languages.flatMap((lang) =>
    getSections().flatMap((section) =>
      Array.from({ length: countSectionPages(lang, section.name) - 1 }, (_, index) => ({ lang, name: section.segment, number: String(index + 2) })),
    ),
  );
  return staticParams(params, { lang: defaultLang, name: EXPORT_PLACEHOLDER, number: '2' });
}

async function fromParams(params: PageProps<'/[lang]/[name]/page/[number]'>['params']) {
  const { lang, name, number } = await params;
  // `/page/1` is the list itself, and `/page/02` is not a page.
  if (!/^[1-9]\d*$/.test(number) || number === '1') notFound();
  return { lang: langParam(lang), segment: segmentParam(name), page: Number(number) };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[name]/page/[number]'>): Promise<Metadata> {
  return sectionMetadata(await fromParams(params));
}

export default async function SectionListPage({ params }: PageProps<'/[lang]/[name]/page/[number]'>) {
  return <SectionPage {...await fromParams(params)} />;
}
