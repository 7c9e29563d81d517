import { isLang, ui, type Lang } from '../site-config';
import { siteSettings } from '../site-settings';
import { postPath } from '../urls';
import { ContentError, isFatal, toleratedDefects, type ContentProblem } from './errors';
import { expandShortcodes } from './shortcodes';
import { postBodyFacts } from './load-cache';
import { indexContent, isVisible, readPostIndex, type Content, type ContentOptions, type Post } from './posts';

export {
  checkSlug,
  compareNewestFirst,
  defaultContentOptions,
  isVisible,
  publishStatus,
  type Content,
  type ContentOptions,
  type Post,
  type PostStatus,
  type TermLink,
} from './posts';

/**
 * Reads, validates and indexes every post. Throws one ContentError listing every problem found.
 */
export function loadContent(options: ContentOptions): Content {
  const { content, problems } = readContent(options);
  const failing = siteSettings.strict ? [...problems, ...toleratedDefects(content.warnings)] : problems;
  if (failing.length) throw new ContentError(failing);
  return content;
}

/**
 * Reads every post and indexes the valid ones, returning the problems beside them instead of
 * throwing: the checker reports everything it can in one run.
 */
export function readContent(options: ContentOptions): { content: Content; problems: ContentProblem[] } {
  const { posts: allPosts, problems, defects } = readPostIndex(options);
  const shown = allPosts.filter((post) => isVisible(post.status, options.includeUnpublished));
  const warnings = [...defects, ...expandPostShortcodes(shown)];
  // A body that cannot render fails here, with every other problem, rather than when its page renders.
  const visible = shown.filter((post) => {
    const facts = postBodyFacts(post, options.publicDir, options.diskCache);
    const fatal = facts.problems.filter(isFatal);
    problems.push(...fatal);
    warnings.push(...facts.problems.filter((problem) => !isFatal(problem)));
    post.reading = facts.reading;
    post.summary ||= facts.summary;
    post.toc = facts.toc;
    post.text = facts.text;
    post.bodyImageFiles = facts.imageFiles;
    return !fatal.length;
  });
  return { content: indexContent(visible, warnings), problems };
}

/** Expands Hugo shortcodes in Markdown posts; `ref`/`relref` resolve against the visible posts. */
function expandPostShortcodes(posts: readonly Post[]): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const resolveRef = refResolver(posts);
  for (const post of posts) {
    if (post.source.format !== 'md' || !post.body.includes('{{')) continue;
    const expanded = expandShortcodes(post.body, {
      resolveRef: (target, lang) => resolveRef(target, lang && isLang(lang) ? lang : post.lang),
      calloutTitles: ui(post.lang).callouts,
    });
    post.body = expanded.markdown;
    post.bodyLineMap = expanded.lineMap;
    post.shortcodes = expanded.used;
    for (const warning of expanded.warnings) {
      warnings.push({ file: post.source.displayPath, line: post.bodyLine + warning.line - 1, message: warning.message });
    }
  }
  return warnings;
}

/**
 * Resolves Hugo `ref` targets (`my-post`, `my-post.md`, `/blog/my-post/index.md`, `my-post#part`)
 * to post URLs by file or bundle name, or slug, in the given language.
 */
function refResolver(posts: readonly Post[]): (target: string, lang: Lang) => string | undefined {
  const byName = new Map<string, Post>();
  for (const post of posts) {
    byName.set(`${post.lang}/${post.source.name}`, post);
    byName.set(`${post.lang}/${post.slug}`, post);
  }
  return (target, lang) => {
    const [pathPart = '', anchor] = target.split('#');
    const segments = pathPart.replace(/\.(md|mdx)$/, '').split('/').filter(Boolean);
    let name = segments.pop();
    if (name === 'index' || name === '_index') name = segments.pop();
    const post = name ? byName.get(`${lang}/${name}`) : undefined;
    if (!post && !name && anchor) return `#${anchor}`;
    if (!post) return undefined;
    return `${postPath(post.lang, post.slug)}${anchor ? `#${anchor}` : ''}`;
  };
}

