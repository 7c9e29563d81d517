import type { Metadata } from 'next';
import type { LanguageAlternates } from './i18n';
import { languages, siteConfig, ui, type Lang } from './site-config';
import { FEED_FILES, feedPaths, homePath, type FeedFormat } from './urls';

export const metadataBase = new URL(siteConfig.baseUrl);

type AlternatesSpec = {
  lang: Lang;
  /** This page's own path: its canonical URL. */
  path: string;
  /** The same page in other languages, where it exists. */
  translations?: LanguageAlternates;
  /** The feed of this list (a category or tag), announced beside the language's feed. */
  listFeed?: { path: string; title: string };
};

/**
 * Canonical URL, `hreflang` alternates for the languages in which this page exists, and the feeds
 * a feed reader should find on it.
 */
export function alternatesMetadata({ lang, path, translations = {}, listFeed }: AlternatesSpec): Metadata['alternates'] {
  const hreflang: Record<string, string> = {};
  for (const candidate of languages) {
    const candidatePath = candidate === lang ? path : translations[candidate];
    if (candidatePath) hreflang[ui(candidate).locale] = candidatePath;
  }
  const feeds = [{ path: homePath(lang), title: siteConfig.title[lang] }, ...(listFeed ? [listFeed] : [])];
  const types = Object.fromEntries(
    (Object.keys(FEED_FILES) as FeedFormat[]).map((format) => [
      FEED_FILES[format].type,
      feeds.map((feed) => ({ url: feedPaths(feed.path)[format], title: feed.title })),
    ]),
  );
  // A page that exists in one language only has no alternates to announce.
  return { canonical: path, ...(Object.keys(hreflang).length > 1 ? { languages: hreflang } : {}), types };
}
