import 'server-only';
import { getPosts, getSectionAt, getSectionItems, getSections, getTerm, getTermPosts, getTerms } from '@/lib/content';
import { feedResponse } from './feeds';
import { EXPORT_PLACEHOLDER, langParam, segmentParam, staticParams } from './route-params';
import { defaultLang, languages, siteConfig, ui } from './site-config';
import { homePath, sectionPath, termPath, type FeedFormat, type Taxonomy } from './urls';

// The handlers behind the feed route files: a language's feed, a category's or tag's, and a section's.

export function languageFeed(format: FeedFormat) {
  return async (_request: Request, { params }: { params: Promise<{ lang: string }> }) => {
    const lang = langParam((await params).lang);
    return feedResponse(
      {
        lang,
        title: siteConfig.title[lang],
        description: siteConfig.description[lang],
        listPath: homePath(lang),
        posts: getPosts(lang),
      },
      format,
    );
  };
}

export function termFeedParams(taxonomy: Taxonomy) {
  return languages.flatMap((lang) => getTerms(lang, taxonomy).map((term) => ({ lang, term: term.slug })));
}

export function termFeed(taxonomy: Taxonomy, format: FeedFormat) {
  return async (_request: Request, { params }: { params: Promise<{ lang: string; term: string }> }) => {
    const values = await params;
    const lang = langParam(values.lang);
    const term = getTerm(lang, taxonomy, segmentParam(values.term));
    if (!term) return new Response('Not found', { status: 404 });
    const label = taxonomy === 'categories' ? ui(lang).categories : ui(lang).tags;
    return feedResponse(
      {
        lang,
        title: `${term.name} · ${label} · ${siteConfig.title[lang]}`,
        description: siteConfig.description[lang],
        listPath: termPath(lang, taxonomy, term.slug),
        posts: getTermPosts(lang, taxonomy, term.slug),
      },
      format,
    );
  };
}

export function sectionFeedParams() {
  const params = languages.flatMap((lang) => getSections().filter((section) => section.feeds).map((section) => ({ lang, name: section.segment })));
  return staticParams(params, { lang: defaultLang, name: EXPORT_PLACEHOLDER });
}

export function sectionFeed(format: FeedFormat) {
  return async (_request: Request, { params }: { params: Promise<{ lang: string; name: string }> }) => {
    const values = await params;
    const lang = langParam(values.lang);
    const section = getSectionAt(segmentParam(values.name));
    if (!section?.feeds) return new Response('Not found', { status: 404 });
    return feedResponse(
      {
        lang,
        title: `${section.title[lang]} · ${siteConfig.title[lang]}`,
        description: section.description[lang] ?? siteConfig.description[lang],
        listPath: sectionPath(lang, section),
        posts: getSectionItems(lang, section.name),
      },
      format,
    );
  };
}
