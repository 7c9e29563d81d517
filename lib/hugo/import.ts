import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { checkContent } from '../content/check';
import type { ContentProblem } from '../content/errors';
import { splitFrontMatter } from '../content/front-matter';
import { readContent } from '../content/load';
import { isLang, languages, type Lang } from '../site-config';

export type ImportOptions = {
  /** The Hugo site's root folder (where hugo.toml or config.toml is). */
  siteDir: string;
  postsDir: string;
  publicDir: string;
  /** Content sections holding the posts; by default the first of blog, posts, post that exists. */
  sections?: string[];
  /** Replace posts and static files that already exist here. */
  overwrite?: boolean;
};

export type ImportReport = {
  postsByLang: Record<string, number>;
  translationPairs: number;
  staticFiles: number;
  shortcodes: Record<string, number>;
  /** Hugo languages with no language folder here, and what they held. */
  skippedLanguages: string[];
  /** Files not copied because the destination exists (use --overwrite). */
  conflicts: string[];
  converted: { toml: number; json: number };
  errors: ContentProblem[];
  warnings: ContentProblem[];
};

type HugoConfig = Record<string, unknown>;

const CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

function parseConfigFile(file: string): HugoConfig {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.toml')) return parseToml(text) as HugoConfig;
  if (file.endsWith('.json')) return JSON.parse(text) as HugoConfig;
  return (load(text, { schema: CORE_SCHEMA }) ?? {}) as HugoConfig;
}

/** The site config, merged with `config/_default/*` files as Hugo does (languages.toml included). */
export function readHugoConfig(siteDir: string): HugoConfig {
  const config: HugoConfig = {};
  const rootFile = CONFIG_FILES.map((name) => path.join(siteDir, name)).find((file) => existsSync(file));
  if (rootFile) Object.assign(config, parseConfigFile(rootFile));
  const defaultDir = path.join(siteDir, 'config', '_default');
  if (existsSync(defaultDir)) {
    for (const name of readdirSync(defaultDir).sort()) {
      const file = path.join(defaultDir, name);
      const key = name.replace(/\.(toml|ya?ml|json)$/, '');
      if (key === name) continue;
      const values = parseConfigFile(file);
      if (key === 'hugo' || key === 'config') Object.assign(config, values);
      else config[key] = { ...(config[key] as object | undefined), ...values };
    }
  }
  if (!rootFile && !existsSync(defaultDir)) {
    throw new Error(`${siteDir} has no Hugo config (${CONFIG_FILES.join(', ')} or config/_default/): is it a Hugo site?`);
  }
  return config;
}

/** Our language for a Hugo language code: `zh-cn` → `zh`, `en-us` → `en`. */
function siteLang(hugoLang: string): Lang | undefined {
  const base = hugoLang.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(base) ? base : undefined;
}

type LanguageSource =
  | { mode: 'folder'; hugoLang: string; dir: string }
  | { mode: 'suffix'; hugoLang: string; dir: string; isDefault: boolean };

/** Where each Hugo language keeps its content: `contentDir`, else `content/<lang>`, else `.<lang>.md` suffixes. */
export function languageSources(siteDir: string, config: HugoConfig): LanguageSource[] {
  const languagesConfig = (config.languages ?? {}) as Record<string, Record<string, unknown>>;
  const defaultLanguage = String(config.defaultContentLanguage ?? 'en').toLowerCase();
  const contentRoot = path.join(siteDir, String(config.contentDir ?? 'content'));
  const codes = Object.keys(languagesConfig).length ? Object.keys(languagesConfig) : [defaultLanguage];
  return codes.map((code) => {
    const contentDir = languagesConfig[code]?.contentDir;
    if (typeof contentDir === 'string') return { mode: 'folder', hugoLang: code, dir: path.join(siteDir, contentDir) };
    const perLanguage = path.join(contentRoot, code);
    if (existsSync(perLanguage)) return { mode: 'folder', hugoLang: code, dir: perLanguage };
    return { mode: 'suffix', hugoLang: code, dir: contentRoot, isDefault: code.toLowerCase() === defaultLanguage };
  });
}

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

export function importHugoSite(options: ImportOptions): ImportReport {
  const config = readHugoConfig(options.siteDir);
  const report: ImportReport = {
    postsByLang: {},
    translationPairs: 0,
    staticFiles: 0,
    shortcodes: {},
    skippedLanguages: [],
    conflicts: [],
    converted: { toml: 0, json: 0 },
    errors: [],
    warnings: [],
  };

  const copy = (from: string, to: string, transform?: (text: string) => string): boolean => {
    if (existsSync(to) && !options.overwrite) {
      const same = readFileSync(from).equals(readFileSync(to));
      if (!same) report.conflicts.push(path.relative(process.cwd(), to));
      return same;
    }
    mkdirSync(path.dirname(to), { recursive: true });
    if (transform) writeFileSync(to, transform(readFileSync(from, 'utf8')));
    else copyFileSync(from, to);
    return true;
  };

  for (const source of languageSources(options.siteDir, config)) {
    const lang = siteLang(source.hugoLang);
    const sections = (options.sections ?? ['blog', 'posts', 'post']).map((section) => path.join(source.dir, section));
    const sectionDirs = options.sections ? sections.filter((dir) => existsSync(dir)) : sections.filter((dir) => existsSync(dir)).slice(0, 1);
    if (!lang) {
      const count = sectionDirs.flatMap((dir) => walk(dir).filter((f) => MARKDOWN.test(f))).length;
      report.skippedLanguages.push(`${source.hugoLang} (${count} files): add it to languages in lib/site-config.ts and import again`);
      continue;
    }
    const languageIndex = ['_index.md', `_index.${source.hugoLang}.md`].map((name) => path.join(source.dir, name)).find((file) => existsSync(file));
    if (source.mode === 'folder' && languageIndex && sectionDirs.length) {
      const split = splitFrontMatter(readFileSync(languageIndex, 'utf8'), languageIndex);
      if (split.ok && split.value.data.cascade !== undefined) {
        report.warnings.push({
          file: path.relative(process.cwd(), languageIndex),
          field: 'cascade',
          message: `reaches the imported posts in Hugo but lies outside the section: copy its cascade into posts/${lang}/_index.md`,
        });
      }
    }
    for (const sectionDir of sectionDirs) {
      const files = walk(sectionDir);
      // Bundle resources are shared by every language's index file in the suffix scheme.
      for (const relative of files) {
        const from = path.join(sectionDir, relative);
        let target = relative;
        if (source.mode === 'suffix') {
          const split = splitLanguageSuffix(relative);
          const fileLang = split.lang ?? (MARKDOWN.test(relative) ? (source.isDefault ? source.hugoLang : undefined) : source.hugoLang);
          if (MARKDOWN.test(relative) && fileLang !== source.hugoLang.toLowerCase()) continue;
          target = split.file;
        }
        const to = path.join(options.postsDir, lang, target);
        if (MARKDOWN.test(relative)) {
          const raw = readFileSync(from, 'utf8');
          for (const match of raw.matchAll(SHORTCODE)) {
            const name = match[1] ?? '';
            if (!name.startsWith('/')) report.shortcodes[name] = (report.shortcodes[name] ?? 0) + 1;
          }
          const converted = toYamlFrontMatter(raw, from);
          if (converted.from) report.converted[converted.from]++;
          const isPost = !path.basename(target).startsWith('_');
          if (copy(from, to, () => converted.text) && isPost) report.postsByLang[lang] = (report.postsByLang[lang] ?? 0) + 1;
        } else {
          copy(from, to);
        }
      }
    }
  }

  const staticDir = path.join(options.siteDir, String(config.staticDir ?? 'static'));
  if (existsSync(staticDir)) {
    for (const relative of walk(staticDir)) {
      if (copy(path.join(staticDir, relative), path.join(options.publicDir, relative))) report.staticFiles++;
    }
  }

  const contentOptions = { postsDir: options.postsDir, publicDir: options.publicDir, now: new Date(), includeUnpublished: true };
  const { content } = readContent(contentOptions);
  const languagesByKey = new Map<string, number>();
  for (const lang of languages) {
    for (const post of content.posts[lang]) languagesByKey.set(post.translationKey, (languagesByKey.get(post.translationKey) ?? 0) + 1);
  }
  report.translationPairs = [...languagesByKey.values()].filter((count) => count > 1).length;
  const checked = checkContent(contentOptions);
  report.errors = checked.errors;
  report.warnings.push(...checked.warnings);
  return report;
}
