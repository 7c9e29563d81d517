import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isLang, languages, type Lang } from '../site-config';
import type { ContentProblem } from './errors';

export type PostFormat = 'md' | 'mdx';

/** A post's file as found on disk, before it is read. */
export type PostSource = {
  lang: Lang;
  /** Absolute path of the Markdown/MDX file. */
  file: string;
  /** Path shown to the author in messages, relative to the working directory. */
  displayPath: string;
  format: PostFormat;
  /** The file name without extension, or the bundle's folder name. */
  name: string;
  /** Absolute path of the bundle folder, for `<slug>/index.md(x)` posts. */
  bundleDir?: string;
  /** The bundle's other files (images and the like), as `/`-separated paths relative to the bundle. */
  assets: string[];
  /** The section folders between the language folder and the post (`['2020', 'istio']`). */
  folders: string[];
};

const POST_EXTENSIONS: Record<string, PostFormat> = { '.md': 'md', '.mdx': 'mdx' };
const BUNDLE_INDEXES = ['index.mdx', 'index.md'];

function isHidden(name: string): boolean {
  // `_index.md`, `_drafts/` and dotfiles are never posts.
  return name.startsWith('.') || name.startsWith('_');
}

function entriesOf(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
}

export function displayPath(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

/**
 * Finds every post under `postsDir`: `<lang>/<slug>.md(x)`, bundles `<lang>/<slug>/index.md(x)`,
 * and the same inside section folders. Problems (an unknown language folder, a bundle with two
 * index files) are collected, not thrown, so one run reports them all.
 */
export function discoverPostSources(postsDir: string, problems: ContentProblem[]): PostSource[] {
  const sources: PostSource[] = [];
  for (const entry of entriesOf(postsDir)) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(postsDir, entry.name);
    if (entry.isDirectory()) {
      if (isLang(entry.name)) {
        collectLanguage(entry.name, full, sources, problems);
      } else {
        problems.push({
          file: displayPath(full),
          message: `folder "${entry.name}" is not a configured language (${languages.join(', ')}): move its posts into a language folder, or add the language to lib/site-config.ts`,
        });
      }
    } else if (path.extname(entry.name) in POST_EXTENSIONS) {
      problems.push({
        file: displayPath(full),
        message: `posts belong in a language folder: move it to ${languages.map((l) => `posts/${l}/`).join(' or ')}`,
      });
    }
  }
  return sources;
}

function collectLanguage(lang: Lang, dir: string, sources: PostSource[], problems: ContentProblem[], folders: string[] = []): void {
  for (const entry of entriesOf(dir)) {
    if (isHidden(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const indexes = BUNDLE_INDEXES.filter((index) => entriesOf(full).some((e) => e.isFile() && e.name === index));
      const [index, ...extra] = indexes;
      if (!index) {
        // A section folder: its posts are posts of this language.
        collectLanguage(lang, full, sources, problems, [...folders, entry.name]);
        continue;
      }
      if (extra.length) {
        problems.push({
          file: displayPath(full),
          message: `bundle has both ${indexes.join(' and ')}: keep one of them`,
        });
        continue;
      }
      const file = path.join(full, index);
      sources.push({
        lang,
        file,
        displayPath: displayPath(file),
        format: POST_EXTENSIONS[path.extname(index)] ?? 'md',
        name: entry.name,
        bundleDir: full,
        assets: listBundleAssets(full),
        folders,
      });
    } else if (entry.isFile()) {
      const format = POST_EXTENSIONS[path.extname(entry.name)];
      if (!format) continue;
      sources.push({
        lang,
        file: full,
        displayPath: displayPath(full),
        format,
        name: path.basename(entry.name, path.extname(entry.name)),
        assets: [],
        folders,
      });
    }
  }
}

function listBundleAssets(bundleDir: string, prefix = ''): string[] {
  const assets: string[] = [];
  for (const entry of entriesOf(path.join(bundleDir, prefix))) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) assets.push(...listBundleAssets(bundleDir, relative));
    else if (entry.isFile() && !(path.extname(entry.name) in POST_EXTENSIONS)) assets.push(relative);
  }
  return assets;
}
