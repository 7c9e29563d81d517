import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { splitFrontMatter } from '../content/front-matter';
import { isLang, languages, type Lang } from '../site-config';
import { postPath } from '../urls';

export type NewPostOptions = {
  postsDir: string;
  lang: string;
  title: string;
  slug?: string;
  bundle?: boolean;
  mdx?: boolean;
  /** `en/<slug>`: the post this one translates. Its slug, images and terms are reused. */
  translate?: string;
  now?: Date;
};

export type NewPost = { file: string; url: string };

/** `2026-11-27T17:05:00+08:00`: now, in this machine's time zone, with its offset. */
export function localTimestamp(now: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

function findSource(postsDir: string, reference: string): { lang: Lang; slug: string; data: Record<string, unknown> } {
  const [lang = '', slug = ''] = reference.split('/');
  if (!isLang(lang) || !slug) throw new Error(`--translate takes <lang>/<slug>, e.g. en/my-post; got "${reference}"`);
  const candidates = [`${slug}.md`, `${slug}.mdx`, `${slug}/index.md`, `${slug}/index.mdx`].map((name) =>
    path.join(postsDir, lang, name),
  );
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`--translate: no post ${reference} (looked for ${candidates.map((c) => path.relative(process.cwd(), c)).join(', ')})`);
  const split = splitFrontMatter(readFileSync(file, 'utf8'), file);
  if (!split.ok) throw new Error(`--translate: ${reference} has invalid front matter; run npm run check`);
  return { lang, slug: typeof split.value.data.slug === 'string' ? split.value.data.slug : slug, data: split.value.data };
}

/** A URL slug from a title: letters and digits of any script, hyphens between words. */
export function titleSlug(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Writes a new draft post with valid front matter and returns where it is and where to preview it. */
export function createPost(options: NewPostOptions): NewPost {
  const { lang, title } = options;
  if (!isLang(lang)) throw new Error(`--lang must be one of ${languages.join(', ')}; got "${lang}"`);
  if (!title.trim()) throw new Error('--title is required, e.g. --title "My first post"');
  const source = options.translate ? findSource(options.postsDir, options.translate) : undefined;
  const slug = options.slug ?? source?.slug ?? titleSlug(title);
  if (!slug) throw new Error('the title has no letters or digits for a URL: give one with --slug');

  const frontMatter: Record<string, unknown> = {
    title,
    date: localTimestamp(options.now ?? new Date()),
    draft: true,
    description: '',
    categories: [],
    tags: [],
  };
  if (source) {
    for (const key of ['categories', 'tags', 'image', 'bg_image'] as const) {
      if (source.data[key] !== undefined) frontMatter[key] = source.data[key];
    }
    if (source.data.translationKey !== undefined) frontMatter.translationKey = source.data.translationKey;
  }
  const extension = options.mdx ? 'mdx' : 'md';
  const relative = options.bundle ? path.join(slug, `index.${extension}`) : `${slug}.${extension}`;
  const file = path.join(options.postsDir, lang, relative);
  if (existsSync(file) || existsSync(path.join(options.postsDir, lang, slug))) {
    throw new Error(`${path.relative(process.cwd(), file)} already exists: choose another --slug`);
  }
  const yaml = dump(frontMatter, { lineWidth: -1 });
  const body = source
    ? `Translation of ${postPath(source.lang, source.slug)}.\n`
    : 'Write the first paragraph here: it is the summary on list pages.\n';
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\n${yaml}---\n\n${body}`);
  return { file, url: postPath(lang, slug) };
}
