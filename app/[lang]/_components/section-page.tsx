import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { countSectionPages, getSectionAt, getSectionBanner, getSectionItems, getSectionPage } from '@/lib/content';
import { otherLanguages, type LanguageAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { siteConfig, ui, type Lang, type SectionConfig } from '@/lib/site-config';
import { feedPaths, sectionPath } from '@/lib/urls';
import { PostListPage } from './post-list-page';

type SectionPageProps = { lang: Lang; segment: string; page: number };

/** The section's list in every other language that has items in it. */
function sectionAlternates(lang: Lang, section: SectionConfig): LanguageAlternates {
  const alternates: LanguageAlternates = {};
  for (const other of otherLanguages(lang)) {
    if (getSectionItems(other, section.name).length) alternates[other] = sectionPath(other, section);
  }
  return alternates;
}

export function sectionMetadata({ lang, segment, page }: SectionPageProps): Metadata {
  const section = getSectionAt(segment) ?? notFound();
  const title = section.title[lang];
  const path = sectionPath(lang, section, page);
  const listFeed = section.feeds ? { path: sectionPath(lang, section), title: `${title} · ${siteConfig.title[lang]}` } : undefined;
  return {
    title: page > 1 ? `${title} · ${ui(lang).pageOf(page, countSectionPages(lang, section.name))}` : title,
    description: section.description[lang],
    alternates:
      page > 1
        ? alternatesMetadata({ lang, path, listFeed })
        : alternatesMetadata({ lang, path, translations: sectionAlternates(lang, section), listFeed }),
  };
}

/** A section's items (`/en/notice`): newest first, or by title in an undated section, 10 to a page. */
export function SectionPage({ lang, segment, page }: SectionPageProps) {
  const section = getSectionAt(segment) ?? notFound();
  const items = getSectionPage(lang, section.name, page) ?? notFound();
  return (
    <PostListPage
      lang={lang}
      title={section.title[lang]}
      subtitle={section.description[lang]}
      banner={getSectionBanner(lang, section)}
      posts={items}
      hrefFor={(n) => sectionPath(lang, section, n)}
      alternates={sectionAlternates(lang, section)}
      feedPath={section.feeds ? feedPaths(sectionPath(lang, section)).rss : undefined}
      emptyText={ui(lang).noItems}
    />
  );
}
