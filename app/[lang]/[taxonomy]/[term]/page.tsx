import type { Metadata } from 'next';
import { getTerms } from '@/lib/content';
import { langParam, segmentParam, taxonomyParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';
import { taxonomies } from '@/lib/urls';
import { TermPage, termMetadata } from '../../_components/term-page';

export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) =>
    taxonomies.flatMap((taxonomy) => getTerms(lang, taxonomy).map((term) => ({ lang, taxonomy, term: term.slug }))),
  );
}

async function termFromParams(params: PageProps<'/[lang]/[taxonomy]/[term]'>['params']) {
  const { lang, taxonomy, term } = await params;
  return { lang: langParam(lang), taxonomy: taxonomyParam(taxonomy), slug: segmentParam(term), page: 1 };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[taxonomy]/[term]'>): Promise<Metadata> {
  return termMetadata(await termFromParams(params));
}

export default async function TermFirstPage({ params }: PageProps<'/[lang]/[taxonomy]/[term]'>) {
  return <TermPage {...await termFromParams(params)} />;
}
