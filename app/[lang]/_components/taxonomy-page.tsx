import type { Metadata } from 'next';
import Link from '@/components/link';
import { PageBanner } from '@/components/page-banner';
import { SiteHeader } from '@/components/site-header';
import { getDefaultBanner, getTerms } from '@/lib/content';
import { alternatesMetadata } from '@/lib/metadata';
import { langParam } from '@/lib/route-params';
import { alternatesFor } from '@/lib/i18n';
import { languages, ui, type Lang } from '@/lib/site-config';
import { taxonomyPath, termPath, type Taxonomy } from '@/lib/urls';

type LangParams = { params: Promise<{ lang: string }> };

function taxonomyTitle(lang: Lang, taxonomy: Taxonomy): string {
  return taxonomy === 'categories' ? ui(lang).allCategories : ui(lang).allTags;
}

function taxonomyMetadata(lang: Lang, taxonomy: Taxonomy): Metadata {
  return {
    title: taxonomyTitle(lang, taxonomy),
    alternates: alternatesMetadata({
      lang,
      path: taxonomyPath(lang, taxonomy),
      translations: alternatesFor(lang, (other) => taxonomyPath(other, taxonomy)),
    }),
  };
}

function TaxonomyPage({ lang, taxonomy }: { lang: Lang; taxonomy: Taxonomy }) {
  const terms = getTerms(lang, taxonomy);
  return (
    <>
      <SiteHeader lang={lang} alternates={alternatesFor(lang, (other) => taxonomyPath(other, taxonomy))} />
      <PageBanner title={taxonomyTitle(lang, taxonomy)} background={getDefaultBanner()} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-10">
        {terms.length ? (
          <ul className="flex flex-wrap gap-3" data-testid="term-list">
            {terms.map((term) => (
              <li key={term.slug}>
                <Link
                  href={termPath(lang, taxonomy, term.slug)}
                  className="inline-flex items-baseline gap-2 rounded-lg border border-line px-4 py-2 hover:border-accent-line hover:bg-accent-soft"
                >
                  <span className="font-medium text-ink">{term.name}</span>
                  <span className="text-sm text-ink-faint">{ui(lang).postCount(term.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-ink-faint">{ui(lang).noPosts}</p>
        )}
      </main>
    </>
  );
}

/** The route of `/<lang>/categories` or `/<lang>/tags`: every term of the taxonomy, most used first. */
export function taxonomyRoute(taxonomy: Taxonomy) {
  return {
    generateStaticParams: () => languages.map((lang) => ({ lang })),
    generateMetadata: async ({ params }: LangParams) => taxonomyMetadata(langParam((await params).lang), taxonomy),
    Page: async ({ params }: LangParams) => <TaxonomyPage lang={langParam((await params).lang)} taxonomy={taxonomy} />,
  };
}
