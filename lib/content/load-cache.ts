import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { siteConfig } from '../site-config';
import { cacheEntryName, diskCacheDir, readStamped, stampFiles, stampsHold, writeStamped, type FileStamp } from '../disk-cache';
import { checkBody, writtenLine } from './body';
import { currentPipelineKey, pipelineCacheKind } from './pipeline-key';
import { isFatal, type ContentProblem } from './errors';
import { postHast, postPlainText, postReadableText, postToc, type TocEntry } from './hast';
import type { Post } from './load';
import { readingStats, type ReadingStats } from './reading';
import { summarize } from './summary';

/** What reading a post's body tells the content layer: problems, reading stats, summary, TOC, text, local images. */
export type BodyFacts = {
  problems: ContentProblem[];
  reading: ReadingStats;
  summary: string;
  toc: TocEntry[];
  text: string;
  /** The local image files the body shows, for their responsive copies. */
  imageFiles: string[];
  /** Every element id of the body (heading ids, footnotes, raw HTML), for checking anchors. */
  anchors: string[];
  /** Every link of the body, with its written line, for checking where it leads. */
  links: Array<{ url: string; line?: number }>;
};

/**
 * Body facts as kept: the problems without their file (the post's path as the author sees it is
 * added when they are read), and the files whose absence made a missing image, which make the
 * facts stale once one of them is there.
 */
type CachedFacts = Omit<BodyFacts, 'problems'> & { problems: Array<Omit<ContentProblem, 'file'>>; absent: string[] };

function computeFacts(post: Post, publicDir: string): CachedFacts {
  const images = new Set<string>();
  const absent = new Set<string>();
  const problems = checkBody(post, publicDir, (file) => images.add(file), (file) => absent.add(file)).map(({ file: _file, ...problem }) => problem);
  const imageFiles = [...images];
  if (problems.some(isFatal)) return { problems, absent: [...absent], reading: { words: 0, minutes: 0 }, summary: '', toc: [], text: '', imageFiles, anchors: [], links: [] };
  const readable = postReadableText(post);
  const anchors: string[] = [];
  const links: BodyFacts['links'] = [];
  visit(postHast(post), 'element', (element: Element) => {
    const { id, href } = element.properties;
    if (typeof id === 'string') anchors.push(id);
    if (element.tagName === 'a' && typeof href === 'string') {
      links.push({ url: href, line: element.position ? writtenLine(post, element.position.start.line) : undefined });
    }
  });
  return {
    anchors,
    links,
    problems,
    absent: [...absent],
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
 * it: a production build keeps the facts of every body that can render in the disk cache, keyed by
 * the body and the pipeline, valid while the images it showed are unchanged and those it missed
 * still missing. The first process of a build fills it; the others, and the next build, read it.
 */
export function postBodyFacts(post: Post, publicDir: string, diskCache = process.env.NODE_ENV === 'production'): BodyFacts {
  const known = factsByPost.get(post);
  if (known?.body === post.body) return known.facts;
  const facts = readBodyFacts(post, publicDir, diskCache);
  factsByPost.set(post, { body: post.body, facts });
  return facts;
}

/** The facts of each post object read in this process (the checker asks again for its links). */
const factsByPost = new WeakMap<Post, { body: string; facts: BodyFacts }>();

/**
 * Facts kept in this process by the key of what shaped them, with the images they measured:
 * `next dev` reads every post again after a save, and only the bodies that changed are read anew.
 */
const factsInMemory = new Map<string, { facts: CachedFacts; images: FileStamp[] }>();

/** Whether the files a missing image could have been are all still missing. */
function stillAbsent(facts: CachedFacts): boolean {
  return facts.absent.every((file) => !existsSync(file));
}

/** What shapes a body's facts besides the pipeline's code. */
function factsShapedBy(post: Post, publicDir: string): string[] {
  // The links' written lines depend on where the body starts in its file, and on the shortcodes.
  const lines = `${post.bodyLine}:${post.bodyLineMap?.join(',') ?? ''}`;
  // The sites the policy lets a page frame, and load scripts from, decide which embeds are reported.
  return [post.source.format, post.lang, post.slug, post.source.bundleDir ?? '', publicDir, String(siteConfig.allowMdxJavaScript), siteConfig.frameOrigins.join(' '), siteConfig.scriptOrigins.join(' '), lines, post.body];
}

/** The name of a body's facts in the disk cache. */
function factsEntryName(post: Post, publicDir: string): string {
  return cacheEntryName([currentPipelineKey(), ...factsShapedBy(post, publicDir)]);
}

/**
 * Whether the disk cache has an entry for this body's facts, without reading it: a body without
 * one is parsed by the next read (an entry whose images changed is too, and is not counted here).
 */
export function hasCachedBodyFacts(post: Post, publicDir: string): boolean {
  return existsSync(path.join(diskCacheDir(pipelineCacheKind('facts')), factsEntryName(post, publicDir)));
}

function readBodyFacts(post: Post, publicDir: string, diskCache: boolean): BodyFacts {
  // The pipeline's code cannot change within a process: the key in memory leaves it out.
  const memoryKey = cacheEntryName(factsShapedBy(post, publicDir));
  const withFile = ({ absent: _absent, ...facts }: CachedFacts): BodyFacts => ({ ...facts, problems: facts.problems.map((problem) => ({ file: post.source.displayPath, ...problem })) });
  const remembered = factsInMemory.get(memoryKey);
  if (remembered && stampsHold(remembered.images) && stillAbsent(remembered.facts)) return withFile(remembered.facts);
  const name = diskCache ? factsEntryName(post, publicDir) : '';
  const stored = diskCache ? readStamped<CachedFacts>(pipelineCacheKind('facts'), name) : undefined;
  const usable = stored && stillAbsent(stored) ? stored : undefined;
  const facts = usable ?? computeFacts(post, publicDir);
  // A body that cannot render is read again each time, and reported again. Others are kept with
  // their warnings and tolerated defects, while the images they showed are unchanged and the
  // ones they missed still missing.
  if (!facts.problems.some(isFatal)) {
    factsInMemory.set(memoryKey, { facts, images: stampFiles(facts.imageFiles) });
    if (diskCache && !usable) writeStamped<CachedFacts>(pipelineCacheKind('facts'), name, facts, facts.imageFiles);
  }
  return withFile(facts);
}
