import { createHash } from 'node:crypto';
import { siteConfig } from '../site-config';
import { readCacheEntry, writeCacheEntry } from '../disk-cache';
import { checkBody } from './body';
import { currentPipelineKey, stamp, stampsHold, type FileStamp } from './compile-cache';
import type { ContentProblem } from './errors';
import type { Post } from './load';
import { readingStats, type ReadingStats } from './reading';
import { plainText, summarize } from './summary';

/** What reading a post's body tells the content layer: its problems, reading stats and summary. */
export type BodyFacts = { problems: ContentProblem[]; reading: ReadingStats; summary: string };

type CachedFacts = Omit<BodyFacts, 'problems'> & { files: FileStamp[] };

function computeFacts(post: Post, publicDir: string, onLocalFile?: (file: string) => void): BodyFacts {
  const problems = checkBody(post, publicDir, onLocalFile);
  const text = plainText(post.body);
  return { problems, reading: readingStats(text), summary: summarize(post.body, text) };
}

/**
 * The body facts of a post. Parsing every body twice (to check it, and for its text) is most of
 * the time a build spends reading content, and every build process reads it: a production build
 * keeps the facts of bodies without problems in the disk cache, keyed by the body and the
 * pipeline, and valid while the images the check measured are unchanged. The first process of a
 * build fills it; the others, and the next build, read it.
 */
export function postBodyFacts(post: Post, publicDir: string): BodyFacts {
  if (process.env.NODE_ENV !== 'production') return computeFacts(post, publicDir);
  const name = `${createHash('sha256')
    .update(currentPipelineKey())
    .update(`\n${post.source.format}\n${post.lang}\n${post.slug}\n${post.source.bundleDir ?? ''}\n${publicDir}\n${siteConfig.allowMdxJavaScript}\n`)
    .update(post.body)
    .digest('hex')}.json`;
  const cached = readCacheEntry('facts', name);
  if (cached) {
    try {
      const entry = JSON.parse(cached.toString('utf8')) as CachedFacts;
      if (stampsHold(entry.files)) return { problems: [], reading: entry.reading, summary: entry.summary };
    } catch {
      // An unreadable entry is computed again below.
    }
  }
  const files = new Set<string>();
  const facts = computeFacts(post, publicDir, (file) => files.add(file));
  if (!facts.problems.length) {
    const entry: CachedFacts = { reading: facts.reading, summary: facts.summary, files: [...files].flatMap((file) => stamp(file) ?? []) };
    writeCacheEntry('facts', name, JSON.stringify(entry));
  }
  return facts;
}
