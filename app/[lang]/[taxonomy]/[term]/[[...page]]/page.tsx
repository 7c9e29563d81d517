import type { Metadata } from 'next';
import { countTermPages, getTerms } from '@/lib/content';
import { langParam, listPageParam, segmentParam, taxonomyParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';
import { listPageSegments, taxonomies } from '@/lib/urls';
import { TermPage, termMetadata } from '../../../_components/term-page';

// `/en/tags/istio`, then `/en/tags/istio/page/2`...
export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) =>
    taxonomies.flatMap((taxonomy) =>
      getTerms(lang, taxonomy).flatMap((term) =>
        listPageSegments(countTermPages(lang, taxonomy, term.slug)).map((page) => ({ lang, taxonomy, term: term.slug, page })),
      ),
    ),
  );
}

async function termFromParams(params: PageProps<'/[lang]/[taxonomy]/[term]/[[...page]]'>['params']) {
  const { lang, taxonomy, term, page } = await params;
  return { lang: langParam(lang), taxonomy: taxonomyParam(taxonomy), slug: segmentParam(term), page: listPageParam(page) };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[taxonomy]/[term]/[[...page]]'>): Promise<Metadata> {
  return termMetadata(await termFromParams(params));
}

export default async function TermListPage({ params }: PageProps<'/[lang]/[taxonomy]/[term]/[[...page]]'>) {
  return <TermPage {...await termFromParams(params)} />;
}
