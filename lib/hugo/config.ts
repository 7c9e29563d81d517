import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';

/** A Hugo config as Hugo holds it: every map key lowercased, at every level. */
export type HugoConfig = Record<string, unknown>;

const ROOT_CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const CONFIG_EXTENSION = /\.(toml|ya?ml|json)$/;

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Hugo reads config keys case-insensitively at every level (`[Languages.zh]`,
 * `DefaultContentLanguage`, `[[Menu.main]]`, `[Params]` all occur): it lowercases them when it
 * loads the file (hugo/config/allconfig, `maps.PrepareParams`). So do we. Where two spellings of
 * one key meet in a map, the later one wins, as in Hugo.
 */
export function lowercaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowercaseKeys);
  if (!isMap(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const lower = key.toLowerCase();
    const converted = lowercaseKeys(entry);
    result[lower] = isMap(result[lower]) && isMap(converted) ? deepMerge(result[lower], converted) : converted;
  }
  return result;
}

/** `over` merged into `base`: maps are merged key by key, anything else is replaced. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = result[key];
    result[key] = isMap(existing) && isMap(value) ? deepMerge(existing, value) : value;
  }
  return result;
}

function parseConfigFile(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    if (file.endsWith('.toml')) parsed = parseToml(text);
    else if (file.endsWith('.json')) parsed = JSON.parse(text);
    else parsed = load(text, { schema: CORE_SCHEMA, json: true }) ?? {};
  } catch (error) {
    throw new Error(`${file} is not a valid Hugo config: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isMap(parsed)) throw new Error(`${file} is not a valid Hugo config: it must hold keys and values`);
  return lowercaseKeys(parsed) as Record<string, unknown>;
}

/**
 * One file of a config directory, placed as Hugo places it: `hugo.toml`/`config.toml` at the
 * root, `params.toml` under `params`, `menus.en.toml` under `languages.en.menus`, and so on.
 */
function configDirFile(file: string): Record<string, unknown> {
  const name = path.basename(file).replace(CONFIG_EXTENSION, '').toLowerCase();
  const values = parseConfigFile(file);
  if (name === 'hugo' || name === 'config') return values;
  const [key = name, lang] = name.split('.');
  // Hugo treats `menu` and `menus` alike.
  const placedKey = key === 'menu' ? 'menus' : key;
  if (!lang) return { [placedKey]: values };
  // languages.toml holds the languages keyed by code; languages.en.toml holds English itself.
  if (placedKey === 'languages') return { languages: { [lang]: values } };
  return { languages: { [lang]: { [placedKey]: values } } };
}

function readConfigDir(dir: string): Record<string, unknown> {
  let config: Record<string, unknown> = {};
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return config;
  for (const name of readdirSync(dir).sort()) {
    if (!CONFIG_EXTENSION.test(name)) continue;
    config = deepMerge(config, configDirFile(path.join(dir, name)));
  }
  return config;
}

/**
 * The site config as `hugo` (production environment) sees it: the root config file, then
 * `config/_default/` and `config/production/` over it, with every key lowercased.
 */
export function readHugoConfig(siteDir: string): HugoConfig {
  const rootFile = ROOT_CONFIG_FILES.map((name) => path.join(siteDir, name)).find((file) => existsSync(file));
  const configDir = path.join(siteDir, 'config');
  const hasDir = existsSync(path.join(configDir, '_default'));
  if (!rootFile && !hasDir) {
    throw new Error(`${siteDir} has no Hugo config (${ROOT_CONFIG_FILES.join(', ')} or config/_default/): is it a Hugo site?`);
  }
  // Hugo 0.111 gives the config directory's values precedence over the root file's.
  let config: Record<string, unknown> = rootFile ? parseConfigFile(rootFile) : {};
  config = deepMerge(config, readConfigDir(path.join(configDir, '_default')));
  config = deepMerge(config, readConfigDir(path.join(configDir, 'production')));
  return config;
}

export type HugoLanguage = {
  /** The code as the config writes it, lowercased (`zh-cn`). */
  code: string;
  weight: number;
  title?: string;
  /** Where the language's content is, when the config says (`contentDir`). */
  contentDir?: string;
  disabled: boolean;
  params: Record<string, unknown>;
  menus: Record<string, unknown>;
};

export type HugoMenuEntry = { name: string; url?: string; pageRef?: string; weight: number; identifier?: string; parent?: string };

/** The parts of a Hugo config the importer uses, typed. Keys are Hugo's, lowercased. */
export type HugoSite = {
  title?: string;
  /** The root `copyright` key (themes read `.Site.Copyright`). */
  copyright?: string;
  baseUrl?: string;
  theme: string[];
  defaultContentLanguage: string;
  defaultContentLanguageInSubdir: boolean;
  disablePathToLower: boolean;
  contentDir: string;
  staticDirs: string[];
  languages: HugoLanguage[];
  /** Section (or taxonomy) → URL pattern, e.g. `posts: /:year/:month/:slug/`. */
  permalinks: Record<string, string>;
  /** Singular → plural, as Hugo's `[taxonomies]` (default: category → categories, tag → tags). */
  taxonomies: Record<string, string>;
  params: Record<string, unknown>;
  /** Site-wide menus; per-language menus are on each language. */
  menus: Record<string, unknown>;
  markup: Record<string, unknown>;
};

/** A config value as trimmed text, or undefined when it is not text or is blank. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const flag = (value: unknown): boolean => value === true || value === 'true';
const map = (value: unknown): Record<string, unknown> => (isMap(value) ? value : {});
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** Reads a Hugo site's config into the shape the importer needs. */
export function hugoSite(config: HugoConfig): HugoSite {
  const defaultContentLanguage = (text(config.defaultcontentlanguage) ?? 'en').toLowerCase();
  const disabledCodes = new Set(list(config.disablelanguages).map((code) => code.toLowerCase()));
  const languagesConfig = map(config.languages);
  const codes = Object.keys(languagesConfig).length ? Object.keys(languagesConfig) : [defaultContentLanguage];
  const languages = codes
    .map((code): HugoLanguage => {
      const entry = map(languagesConfig[code]);
      return {
        code: code.toLowerCase(),
        weight: typeof entry.weight === 'number' ? entry.weight : 0,
        title: text(entry.title),
        contentDir: text(entry.contentdir),
        disabled: flag(entry.disabled) || disabledCodes.has(code.toLowerCase()),
        params: map(entry.params),
        menus: map(entry.menus ?? entry.menu),
      };
    })
    .sort((a, b) => a.weight - b.weight || a.code.localeCompare(b.code));
  const taxonomies = isMap(config.taxonomies)
    ? Object.fromEntries(Object.entries(config.taxonomies).filter(([, plural]) => typeof plural === 'string' && plural)) as Record<string, string>
    : { category: 'categories', tag: 'tags' };
  const permalinks = Object.fromEntries(
    Object.entries(map(config.permalinks)).flatMap(([section, pattern]) => {
      // Hugo 0.112+ also accepts `[permalinks.page]`; its entries are the pages' patterns.
      if (isMap(pattern)) return section === 'page' ? Object.entries(pattern).filter(([, p]) => typeof p === 'string') : [];
      return typeof pattern === 'string' ? [[section, pattern]] : [];
    }),
  ) as Record<string, string>;
  return {
    title: text(config.title),
    copyright: text(config.copyright),
    baseUrl: text(config.baseurl),
    theme: list(config.theme),
    defaultContentLanguage,
    defaultContentLanguageInSubdir: flag(config.defaultcontentlanguageinsubdir),
    disablePathToLower: flag(config.disablepathtolower),
    contentDir: text(config.contentdir) ?? 'content',
    staticDirs: list(config.staticdir).length ? list(config.staticdir) : ['static'],
    languages,
    permalinks,
    taxonomies,
    params: map(config.params),
    menus: map(config.menus ?? config.menu),
    markup: map(config.markup),
  };
}
