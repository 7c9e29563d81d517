import { defaultLang, isLang, languages, type Lang } from './site-config';
import type { Post } from './content/load';
import { entryPath, homePath } from './urls';

/** The same page in other languages, by language. */
export type LanguageAlternates = Partial<Record<Lang, string>>;

/**
 * Picks the best configured language for an `Accept-Language` header, honouring q-values and
 * matching regional tags (`zh-CN`, `en-GB`) to their base language.
 */
export function negotiateLang(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return defaultLang;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { base } of ranked) {
    if (isLang(base)) return base;
    if (base === '*') return defaultLang;
  }
  return defaultLang;
}

export function otherLanguages(lang: Lang): Lang[] {
  return languages.filter((candidate) => candidate !== lang);
}

/** The same kind of page in every other language, for pages that exist in all of them. */
export function alternatesFor(lang: Lang, pathIn: (other: Lang) => string): LanguageAlternates {
  return Object.fromEntries(otherLanguages(lang).map((other) => [other, pathIn(other)]));
}

export function homeAlternates(lang: Lang): LanguageAlternates {
  return alternatesFor(lang, (other) => homePath(other));
}

/** The post or page in every other language it is translated into. */
export function entryAlternates(entry: Pick<Post, 'kind' | 'section' | 'translations'>): LanguageAlternates {
  const alternates: LanguageAlternates = {};
  for (const lang of languages) {
    const slug = entry.translations[lang];
    if (slug) alternates[lang] = entryPath({ kind: entry.kind, section: entry.section, lang, slug });
  }
  return alternates;
}
