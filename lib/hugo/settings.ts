import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap } from './config';
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
      if (isMap(value)) {
        const child = isMap(target[key]) ? (target[key] as Settings) : {};
        target[key] = child;
        merge(child, value, `${name}.`);
        continue;
      }
      const shown = `${name} = ${JSON.stringify(value)}`;
      if (target[key] === undefined || target[key] === value || overwrite) {
        if (target[key] !== value) outcome.written.push(shown);
        target[key] = value;
      } else {
        outcome.kept.push(`${name} = ${JSON.stringify(target[key])} (the Hugo site says ${JSON.stringify(value)}; --overwrite takes it)`);
      }
    }
  };
  merge(current, imported, '');
  const settings = parseSiteSettings(current, file);
  writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
  return { ...outcome, settings };
}
