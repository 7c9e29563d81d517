import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, text, type HugoSite } from './config';
import type { Lang } from '../site-config';
import { isOtherSiteUrl } from '../urls';
import { parseSiteSettings, type SiteSettings, type SiteSettingsInput } from '../site-settings';

export type ImportedSettings = {
  /** The settings file as it is now. */
  settings?: SiteSettings;
  /** `key = value` lines the import wrote into the settings file. */
  written: string[];
  /** Settings the author had set otherwise, left as they were (without --overwrite). */
  kept: string[];
};

type HookSettings = Pick<SiteSettingsInput, 'markdown'>;

/** The site's render hook of that name, else the first theme's: the site's own wins, as in Hugo. */
function renderHook(siteDir: string, themes: readonly string[], name: string): string | undefined {
  const places = [siteDir, ...themes.map((theme) => path.join(siteDir, 'themes', theme))];
  for (const place of places) {
    const file = path.join(place, 'layouts', '_default', '_markup', name);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
}

/**
 * What a Hugo site's render hooks (layouts/_default/_markup/) change on every page, as settings:
 * an image hook whose `<figcaption>` shows `.Text` (the alt text) captions images with it; a link
 * hook that writes `target="_blank"` opens other sites in a new tab; a mermaid code-block hook
 * draws diagrams.
 */
export function renderHookSettings(siteDir: string, themes: readonly string[]): HookSettings {
  const markdown: NonNullable<HookSettings['markdown']> = {};
  const image = renderHook(siteDir, themes, 'render-image.html');
  if (image) markdown.captionsFromAlt = captionsWithAlt(image);
  const link = renderHook(siteDir, themes, 'render-link.html');
  if (link) markdown.externalLinksNewTab = /target\s*=\s*["']?_blank/i.test(link);
  if (renderHook(siteDir, themes, 'render-codeblock-mermaid.html')) markdown.mermaid = true;
  return { markdown };
}

/**
 * Whether an image hook's `<figcaption>` shows the alt text (`.Text`): directly, through a
 * variable (`{{ $caption := or .Title (.Text | htmlUnescape) }}`), or as the dot of a `with`
 * around it (`{{ with $caption }}<figcaption>{{ . }}</figcaption>{{ end }}`).
 */
function captionsWithAlt(hook: string): boolean {
  const at = hook.search(/<figcaption/i);
  if (at < 0) return false;
  const caption = hook.slice(at, hook.indexOf('</figcaption>', at) + 1 || undefined);
  const enclosingWith = /\{\{-?\s*with\s+([^}]*?)\s*-?\}\}[^{]*$/.exec(hook.slice(0, at))?.[1] ?? '';
  const usesAlt = (text: string) => /\.(Plain)?Text\b/.test(text);
  const altVariables = [...hook.matchAll(/\$(\w+)\s*:?=([^}]*)\}\}/g)].filter(([, , value]) => usesAlt(value ?? '')).map(([, name]) => name);
  const shown = `${caption} ${enclosingWith}`;
  return usesAlt(shown) || altVariables.some((name) => new RegExp(`\\$${name}\\b`).test(shown));
}

type Settings = Record<string, unknown>;

/** Whether a group of settings sets anything (a group of unset values writes nothing). */
function holdsAValue(value: unknown): boolean {
  return isMap(value) ? Object.values(value).some(holdsAValue) : value !== undefined;
}


/**
 * Settings that are lists of entries named by `name`, which the author and the import both add to:
 * they are completed entry by entry, where other lists (a menu) are one value.
 */
const NAMED_LISTS = new Set(['sections']);

/**
 * Completes the settings file with what the import learned: a value the author already set to
 * something else is kept (and reported) unless `overwrite`. The result must still be valid.
 */
export function writeImportedSettings(file: string, imported: Settings, overwrite: boolean): ImportedSettings {
  const current: Settings = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Settings) : {};
  const outcome: ImportedSettings = { written: [], kept: [] };
  const merge = (target: Settings, values: Settings, prefix: string) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const name = `${prefix}${key}`;
      if (NAMED_LISTS.has(name) && Array.isArray(value)) {
        target[key] = mergeNamed(target[key], value.filter(isMap), name);
        continue;
      }
      if (isMap(value)) {
        if (!holdsAValue(value)) continue;
        const child = isMap(target[key]) ? (target[key] as Settings) : {};
        target[key] = child;
        merge(child, value, `${name}.`);
        continue;
      }
      const shown = `${name} = ${JSON.stringify(value)}`;
      const same = JSON.stringify(target[key]) === JSON.stringify(value);
      if (target[key] === undefined || same || overwrite) {
        if (!same) outcome.written.push(shown);
        target[key] = value;
      } else {
        outcome.kept.push(`${name} = ${JSON.stringify(target[key])} (the Hugo site says ${JSON.stringify(value)}; --overwrite takes it)`);
      }
    }
  };
  /** A list's entries, each by its name: one the author has (set otherwise) is kept, a new one is added. */
  const mergeNamed = (list: unknown, entries: Settings[], name: string): unknown[] => {
    const merged = Array.isArray(list) ? [...(list as unknown[])] : [];
    for (const entry of entries) {
      const at = merged.findIndex((other) => isMap(other) && other.name === entry.name);
      const shown = `${name}.${String(entry.name)} = ${JSON.stringify(entry)}`;
      if (at >= 0 && JSON.stringify(merged[at]) === JSON.stringify(entry)) continue;
      if (at < 0) merged.push(entry);
      else if (overwrite) merged[at] = entry;
      else {
        outcome.kept.push(`${name}.${String(entry.name)} = ${JSON.stringify(merged[at])} (the Hugo site says ${JSON.stringify(entry)}; --overwrite takes it)`);
        continue;
      }
      outcome.written.push(shown);
    }
    return merged;
  };
  merge(current, imported, '');
  const settings = parseSiteSettings(current, file);
  writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
  return { ...outcome, settings };
}

/** A Hugo section of items (`notice`), as the import found it in every language. */
export type ImportedSection = {
  /** From each language's `_index.md` of the section. */
  title: Partial<Record<Lang, string>>;
  description: Partial<Record<Lang, string>>;
  /** The list's banner picture (`bg_image`), a path under static/ (public/ here) or a URL. */
  banner: Partial<Record<Lang, string>>;
  /** Some item has a date (`date`, `publishDate` or `lastmod`, as Hugo reads them). */
  dated: boolean;
  /** Some item has categories or tags: Hugo listed it on their term pages. */
  taxonomies: boolean;
};

/**
 * The sections of items as settings, by name: each with its titles, descriptions and banners where
 * a language's `_index.md` gave them, and its feeds, which Hugo's default outputs give every section.
 */
export function sectionSettings(found: ReadonlyMap<string, ImportedSection>): Settings {
  if (!found.size) return {};
  // A language without a value is left out, and so is a map without any (the site titles the section by its name).
  const defined = (values: Partial<Record<Lang, string>>) => {
    const entries = Object.entries(values).filter(([, value]) => value !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  const sections = [...found]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, section]) => ({ name, title: defined(section.title), description: defined(section.description), banner: defined(section.banner), dated: section.dated, feeds: true, ...(section.taxonomies ? { taxonomies: true } : {}) }));
  return { sections };
}

/** Who the site is and its menus, as the Hugo config says, per language of this site. */
export function siteIdentitySettings(site: HugoSite, siteLang: (hugoCode: string) => Lang | undefined, postSections: readonly string[]): Settings {
  const title: Settings = {};
  const description: Settings = {};
  const main: Settings = {};
  const footer: Settings = {};
  const codes = new Set(site.languages.map((language) => language.code));
  const languageOf = (segment: string) => (codes.has(segment.toLowerCase()) ? siteLang(segment) : undefined);
  for (const language of site.languages) {
    const lang = siteLang(language.code);
    if (!lang || language.disabled) continue;
    // A language's own value, else the site's (Hugo's root config is every language's default).
    title[lang] = language.title ?? text(language.params.title) ?? site.title;
    description[lang] = text(language.params.description) ?? text(site.params.description);
    const menuOf = (name: string) => {
      const entries = menuEntries(language.menus[name] ?? site.menus[name]);
      return entries.length ? entries.map((entry) => ({ ...entry, url: importedMenuUrl(entry.url, lang, languageOf, postSections) })) : undefined;
    };
    main[lang] = menuOf('main');
    footer[lang] = menuOf('footer');
  }
  const author = site.params.author;
  const copyright: Settings = {};
  for (const language of site.languages) {
    const lang = siteLang(language.code);
    if (lang && !language.disabled) copyright[lang] = plainText(text(language.params.copyright) ?? text(site.params.copyright) ?? site.copyright);
  }
  return {
    site: {
      title,
      description,
      copyright,
      social: socialProfiles(site),
      author: text(author) ?? (isMap(author) ? text(author.name) : undefined),
      baseUrl: site.baseUrl && /^https?:\/\/[^/]/.test(site.baseUrl) ? site.baseUrl.replace(/\/+$/, '') : undefined,
    },
    menus: { main, footer },
  };
}

/** A Hugo menu's entries that have a name and a place to go (`url`, or `pageRef`). */
function menuEntries(value: unknown): Array<{ name: string; url: string; weight: number }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!isMap(entry)) return [];
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    const url = typeof entry.url === 'string' ? entry.url : typeof entry.pageref === 'string' ? entry.pageref : '';
    // A submenu entry (`parent`) has no place in a one-level menu: it keeps its link, by weight.
    return name && url ? [{ name, url: url.trim(), weight: typeof entry.weight === 'number' ? entry.weight : 0 }] : [];
  });
}

/**
 * Where a Hugo menu link leads here. Hugo reads `about`, `/about/` and `/en/about/` against the
 * menu's language; here every page has its language's prefix and no trailing slash, the posts'
 * section list (`blog`) is the language's home, and its posts are under `/<lang>/blog/`. `languageOf` names the language of a first
 * segment that is one of the Hugo site's language codes.
 */
export function importedMenuUrl(url: string, lang: Lang, languageOf: (segment: string) => Lang | undefined, postSections: readonly string[]): string {
  if (isOtherSiteUrl(url) || url.startsWith('#')) return url;
  const [pathPart = '', rest = ''] = url.split(/(?=[?#])/);
  const segments = pathPart.split('/').filter(Boolean);
  const named = segments[0] ? languageOf(segments[0]) : undefined;
  if (named) segments.shift();
  const target = named ?? lang;
  if (!segments.length || (segments.length === 1 && postSections.includes(segments[0] ?? ''))) return `/${target}${rest}`;
  // A post of the section the posts came from (`/posts/my-post/`) is a blog post here.
  if (postSections.includes(segments[0] ?? '')) return `/${target}/blog/${segments.slice(1).join('/')}${rest}`;
  return `/${target}/${segments.join('/')}${rest}`;
}

/**
 * The giscus comments of a Hugo site, as settings: from its params (`giscus`, or `comments.giscus`
 * as Stack and others write them), else from the `data-*` attributes of a template of the site or
 * its theme that loads giscus (`layouts/partials/giscus.html` and the like).
 */
export function giscusSettings(siteDir: string, themes: readonly string[], params: Record<string, unknown>): Settings {
  const fromParams = [params.giscus, isMap(params.comments) ? params.comments.giscus : undefined].find(isMap);
  const read = (values: Record<string, unknown>, ...names: string[]) => names.map((name) => text(values[name])).find(Boolean);
  let found: Record<string, string | undefined> | undefined;
  if (fromParams) {
    found = {
      repo: read(fromParams, 'repo'),
      repoId: read(fromParams, 'repoid', 'repo_id'),
      category: read(fromParams, 'category'),
      categoryId: read(fromParams, 'categoryid', 'category_id'),
      mapping: read(fromParams, 'mapping'),
    };
  } else {
    const template = giscusTemplate(siteDir, themes);
    const attribute = (name: string) => template?.match(new RegExp(`data-${name}\\s*=\\s*["']([^"'{}]+)["']`))?.[1]?.trim();
    if (template) found = { repo: attribute('repo'), repoId: attribute('repo-id'), category: attribute('category'), categoryId: attribute('category-id'), mapping: attribute('mapping') };
  }
  if (!found?.repo || !found.repoId || !found.category || !found.categoryId) return {};
  const mapping = ['pathname', 'url', 'title', 'og:title'].includes(found.mapping ?? '') ? found.mapping : 'pathname';
  return { comments: { repo: found.repo, repoId: found.repoId, category: found.category, categoryId: found.categoryId, mapping } };
}

/** The first template under the site's (then its theme's) layouts/ that loads giscus. */
function giscusTemplate(siteDir: string, themes: readonly string[]): string | undefined {
  for (const root of [siteDir, ...themes.map((theme) => path.join(siteDir, 'themes', theme))]) {
    const layouts = path.join(root, 'layouts');
    if (!existsSync(layouts)) continue;
    const stack = [layouts];
    while (stack.length) {
      const dir = stack.pop() as string;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) stack.push(full);
        else if (entry.name.endsWith('.html')) {
          const template = readFileSync(full, 'utf8');
          if (template.includes('giscus.app/client.js')) return template;
        }
      }
    }
  }
  return undefined;
}

/** The author's profiles as themes list them: `params.social` (educenter, beautifulhugo), `params.socialIcons` (PaperMod), `menu.social` (Stack). */
function socialProfiles(site: HugoSite): Array<{ name: string; url: string }> | undefined {
  const lists = [site.params.social, site.params.socialicons, site.menus.social];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const profiles = list.flatMap((entry) => {
      if (!isMap(entry)) return [];
      const name = text(entry.name) ?? text(entry.title);
      const url = text(entry.url) ?? text(entry.link);
      // A profile is on another site; a link to this one (its feed) is no profile.
      return name && url && isOtherSiteUrl(url) ? [{ name, url }] : [];
    });
    if (profiles.length) return profiles;
  }
  return undefined;
}

/** Text as a reader sees it: tags dropped, the entities Hugo sites write in a copyright line decoded. */
function plainText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const named: Record<string, string> = { copy: '©', reg: '®', trade: '™', amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', ndash: '–', mdash: '—', middot: '·' };
  const plain = html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
      return named[body.toLowerCase()] ?? entity;
    })
    .trim();
  return plain || undefined;
}
