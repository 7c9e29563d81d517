import type { Metadata } from 'next';
import type { LanguageAlternates } from './i18n';
import { languages, siteConfig, ui, type Lang } from './site-config';

export const metadataBase = new URL(siteConfig.baseUrl);

/** Canonical URL and `hreflang` alternates, for the languages in which this page exists. */
export function alternatesMetadata(lang: Lang, path: string, alternates: LanguageAlternates): Metadata['alternates'] {
  const hreflang: Record<string, string> = {};
  for (const candidate of languages) {
    const candidatePath = candidate === lang ? path : alternates[candidate];
    if (candidatePath) hreflang[ui(candidate).locale] = candidatePath;
  }
  // A page that exists in one language only has no alternates to announce.
  return Object.keys(hreflang).length > 1 ? { canonical: path, languages: hreflang } : { canonical: path };
}
