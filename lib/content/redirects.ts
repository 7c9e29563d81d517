import { defaultLang, languages, type Lang } from '../site-config';
import { postPath } from '../urls';
import { ContentError, type ContentProblem } from './errors';
import type { Content, Post } from './load';

/** An old URL that now lives elsewhere: a permanent (308) redirect. */
export type MovedUrl = {
  from: string;
  to: string;
  /** Where the old URL comes from, for the report: a post's alias, or Hugo's URL scheme. */
  origin: string;
};

/** One of Next.js's redirect rules (path-to-regexp source). */
export type RedirectRule = { source: string; destination: string; permanent: true };

/** A path as Hugo wrote it, as the site's canonical form: leading slash, no trailing slash. */
export function normalizePath(value: string): string {
  const withoutHost = value.trim().replace(/^[a-z][a-z\d+.-]*:\/\/[^/]+/i, '');
  const path = withoutHost.replace(/[?#].*$/, '').replace(/\/{2,}/g, '/');
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return absolute.length > 1 ? absolute.replace(/\/+$/, '') : absolute;
}

/**
 * Every alias (and Hugo `url`) of a visible post, as an old URL of that post. A relative alias is
 * relative to the post's section, as in Hugo: `old-name` on an English post is `/en/blog/old-name`.
 * Two posts claiming one old URL, or an old URL that is a live page, are problems.
 */
export function movedPosts(content: Content): { moved: MovedUrl[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const livePaths = new Map<string, Post>();
  for (const lang of languages) for (const post of content.posts[lang]) livePaths.set(postPath(lang, post.slug), post);

  const claimed = new Map<string, Post>();
  const moved: MovedUrl[] = [];
  for (const lang of languages) {
    for (const post of content.posts[lang]) {
      const target = postPath(lang, post.slug);
      for (const alias of post.aliases) {
        const from = normalizePath(alias.startsWith('/') || /^[a-z]+:\/\//i.test(alias) ? alias : `/${lang}/blog/${alias}`);
        const file = post.source.displayPath;
        if (from === target || safeDecode(from) === safeDecode(target)) continue;
        const live = livePaths.get(from) ?? livePaths.get(safeDecode(from));
        if (live) {
          problems.push({ file, field: 'aliases', message: `alias "${alias}" is the address of ${live.source.displayPath}: remove the alias` });
          continue;
        }
        const other = claimed.get(from);
        if (other && other !== post) {
          problems.push({
            file,
            field: 'aliases',
            message: `alias "${alias}" is also an alias of ${other.source.displayPath}: keep it on one post`,
          });
          continue;
        }
        if (other) continue;
        claimed.set(from, post);
        moved.push({ from, to: target, origin: `alias of ${file}` });
      }
    }
  }
  return { moved, problems };
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/**
 * Hugo serves the default language at the site root (`/blog/x/`, `/categories/x/`, `/page/2/`);
 * here every language has its prefix.
 */
export function hugoRootRedirects(lang: Lang = defaultLang): RedirectRule[] {
  return [
    { source: '/blog/:path*', destination: `/${lang}/blog/:path*`, permanent: true },
    { source: '/categories/:path*', destination: `/${lang}/categories/:path*`, permanent: true },
    { source: '/tags/:path*', destination: `/${lang}/tags/:path*`, permanent: true },
    { source: '/page/:number(\\d+)', destination: `/${lang}/page/:number`, permanent: true },
    // Hugo's `/page/1/` is the list itself.
    ...languages.map((l) => ({ source: `/${l}/page/1`, destination: `/${l}`, permanent: true as const })),
    { source: '/page/1', destination: `/${lang}`, permanent: true },
  ];
}

/** Escapes a literal path for path-to-regexp, which reads `:`, `(`, `*`, `+`, `?`, `{` as syntax. */
function literalSource(path: string): string {
  return path.replace(/[:()*+?{}\\]/g, '\\$&');
}

export function redirectRules(moved: readonly MovedUrl[]): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const { from, to } of moved) {
    rules.push({ source: literalSource(from), destination: to, permanent: true });
    // Requests arrive percent-encoded: a non-ASCII alias needs its encoded form too.
    const encoded = encodeURI(safeDecode(from));
    if (encoded !== from) rules.push({ source: literalSource(encoded), destination: to, permanent: true });
  }
  return [...rules, ...hugoRootRedirects()];
}

/**
 * The redirect rules of the whole site, for next.config.ts. Throws a ContentError when old URLs
 * collide, so a build never ships an ambiguous redirect.
 */
export function siteRedirects(content: Content): RedirectRule[] {
  const { moved, problems } = movedPosts(content);
  if (problems.length) throw new ContentError(problems);
  return redirectRules(moved);
}
