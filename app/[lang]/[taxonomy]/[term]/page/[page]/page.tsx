import type { Metadata } from 'next';
import { countTermPages, getTerms } from '@/lib/content';
import { langParam, pageParam, segmentParam, taxonomyParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';
import { taxonomies } from '@/lib/urls';
import { TermPage, termMetadata } from '../../../../_components/term-page';

export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) =>
    taxonomies.flatMap((taxonomy) =>
      getTerms(lang, taxonomy).flatMap((term) =>
        Array.from({ length: countTermPages(lang, taxonomy, term.slug) - 1 }, (_, index) => ({
          lang,
          taxonomy,
          term: term.slug,
          page: String(index + 2),
        })),
      ),
    ),
  );
}

async function termPageFromParams(params: PageProps<'/[lang]/[taxonomy]/[term]/page/[page]'>['params']) {
  const { lang, taxonomy, term, page } = await params;
  return { lang: langParam(lang), taxonomy: taxonomyParam(taxonomy), slug: segmentParam(term), page: pageParam(page) };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/[taxonomy]/[term]/page/[page]'>): Promise<Metadata> {
  return termMetadata(await termPageFromParams(params));
}

export default async function TermListPage({ params }: PageProps<'/[lang]/[taxonomy]/[term]/page/[page]'>) {
  return <TermPage {...await termPageFromParams(params)} />;
}
