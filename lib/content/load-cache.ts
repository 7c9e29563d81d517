import { siteConfig } from '../site-config';
import { cacheEntryName, readStamped, writeStamped } from '../disk-cache';
import { checkBody } from './body';
import { currentPipelineKey } from './compile-cache';
import { isFatal, type ContentProblem } from './errors';
import { postPlainText, postToc, type TocEntry } from './hast';
import type { Post } from './load';
import { readingStats, type ReadingStats } from './reading';
import { plainText, summarize } from './summary';

/** What reading a post's body tells the content layer: problems, reading stats, summary, TOC, text, local images. */
export type BodyFacts = {
  problems: ContentProblem[];
  reading: ReadingStats;
  summary: string;
  toc: TocEntry[];
  text: string;
  /** The local image files the body shows, for their responsive copies. */
  imageFiles: string[];
};

type CachedFacts = Omit<BodyFacts, 'problems'>;

function computeFacts(post: Post, publicDir: string): BodyFacts {
  const images = new Set<string>();
  const problems = checkBody(post, publicDir, (file) => images.add(file));
  const imageFiles = [...images];
  if (problems.some(isFatal)) return { problems, reading: { words: 0, minutes: 0 }, summary: '', toc: [], text: '', imageFiles };
  const readable = plainText(post.body);
  return {
    problems,
    reading: readingStats(readable),
    summary: summarize(post.body, readable),
    toc: postToc(post),
    text: postPlainText(post),
    imageFiles,
  };
}

/**
 * The body facts of a post. Parsing every body (to check it, and for its text, headings and
 * summary) is most of the time a build spends reading content, and every build process reads
 * it: a production build keeps the facts of bodies without problems in the disk cache, keyed by
 * the body and the pipeline, valid while the images the check measured are unchanged. The first
 * process of a build fills it; the others, and the next build, read it.
 */
export function postBodyFacts(post: Post, publicDir: string): BodyFacts {
  if (process.env.NODE_ENV !== 'production') return computeFacts(post, publicDir);
  const name = cacheEntryName([
    currentPipelineKey(),
    post.source.format,
    post.lang,
    post.slug,
    post.source.bundleDir ?? '',
    publicDir,
    String(siteConfig.allowMdxJavaScript),
    post.body,
  ]);
  const cached = readStamped<CachedFacts>('facts', name);
  if (cached) return { problems: [], ...cached };
  const facts = computeFacts(post, publicDir);
  if (!facts.problems.length) {
    const { reading, summary, toc, text, imageFiles } = facts;
    writeStamped<CachedFacts>('facts', name, { reading, summary, toc, text, imageFiles }, imageFiles);
  }
  return facts;
}
