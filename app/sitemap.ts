import type { MetadataRoute } from 'next';
import { countPostPages, countSectionPages, countTermPages, getEntries, getPosts, getSectionItems, getSections, getTerms } from '@/lib/content';
import { entryAlternates } from '@/lib/i18n';
import { defaultLang, languages, ui, type Lang } from '@/lib/site-config';
import { absoluteUrl as absolute, archivePath, entryPath, homePath, sectionPath, taxonomies, taxonomyPath, termPath } from '@/lib/urls';

export const dynamic = 'force-static';

/** hreflang alternates (with x-default) for a page that exists in these languages. */
function languageAlternates(pathIn: Partial<Record<Lang, string>>): MetadataRoute.Sitemap[number]['alternates'] {
  const present = languages.filter((lang) => pathIn[lang]);
  if (present.length < 2) return undefined;
  const entries: Record<string, string> = {};
  for (const lang of present) entries[ui(lang).locale] = absolute(pathIn[lang] ?? '');
  entries['x-default'] = absolute(pathIn[defaultLang] ?? pathIn[present[0] ?? defaultLang] ?? '');
  return { languages: entries };
}

/** Every public page, from the content layer's published posts, pages and section items only. */
export default function sitemap(): MetadataRoute.Sitemap {
  const entries: MetadataRoute.Sitemap = [];
  for (const lang of languages) {
    const posts = getPosts(lang);
    const homes = Object.fromEntries(languages.map((other) => [other, homePath(other)]));
    const newest = posts[0] ? (posts[0].lastmod ?? posts[0].date).instant : undefined;
    entries.push({ url: absolute(homePath(lang)), lastModified: newest, alternates: languageAlternates(homes) });
    for (let page = 2; page <= countPostPages(lang); page++) entries.push({ url: absolute(homePath(lang, page)) });
    entries.push({
      url: absolute(archivePath(lang)),
      lastModified: newest,
      alternates: languageAlternates(Object.fromEntries(languages.map((other) => [other, archivePath(other)]))),
    });
    for (const section of getSections()) {
      const items = getSectionItems(lang, section.name);
      if (!items.length) continue;
      const withItems = Object.fromEntries(languages.filter((other) => getSectionItems(other, section.name).length).map((other) => [other, sectionPath(other, section)]));
      const newestItem = items[0] ? (items[0].lastmod ?? items[0].date).instant : undefined;
      entries.push({ url: absolute(sectionPath(lang, section)), lastModified: section.dated ? newestItem : undefined, alternates: languageAlternates(withItems) });
      for (let page = 2; page <= countSectionPages(lang, section.name); page++) entries.push({ url: absolute(sectionPath(lang, section, page)) });
    }
    for (const post of getEntries(lang)) {
      const translations = { ...entryAlternates(post), [lang]: entryPath(post) };
      entries.push({
        url: absolute(entryPath(post)),
        lastModified: (post.lastmod ?? post.date).instant,
        alternates: languageAlternates(translations),
        images: post.image ? [absolute(post.image.src)] : undefined,
      });
    }
    for (const taxonomy of taxonomies) {
      entries.push({
        url: absolute(taxonomyPath(lang, taxonomy)),
        alternates: languageAlternates(Object.fromEntries(languages.map((other) => [other, taxonomyPath(other, taxonomy)]))),
      });
      for (const term of getTerms(lang, taxonomy)) {
        for (let page = 1; page <= countTermPages(lang, taxonomy, term.slug); page++) {
          entries.push({ url: absolute(termPath(lang, taxonomy, term.slug, page)) });
        }
      }
    }
  }
  return entries;
}
