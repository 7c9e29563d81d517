import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, dump } from 'js-yaml';
import { frameOrigin } from '../content/embeds';
import { checkContent } from '../content/check';
import type { ContentProblem } from '../content/errors';
import { frontMatterSchema, splitFrontMatter } from '../content/front-matter';
import { THEME_KEYS } from '../content/theme-vocabulary';
import { hasOwnRenderer } from '../content/shortcodes';
import { readContentIndex } from '../content/posts';
import { isLang, languages, SITE_SEGMENTS, type Lang } from '../site-config';
import { hugoSite, readHugoConfig, text, type HugoLanguage, type HugoSite } from './config';
import { giscusSettings, renderHookSettings, sectionSettings, siteIdentitySettings, writeImportedSettings, type ImportedSection, type ImportedSettings } from './settings';
import { SITE_SETTINGS_FILE, siteSettings } from '../site-settings';


export type ImportOptions = {
  /** The Hugo site's root folder (where hugo.toml, config.toml or config/_default/ is). */
  siteDir: string;
  postsDir: string;
  /** Where standalone pages (`content/<lang>/about.md`) and the other sections' items (`content/<lang>/notice/`) go; by default `content` beside postsDir. */
  pagesDir?: string;
  publicDir: string;
  /** The site's settings file (site.config.json), which the import completes. */
  settingsFile?: string;
  /** Content sections holding the posts; by default the first of blog, posts, post, article(s) that exists. */
  sections?: string[];
  /** Replace posts, static files and settings that already exist here. */
  overwrite?: boolean;
  /** Where the site's and its theme's shortcode templates go; by default `layouts/shortcodes` beside postsDir. */
  shortcodesDir?: string;
};

/** What became of one file of the Hugo site: copied (and where to), or left out and why. */
export type FileOutcome = {
  /** Relative to the Hugo site. */
  file: string;
  to?: string;
  /** Where it went, for the summary: `posts/en`, `content/en/notice`, `site.config.json sections`, `public`. */
  into?: string;
  skipped?: string;
};

export type ImportReport = {
  postsByLang: Record<string, number>;
  /** Standalone pages (about, contact...), from a top-level file or a section that holds only its `_index.md`. */
  pagesByLang: Record<string, number>;
  /** Items of the other content sections (`notice`, `event`), per language, per section: `{ en: { notice: 4 } }`. */
  sectionsByLang: Record<string, Record<string, number>>;
  translationPairs: number;
  staticFiles: number;
  shortcodes: Record<string, number>;
  /**
   * The shortcode templates of the site and its theme, copied to layouts/shortcodes/: those drawn
   * from their template when a post uses them, and those this site draws with its own renderer.
   */
  shortcodeTemplates: { evaluated: string[]; drawnHere: string[] };
  /** Front-matter keys of the themes that the content layer reads (`bigimg`, `cover`, `notoc`...), with how many posts use each. */
  themeKeys: Record<string, number>;
  /** Keys that look like an image, a table-of-contents switch or a subtitle but mean nothing here, with how many posts use each. */
  unmappedKeys: Record<string, number>;
  /** Every file under the content and static folders, with what became of it. */
  files: FileOutcome[];
  /** Content files of a configured language that were neither imported nor skipped with a reason. */
  unaccounted: string[];
  /** Hugo languages this site cannot hold, and what they held. */
  skippedLanguages: string[];
  /** Files not copied because the destination exists (use --overwrite). */
  conflicts: string[];
  /** A bundle's files that only one of its translations had, copied into the others (as Hugo shares them). */
  sharedResources: number;
  converted: { toml: number; json: number };
  /** The theme the site names (`theme`, or the folders under themes/). */
  theme: string[];
  /** Settings the import wrote into site.config.json, and those it left as the author had them. */
  settings: ImportedSettings;
  errors: ContentProblem[];
  /** Defects Hugo tolerates, which the build resolves as Hugo does. */
  defects: ContentProblem[];
  warnings: ContentProblem[];
};

const MARKDOWN = /\.(md|markdown|mdx)$/i;

function walk(dir: string, relative = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...walk(dir, child));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

/** `post.en.md` → `{ name: 'post.md', lang: 'en' }` for the suffix scheme. */
function splitLanguageSuffix(file: string): { file: string; lang?: string } {
  const match = /^(.*)\.([a-z]{2}(?:[-_][a-z]+)?)\.(md|markdown|mdx)$/i.exec(file);
  if (!match) return { file };
  return { file: `${match[1]}.${match[3]}`, lang: match[2]?.toLowerCase() };
}

/** Rewrites TOML (`+++`) or JSON front matter as YAML, keeping every value and the dates as written. */
export function toYamlFrontMatter(raw: string, file: string): { text: string; from?: 'toml' | 'json' } {
  const trimmed = raw.replace(/^\uFEFF/, '');
  const from = trimmed.startsWith('+++') ? 'toml' : trimmed.startsWith('{') ? 'json' : undefined;
  if (!from) return { text: raw };
  const split = splitFrontMatter(trimmed, file);
  if (!split.ok) return { text: raw };
  const yaml = dump(split.value.data, { lineWidth: -1, schema: CORE_SCHEMA });
  return { text: `---\n${yaml}---\n${split.value.body.startsWith('\n') ? '' : '\n'}${split.value.body}`, from };
}

const SHORTCODE = /\{\{[<%]\s*([\w][\w.\-/]*)/g;
const IFRAME_SRC = /<iframe\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/gi;

const DEFAULT_SECTIONS = ['blog', 'posts', 'post', 'articles', 'article'];

/** Our language for a Hugo language code: `zh-cn` → `zh`, `en-us` → `en`. */
function siteLang(hugoLang: string): Lang | undefined {
  const base = hugoLang.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(base) ? base : undefined;
}

type LanguageSource =
  | { mode: 'folder'; language: HugoLanguage; dir: string }
  | { mode: 'suffix'; language: HugoLanguage; dir: string; isDefault: boolean };

/** A language this site holds, with its content files and the page bundles among them. */
type ReadableLanguage = { source: LanguageSource; lang: Lang; files: string[]; bundles: ReadonlySet<string> };

/** A file's path in its language's content as the site names it: without the `.<lang>` of the suffix scheme. */
function withoutLanguage(source: LanguageSource, relative: string): string {
  return source.mode === 'suffix' ? splitLanguageSuffix(relative).file : relative;
}

/** Where each Hugo language keeps its content: `contentDir`, else `content/<lang>`, else `.<lang>.md` suffixes. */
export function languageSources(siteDir: string, site: HugoSite): LanguageSource[] {
  const contentRoot = path.join(siteDir, site.contentDir);
  return site.languages.map((language) => {
    if (language.contentDir) return { mode: 'folder', language, dir: path.join(siteDir, language.contentDir) };
    const perLanguage = path.join(contentRoot, language.code);
    if (existsSync(perLanguage)) return { mode: 'folder', language, dir: perLanguage };
    return { mode: 'suffix', language, dir: contentRoot, isDefault: language.code === site.defaultContentLanguage };
  });
}

/** The theme a site uses: `theme` in the config, else what themes/ holds. */
function themeNames(siteDir: string, site: HugoSite): string[] {
  if (site.theme.length) return site.theme;
  const themesDir = path.join(siteDir, 'themes');
  return existsSync(themesDir) ? readdirSync(themesDir).filter((name) => !name.startsWith('.')) : [];
}

/** The posts' section: the ones asked for, else the first default that any language has. */
function postSections(sources: readonly LanguageSource[], asked?: string[]): string[] {
  if (asked?.length) return asked;
  const found = DEFAULT_SECTIONS.find((section) => sources.some((source) => existsSync(path.join(source.dir, section))));
  return found ? [found] : [];
}

export function importHugoSite(options: ImportOptions): ImportReport {
  const site = hugoSite(readHugoConfig(options.siteDir));
  const sources = languageSources(options.siteDir, site);
  const sections = postSections(sources, options.sections);
  const outcomes = new Map<string, FileOutcome>();
  const relativeToSite = (file: string) => path.relative(options.siteDir, file).split(path.sep).join('/');
  const record = (file: string, outcome: Omit<FileOutcome, 'file' | 'into'>, into?: string) => {
    const key = relativeToSite(file);
    const known = outcomes.get(key);
    // A bundle's resource serves every language of the suffix scheme: it was imported once already.
    if (known?.to && outcome.to) known.to = `${known.to}, ${path.relative(process.cwd(), outcome.to)}`;
    else if (!known || (known.skipped && outcome.to)) {
      outcomes.set(key, { file: key, ...outcome, to: outcome.to && path.relative(process.cwd(), outcome.to), into });
    }
  };
  const pagesDir = options.pagesDir ?? path.join(path.dirname(options.postsDir), 'content');
  const report: ImportReport = {
    postsByLang: {},
    pagesByLang: {},
    sectionsByLang: {},
    translationPairs: 0,
    staticFiles: 0,
    shortcodes: {},
    shortcodeTemplates: { evaluated: [], drawnHere: [] },
    themeKeys: {},
    unmappedKeys: {},
    files: [],
    unaccounted: [],
    skippedLanguages: [],
    conflicts: [],
    sharedResources: 0,
    converted: { toml: 0, json: 0 },
    theme: themeNames(options.siteDir, site),
    settings: { written: [], kept: [] },
    errors: [],
    defects: [],
    warnings: [],
  };

  /** Sites the content frames (`<iframe src>`), which the site's security policy must let in. */
  const framed = new Set<string>();
  /** Counts the shortcodes a file uses, and notes the sites it frames. */
  const countUsage = (raw: string) => {
    for (const match of raw.matchAll(SHORTCODE)) {
      const name = match[1] ?? '';
      if (!name.startsWith('/')) report.shortcodes[name] = (report.shortcodes[name] ?? 0) + 1;
    }
    for (const match of raw.matchAll(IFRAME_SRC)) {
      const origin = frameOrigin(match[1] ?? '');
      if (origin && origin !== 'https://www.youtube-nocookie.com') framed.add(origin);
    }
  };

  /** Copies a file unless a different one is there (without --overwrite); true when the target holds it. */
  const copy = (from: string, to: string, transform?: (text: string) => string): boolean => {
    if (existsSync(to) && !options.overwrite) {
      const same = transform ? readFileSync(to, 'utf8') === transform(readFileSync(from, 'utf8')) : readFileSync(from).equals(readFileSync(to));
      if (!same) {
        report.conflicts.push(path.relative(process.cwd(), to));
        record(from, { skipped: `a different ${path.relative(process.cwd(), to)} is already there (use --overwrite)` });
      }
      return same;
    }
    mkdirSync(path.dirname(to), { recursive: true });
    if (transform) writeFileSync(to, transform(readFileSync(from, 'utf8')));
    else copyFileSync(from, to);
    return true;
  };

  // First every language's files, so that a section with items in any language is one everywhere
  // (a translation that holds only the section's `_index.md` is its title, not a page).
  const readable: ReadableLanguage[] = [];
  for (const source of sources) {
    const { language } = source;
    if (!existsSync(source.dir)) continue;
    const lang = siteLang(language.code);
    const files = walk(source.dir).filter((relative) => belongsTo(source, relative));
    const skipAll = (reason: string) => files.forEach((relative) => record(path.join(source.dir, relative), { skipped: reason }));
    if (language.disabled) {
      skipAll(`language ${language.code} is disabled in the Hugo config`);
      continue;
    }
    if (!lang) {
      const count = files.filter((f) => MARKDOWN.test(f)).length;
      report.skippedLanguages.push(`${language.code} (${count} files): add it to languages in lib/site-config.ts and import again`);
      skipAll(`language ${language.code} is not one of this site's languages (${languages.join(', ')})`);
      continue;
    }
    const bundles = leafBundles(files.map((relative) => withoutLanguage(source, relative)));
    readable.push({ source, lang, files, bundles });
  }
  const taxonomyLists = new Set(['tags', 'categories', ...Object.values(site.taxonomies)]);
  const itemSections = sectionsWithItems(readable, new Set([...sections, ...taxonomyLists]));
  /** What each section of items is, gathered over the languages: the settings written below. */
  const foundSections = new Map<string, ImportedSection & { folder: string }>();
  const foundSection = (name: string, folder: string) => {
    const known = foundSections.get(name);
    if (known) return known;
    const found: ImportedSection & { folder: string } = { title: {}, description: {}, banner: {}, dated: false, taxonomies: false, folder };
    foundSections.set(name, found);
    return found;
  };

  for (const { source, lang, files, bundles } of readable) {
    const { language } = source;
    const languageIndex = ['_index.md', `_index.${language.code}.md`].map((name) => path.join(source.dir, name)).find((file) => existsSync(file));
    if (source.mode === 'folder' && languageIndex && sections.length) {
      const split = splitFrontMatter(readFileSync(languageIndex, 'utf8'), languageIndex);
      if (split.ok && split.value.data.cascade !== undefined) {
        report.warnings.push({
          file: path.relative(process.cwd(), languageIndex),
          field: 'cascade',
          message: `reaches the imported posts in Hugo but lies outside the section: copy its cascade into posts/${lang}/_index.md`,
        });
      }
    }
    const pages = pageSections(files, [...sections, ...taxonomyLists, ...itemSections]);
    /** Copies a page's Markdown (front matter as YAML) or one of its bundle's files. */
    const importPage = (from: string, to: string) => {
      const into = path.relative(process.cwd(), path.join(pagesDir, lang));
      if (!MARKDOWN.test(from)) {
        if (copy(from, to)) record(from, { to }, into);
        return;
      }
      const converted = toYamlFrontMatter(readFileSync(from, 'utf8'), from);
      const split = splitFrontMatter(converted.text, from);
      if (split.ok && !split.value.body.trim()) {
        const layout = split.value.data.layout ?? split.value.data.type;
        record(from, { skipped: `a page with no text of its own${typeof layout === 'string' ? `, drawn by the theme's "${layout}" layout` : ''}: nothing to show here` });
        return;
      }
      if (converted.from) report.converted[converted.from]++;
      if (copy(from, to, () => converted.text)) {
        record(from, { to }, into);
        report.pagesByLang[lang] = (report.pagesByLang[lang] ?? 0) + 1;
      }
    };
    /**
     * Copies a file of a section of items to the same place under content/<lang>/: an item (its
     * front matter as YAML) or its bundle's files. The section's `_index.md` is its title and
     * description in the settings, and is copied too only when it cascades values to the items.
     */
    const importSectionFile = (from: string, relative: string, section: string) => {
      const to = path.join(pagesDir, lang, relative);
      const into = path.relative(process.cwd(), path.join(pagesDir, lang, section));
      const place = sectionFile(relative, bundles);
      if (place.kind === 'resource') {
        if (copy(from, to)) record(from, { to }, into);
        return;
      }
      if (place.kind === 'loose' || place.kind === 'bundled-page' || place.kind === 'top-index') {
        record(from, { skipped: sectionFileReason(place, section) });
        return;
      }
      const raw = readFileSync(from, 'utf8');
      const converted = toYamlFrontMatter(raw, from);
      const split = splitFrontMatter(converted.text, path.relative(process.cwd(), from));
      const data = split.ok ? split.value.data : {};
      /** A list page's cascade reaches the items below it, as the blog's `_index.md` does the posts. */
      const copyCascade = () => {
        if (data.cascade === undefined) return;
        if (converted.from) report.converted[converted.from]++;
        if (copy(from, to, () => converted.text)) record(from, { to }, into);
      };
      if (place.kind === 'sublist') {
        copyCascade();
        record(from, { skipped: `the list page of ${section}/${place.dir}/: the items of "${section}" are listed in one list here, these included` });
        return;
      }
      const found = foundSection(section, path.join(source.dir, section));
      if (place.kind === 'list') {
        // Its values are read here, not by the build: what cannot be read is said now.
        if (!split.ok) report.warnings.push(...split.problems);
        found.title[lang] = frontMatterText(data, 'title');
        found.description[lang] = frontMatterText(data, 'description');
        found.banner[lang] = frontMatterText(data, 'bg_image');
        if (split.ok && split.value.body.trim()) {
          report.warnings.push({
            file: path.relative(process.cwd(), from),
            message: `its text is not shown: the list of "${section}" has a title and a description only (site.config.json sections); move the text into the description or a page`,
          });
        }
        // What else the list page said has no place here yet: named, not dropped silently.
        const unread = Object.keys(data).filter((key) => !LIST_PAGE_KEYS.has(key.toLowerCase()));
        if (unread.length) {
          report.warnings.push({
            file: path.relative(process.cwd(), from),
            message: `${unread.map((key) => `"${key}"`).join(', ')} of the list of "${section}" ${unread.length > 1 ? 'are' : 'is'} not carried over: the list has a title, a description and a banner picture here`,
          });
        }
        if (options.settingsFile) record(from, { to: options.settingsFile }, 'site.config.json sections');
        else record(from, { skipped: `the list page of "${section}": its title and description are settings (sections in site.config.json), which this import does not write` });
        copyCascade();
        return;
      }
      countUsage(raw);
      if (HUGO_DATE_KEYS.some((key) => frontMatterValue(data, key) !== undefined)) found.dated = true;
      // Hugo lists every page with a term on the term's page, whatever its section.
      if (['categories', 'tags'].some((key) => hasTerms(frontMatterValue(data, key)))) found.taxonomies = true;
      if (converted.from) report.converted[converted.from]++;
      if (copy(from, to, () => converted.text)) {
        record(from, { to }, into);
        const counts = (report.sectionsByLang[lang] ??= {});
        counts[section] = (counts[section] ?? 0) + 1;
      }
    };
    for (const relative of files) {
      const from = path.join(source.dir, relative);
      const [section, ...inside] = relative.split('/');
      if (!section || !inside.length) {
        const name = source.mode === 'suffix' ? splitLanguageSuffix(relative).file : relative;
        if (MARKDOWN.test(name) && !name.startsWith('_')) importPage(from, path.join(pagesDir, lang, name.replace(MARKDOWN, '.md')));
        else record(from, { skipped: rootFileReason(relative) });
        continue;
      }
      if (pages.has(section)) {
        const rest = source.mode === 'suffix' ? splitLanguageSuffix(inside.join('/')).file : inside.join('/');
        if (MARKDOWN.test(rest) && !rest.includes('/')) importPage(from, path.join(pagesDir, lang, `${section}.md`));
        else record(from, { skipped: `a file of the page ${section}/: pages cannot have files of their own yet (put it under static/ and link it by its full path)` });
        continue;
      }
      if (taxonomyLists.has(section)) {
        record(from, { skipped: `the list page of the taxonomy "${section}": /${lang}/${section} lists its terms here` });
        continue;
      }
      if (!sections.includes(section)) {
        const unfit = unfitSectionReason(section, itemSections, sections, path.relative(options.siteDir, path.join(source.dir, section)));
        if (unfit) record(from, { skipped: unfit });
        else importSectionFile(from, withoutLanguage(source, relative), section);
        continue;
      }
      const target = source.mode === 'suffix' ? splitLanguageSuffix(inside.join('/')).file : inside.join('/');
      const to = path.join(options.postsDir, lang, target);
      if (!MARKDOWN.test(relative)) {
        if (copy(from, to)) record(from, { to }, `posts/${lang}`);
        continue;
      }
      const raw = readFileSync(from, 'utf8');
      countUsage(raw);
      const converted = toYamlFrontMatter(raw, from);
      if (converted.from) report.converted[converted.from]++;
      const isPost = !path.basename(target).startsWith('_');
      if (isPost) countThemeKeys(converted.text, from, report);
      if (copy(from, to, () => converted.text)) {
        record(from, { to }, `posts/${lang}`);
        if (isPost) report.postsByLang[lang] = (report.postsByLang[lang] ?? 0) + 1;
      }
    }
  }

  const overwrite = options.overwrite ?? false;
  report.sharedResources = shareBundleResources((lang) => path.join(options.postsDir, lang), Object.keys(report.postsByLang).filter(isLang), overwrite);
  for (const [name, found] of foundSections) {
    const langs = Object.keys(report.sectionsByLang).filter((lang): lang is Lang => isLang(lang) && Boolean(report.sectionsByLang[lang]?.[name]));
    report.sharedResources += shareBundleResources((lang) => path.join(pagesDir, lang, name), langs, overwrite);
    const permalink = site.permalinks[name];
    if (permalink) {
      report.warnings.push({
        file: path.relative(process.cwd(), found.folder),
        message: `Hugo served these items at "${permalink}" (permalinks.${name}), not at /${name}/<slug>/: only the latter lead to the new pages by themselves; give each item an alias for its old URL`,
      });
    }
  }

  // Content no configured language claims: another language's folder, or a folder beside them.
  const contentRoot = path.join(options.siteDir, site.contentDir);
  const claimed = sources.map((source) => source.dir);
  if (existsSync(contentRoot)) {
    for (const relative of walk(contentRoot)) {
      const file = path.join(contentRoot, relative);
      if (outcomes.has(relativeToSite(file))) continue;
      const claimedDir = claimed.some((dir) => file.startsWith(`${dir}${path.sep}`));
      if (claimedDir && !(splitLanguageSuffix(relative).lang && MARKDOWN.test(relative))) {
        report.unaccounted.push(relativeToSite(file));
        continue;
      }
      const suffix = splitLanguageSuffix(relative).lang;
      if (suffix && MARKDOWN.test(relative)) {
        record(file, { skipped: `its suffix .${suffix} names no language of the Hugo config` });
        continue;
      }
      const folder = relative.split('/')[0] ?? relative;
      record(file, { skipped: `content/${folder} is claimed by no language of the Hugo config (${site.languages.map((l) => l.code).join(', ')})` });
    }
  }

  // Static files, the theme's first: the site's own win, as in Hugo.
  const staticDirs = [
    ...report.theme.map((theme) => path.join(options.siteDir, 'themes', theme, 'static')),
    ...site.staticDirs.map((dir) => path.join(options.siteDir, dir)),
  ].filter((dir) => existsSync(dir));
  const staticTargets = new Map<string, string>();
  for (const dir of staticDirs) for (const relative of walk(dir)) staticTargets.set(relative, path.join(dir, relative));
  for (const dir of staticDirs) {
    for (const relative of walk(dir)) {
      const from = path.join(dir, relative);
      if (staticTargets.get(relative) !== from) {
        record(from, { skipped: `the site's own static/${relative} replaces the theme's` });
        continue;
      }
      const to = path.join(options.publicDir, relative);
      if (copy(from, to)) {
        record(from, { to }, 'public');
        report.staticFiles++;
      }
    }
  }

  // Shortcode templates, the theme's first: the site's own replace them, as in Hugo. Posts keep
  // their calls, and the content layer draws each from its template (lib/content/site-shortcodes.ts).
  const shortcodesDir = options.shortcodesDir ?? path.join(path.dirname(options.postsDir), 'layouts/shortcodes');
  const templates = new Map<string, string>();
  for (const dir of [...report.theme.map((theme) => path.join(options.siteDir, 'themes', theme)), options.siteDir].map((root) => path.join(root, 'layouts/shortcodes'))) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.html'))) templates.set(file, path.join(dir, file));
  }
  for (const [file, from] of [...templates].sort()) {
    if (!copy(from, path.join(shortcodesDir, file))) continue;
    const name = file.replace(/\.html$/, '');
    (hasOwnRenderer(name) ? report.shortcodeTemplates.drawnHere : report.shortcodeTemplates.evaluated).push(name);
  }

  report.files = [...outcomes.values()].sort((a, b) => a.file.localeCompare(b.file));
  if (options.settingsFile) {
    report.settings = writeImportedSettings(options.settingsFile, {
      ...renderHookSettings(options.siteDir, report.theme),
      ...siteIdentitySettings(site, siteLang, sections),
      ...giscusSettings(options.siteDir, report.theme, site.params),
      ...sectionSettings(foundSections),
      ...(framed.size ? { embedOrigins: [...framed].sort() } : {}),
      hugo: { section: sections[0] ?? 'blog', permalink: sections[0] ? site.permalinks[sections[0]] : undefined, disablePathToLower: site.disablePathToLower },
    }, overwrite);
    // The check below reads the posts as the site will: with the settings just written, when
    // they are this project's own (the import's usual case).
    if (report.settings.settings && path.resolve(options.settingsFile) === path.resolve(SITE_SETTINGS_FILE)) {
      Object.assign(siteSettings, report.settings.settings);
    }
  }

  const contentOptions = { postsDir: options.postsDir, pagesDir, publicDir: options.publicDir, shortcodesDir, now: new Date(), includeUnpublished: true, diskCache: true };
  // Pairs come from front matter alone; the check below reads the bodies once.
  const { content } = readContentIndex(contentOptions);
  const languagesByKey = new Map<string, number>();
  for (const lang of languages) {
    for (const post of content.posts[lang]) languagesByKey.set(post.translationKey, (languagesByKey.get(post.translationKey) ?? 0) + 1);
  }
  report.translationPairs = [...languagesByKey.values()].filter((count) => count > 1).length;
  const checked = checkContent(contentOptions);
  report.errors = checked.errors;
  report.defects = checked.defects;
  report.warnings.push(...checked.warnings);
  return report;
}

/** Whether a file of a language's content folder is that language's (the suffix scheme shares one folder). */
function belongsTo(source: LanguageSource, relative: string): boolean {
  if (source.mode === 'folder' || !MARKDOWN.test(relative)) return true;
  const fileLang = splitLanguageSuffix(relative).lang;
  return fileLang ? fileLang === source.language.code : source.isDefault;
}

const THEME_KEY_BY_LOWERCASE = new Map(THEME_KEYS.map((key) => [key.toLowerCase(), key]));
const KNOWN_KEYS = new Set(Object.keys(frontMatterSchema.in.shape).map((key) => key.toLowerCase()));
/** What a key that names a picture, a table of contents or a subtitle looks like. */
const LOOKS_THEMATIC = /image|img|cover|banner|thumb|photo|toc|subtitle/i;

/** Counts the themes' front-matter keys a post uses: those read here, and those that look like them but are not. */
function countThemeKeys(text: string, file: string, report: ImportReport): void {
  const split = splitFrontMatter(text, file);
  if (!split.ok) return;
  for (const key of Object.keys(split.value.data)) {
    const mapped = THEME_KEY_BY_LOWERCASE.get(key.toLowerCase());
    if (mapped) report.themeKeys[mapped] = (report.themeKeys[mapped] ?? 0) + 1;
    else if (!KNOWN_KEYS.has(key.toLowerCase()) && LOOKS_THEMATIC.test(key)) report.unmappedKeys[key] = (report.unmappedKeys[key] ?? 0) + 1;
  }
}

/** Why a file at the top of a language's content is not imported. */
function rootFileReason(relative: string): string {
  if (/^_index\./.test(relative)) return "the language's home page: the home here lists the posts";
  return "a file beside the language's pages that no post holds";
}

/**
 * The sections of a language's content that are standalone pages, as Hugo builds `about/_index.md`
 * (or the bundle `about/index.md`) with nothing else to list: their one Markdown file is the page,
 * and the other files are its own. `notPages` are the sections that are something else (the posts',
 * the taxonomies', those with items in some language).
 */
function pageSections(files: readonly string[], notPages: readonly string[]): Set<string> {
  const bySection = new Map<string, string[]>();
  for (const relative of files) {
    const [section, ...inside] = relative.split('/');
    if (!section || !inside.length || notPages.includes(section)) continue;
    bySection.set(section, [...(bySection.get(section) ?? []), inside.join('/')]);
  }
  const pages = new Set<string>();
  for (const [section, inside] of bySection) {
    const markdown = inside.filter((file) => MARKDOWN.test(file));
    const [only] = markdown;
    if (markdown.length === 1 && only && /^_?index\.[^/]+$/.test(only)) pages.add(section);
  }
  return pages;
}

/** A section's name here is its folder's, and must be a URL segment as the settings accept it. */
const SECTION_NAME = /^[a-z0-9][a-z0-9_-]*$/;


/** Front-matter keys whose value Hugo takes for a page's date, by default (`[frontmatter] date`). */
const HUGO_DATE_KEYS = ['date', 'publishdate', 'lastmod'];

const BUNDLE_INDEX = /^index\.(md|markdown|mdx)$/i;

/** What a section's list page says that the import reads (title, description) or that means nothing for a list here. */
const LIST_PAGE_KEYS = new Set(['title', 'description', 'bg_image', 'draft', 'type', 'layout', 'cascade', 'weight']);

/** A front-matter value by its key in any case, as Hugo reads `Title` and `title` alike. */
function frontMatterValue(data: Record<string, unknown>, key: string): unknown {
  const found = Object.keys(data).find((name) => name.toLowerCase() === key);
  return found === undefined ? undefined : data[found];
}

/** Whether a front-matter value names at least one term (`tags: istio` or `tags: [istio]`). */
function hasTerms(value: unknown): boolean {
  return Array.isArray(value) ? value.some((name) => typeof name === 'string' && name.trim()) : typeof value === 'string' && Boolean(value.trim());
}

function frontMatterText(data: Record<string, unknown>, key: string): string | undefined {
  return text(frontMatterValue(data, key));
}

/**
 * The leaf bundles among a language's files (paths without the language suffix): the folders
 * below a section that hold an `index.md`, whose other files are the page's own.
 */
function leafBundles(files: readonly string[]): Set<string> {
  const bundles = new Set<string>();
  for (const file of files) {
    const dir = path.posix.dirname(file);
    if (BUNDLE_INDEX.test(path.posix.basename(file)) && dir.includes('/')) bundles.add(dir);
  }
  return bundles;
}

/** What a file of a section of items is, as Hugo reads the folder. */
type SectionFile =
  /** The section's `_index.md`: its list page. */
  | { kind: 'list' }
  /** A subfolder's `_index.md` (a branch bundle): the list of part of the section. */
  | { kind: 'sublist'; dir: string }
  /** A regular page: `<slug>.md`, or a bundle's `<slug>/index.md`, at any depth. */
  | { kind: 'item' }
  /** A file of an item's bundle. */
  | { kind: 'resource' }
  /** Markdown inside an item's bundle, which Hugo publishes as no page of its own. */
  | { kind: 'bundled-page'; bundle: string }
  /** An `index.md` at the top of the section, which makes the whole folder one page in Hugo. */
  | { kind: 'top-index' }
  /** Any other file outside the items' bundles. */
  | { kind: 'loose' };

/** What a file is, by its path in the language's content (`notice/kubecon/index.md`, suffix dropped). */
function sectionFile(relative: string, bundles: ReadonlySet<string>): SectionFile {
  const parts = relative.split('/');
  const name = parts[parts.length - 1] ?? '';
  // The outermost bundle: Hugo reads no bundle inside another.
  let bundle: string | undefined;
  for (let length = 2; length < parts.length && !bundle; length++) {
    const dir = parts.slice(0, length).join('/');
    if (bundles.has(dir)) bundle = dir;
  }
  if (!MARKDOWN.test(name)) return bundle ? { kind: 'resource' } : { kind: 'loose' };
  if (bundle) return relative === `${bundle}/${name}` && BUNDLE_INDEX.test(name) ? { kind: 'item' } : { kind: 'bundled-page', bundle };
  if (name.startsWith('_index.')) return parts.length === 2 ? { kind: 'list' } : { kind: 'sublist', dir: parts.slice(1, -1).join('/') };
  return parts.length === 2 && BUNDLE_INDEX.test(name) ? { kind: 'top-index' } : { kind: 'item' };
}

/** Why a file of a section of items is not copied. */
function sectionFileReason(place: SectionFile, section: string): string {
  if (place.kind === 'bundled-page') return `Markdown inside the bundle ${place.bundle}/, which Hugo publishes as no page of its own`;
  if (place.kind === 'top-index') return `an index.md at the top of the section "${section}", which Hugo shows as one page with everything else its own: rename it _index.md to make it the section's list, or move it into a folder of its own`;
  return `a file of the section "${section}" outside the items' bundles (folders with an index.md): nothing serves it here; move it into the bundle that shows it, or under static/`;
}

/** The sections that hold at least one item in some language, besides those excluded (the posts', the taxonomies'). */
function sectionsWithItems(readable: readonly ReadableLanguage[], excluded: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const { source, files, bundles } of readable) {
    for (const relative of files) {
      const [section, ...inside] = relative.split('/');
      if (!section || !inside.length || excluded.has(section) || found.has(section)) continue;
      if (sectionFile(withoutLanguage(source, relative), bundles).kind === 'item') found.add(section);
    }
  }
  return found;
}

/** Why a section (neither the posts' nor a page) cannot be a section of items here; undefined when it can. */
function unfitSectionReason(section: string, itemSections: ReadonlySet<string>, postSections: readonly string[], folder: string): string | undefined {
  if (!itemSections.has(section)) return `${folder}/ holds no page to list in any language: nothing here would show its files (move them under static/ to keep serving them)`;
  if (!SECTION_NAME.test(section)) {
    const suggested = section.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|-+$/g, '') || 'items';
    return `${folder}/ cannot be a section: its name must be lower-case letters, digits, - and _ (it is the URL's); rename the folder (e.g. "${suggested}") in every language and import again`;
  }
  if (SITE_SEGMENTS.has(section)) {
    return `${folder}/ cannot be a section: /<lang>/${section} is the site's own (the posts come from "${postSections.join('", "') || 'blog'}"); rename the folder, or import it as posts (--section ${section})`;
  }
  return undefined;
}

/**
 * Hugo serves a bundle's files to each of its translations (the bundle at the same path in the
 * other language's content): an English post may show an image that only its Chinese bundle has.
 * Here each bundle serves its own files, so such a file is copied into the translations that name
 * it and lack it. `rootOf` is where a language's posts (or a section's items) are.
 */
function shareBundleResources(rootOf: (lang: Lang) => string, langs: readonly Lang[], overwrite: boolean): number {
  let copied = 0;
  for (const lang of langs) {
    const root = rootOf(lang);
    if (!existsSync(root)) continue;
    for (const relative of walk(root)) {
      const dir = path.posix.dirname(relative);
      if (MARKDOWN.test(relative) || dir === '.') continue;
      const bundle = bundleOf(root, dir);
      if (!bundle) continue;
      const inBundle = relative.slice(bundle.length + 1);
      for (const other of langs) {
        const index = path.join(rootOf(other), bundle, 'index.md');
        // Only what the translation shows: its text names the file.
        if (other === lang || !existsSync(index) || !readFileSync(index, 'utf8').includes(inBundle)) continue;
        const to = path.join(rootOf(other), relative);
        if (existsSync(to) && !overwrite) continue;
        mkdirSync(path.dirname(to), { recursive: true });
        copyFileSync(path.join(root, relative), to);
        copied++;
      }
    }
  }
  return copied;
}

/** The bundle folder (holding index.md) that a folder is in, relative to the language root. */
function bundleOf(root: string, dir: string): string | undefined {
  const parts = dir.split('/');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('/');
    if (existsSync(path.join(root, candidate, 'index.md'))) return candidate;
  }
  return undefined;
}
