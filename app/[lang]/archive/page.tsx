import type { Metadata } from 'next';
import Link from '@/components/link';
import { PageBanner } from '@/components/page-banner';
import { PostDate } from '@/components/post-date';
import { SiteHeader } from '@/components/site-header';
import { getArchive, getDefaultBanner } from '@/lib/content';
import { alternatesFor } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { langParam, languageParams } from '@/lib/route-params';
import { ui } from '@/lib/site-config';
import { archivePath, postPath } from '@/lib/urls';

export const dynamicParams = false;

export const generateStaticParams = languageParams;

export async function generateMetadata({ params }: PageProps<'/[lang]/archive'>): Promise<Metadata> {
  const lang = langParam((await params).lang);
  return {
    title: ui(lang).archive,
    alternates: alternatesMetadata({ lang, path: archivePath(lang), translations: alternatesFor(lang, archivePath) }),
  };
}

export default async function ArchivePage({ params }: PageProps<'/[lang]/archive'>) {
  const lang = langParam((await params).lang);
  const monthName = new Intl.DateTimeFormat(ui(lang).locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <>
      <SiteHeader lang={lang} alternates={alternatesFor(lang, archivePath)} />
      <PageBanner title={ui(lang).archive} background={getDefaultBanner()} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        {getArchive(lang).map(({ year, month, posts }) => (
          <section key={`${year}-${month}`} aria-labelledby={`archive-${year}-${month}`} className="mb-8">
            <h2 id={`archive-${year}-${month}`} className="text-lg font-semibold text-ink-strong">
              {monthName.format(new Date(Date.UTC(year, month - 1, 1)))}
            </h2>
            <ul className="mt-2 space-y-1.5">
              {posts.map((post) => (
                <li key={post.slug} className="flex flex-wrap items-baseline gap-x-3">
                  <PostDate date={post.date} lang={lang} className="w-36 shrink-0 text-sm text-ink-faint" />
                  <Link href={postPath(lang, post.slug)} className="text-accent hover:underline">
                    {post.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </main>
    </>
  );
}
