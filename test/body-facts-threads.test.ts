import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskCacheDir } from '@/lib/disk-cache';
import { pipelineCacheKind } from '@/lib/content/pipeline-key';
import { bodyFactsShares } from '@/lib/content/load';
import { cachedFeedHtml } from '@/lib/content/feed-html';
import type { ContentOptions, PostShare } from '@/lib/content/load';
import { makeSite, optionsFor, post, type FixtureFiles } from './fixtures';

/** `count` MDX posts; every tenth links to a post that does not exist (a warning its body's facts carry), the 57th cannot be compiled. */
function site(count: number): string {
  const files: FixtureFiles = {};
  for (let n = 0; n < count; n++) {
    const date = `20${10 + (n % 14)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
    const link = n % 10 === 0 ? `See [this](/en/blog/gone-${n}).\n\n` : '';
    const body = n === 57 ? 'An expression left open: {1 +' : `${link}## Part ${n}\n\nWords of post ${n}.`;
    files[`posts/en/p${n}.mdx`] = post(`title: Post ${n}\ndate: ${date}`, body);
  }
  return makeSite(files);
}

// Each call reads the post index anew, as each thread does.
const countUncachedBodies = (options: ContentOptions) => bodyFactsShares(options).countUncached();
const cacheBodyFactsShare = (options: ContentOptions, share: PostShare) => bodyFactsShares(options).cacheShare(share);

describe("reading the bodies' facts in shares (a cold build's first step and npm run check, on every core)", () => {
  beforeEach(() => vi.stubEnv('BLOG_CACHE_DIR', mkdtempSync(path.join(tmpdir(), 'blog-shares-cache-'))));
  afterEach(() => vi.unstubAllEnvs());

  it('leaves no body for the read that follows to parse once every share is read', () => {
    const options = optionsFor(site(60), { diskCache: true });
    expect(countUncachedBodies(options)).toBe(60);
    expect(cacheBodyFactsShare(options, { index: 0, count: 3 })).toBe(20);
    expect(countUncachedBodies(options)).toBe(40);
    expect(cacheBodyFactsShare(options, { index: 2, count: 3 })).toBe(20);
    expect(cacheBodyFactsShare(options, { index: 1, count: 3 })).toBe(20);
    // The body that cannot render is not kept: every read parses it again, and reports it.
    expect(countUncachedBodies(options)).toBe(1);
    expect(readdirSync(diskCacheDir(pipelineCacheKind('facts')))).toHaveLength(59);
  });

  it("keeps each body's feed HTML too when asked, made from the tree its facts came from", () => {
    const options = optionsFor(site(60), { diskCache: true });
    const feedHtml = new Map<string, string>();
    for (let index = 0; index < 2; index++) {
      bodyFactsShares(options).cacheShare({ index, count: 2 }, (entry) => feedHtml.set(entry.slug, cachedFeedHtml(entry)));
    }
    // Every body that renders, once; not the one that cannot be compiled.
    expect([...feedHtml.keys()].sort()).toEqual(Array.from({ length: 60 }, (_, n) => `p${n}`).filter((slug) => slug !== 'p57').sort());
    expect(readdirSync(diskCacheDir(pipelineCacheKind('feed-html')))).toHaveLength(59);
    expect(feedHtml.get('p10')).toBe('<p>See <a href="http://localhost:3000/en/blog/gone-10">this</a>.</p>\n<h2 id="part-10">Part 10</h2>\n<p>Words of post 10.</p>');
  });

  it('needs the disk cache: the shares are for the read that follows', () => {
    expect(() => cacheBodyFactsShare(optionsFor(site(2)), { index: 0, count: 2 })).toThrow(/disk cache/);
  });
});

describe('npm run check, cold, with its helper threads', () => {
  it('reports each problem once, as the same check with every body already read does', () => {
    const root = site(150);
    const cache = mkdtempSync(path.join(tmpdir(), 'blog-shares-cache-'));
    const check = () =>
      spawnSync(process.execPath, [path.resolve('scripts/run.mjs'), 'check'], {
        encoding: 'utf8',
        env: { ...process.env, BLOG_POSTS_DIR: path.join(root, 'posts'), BLOG_PAGES_DIR: path.join(root, 'content'), BLOG_CACHE_DIR: cache },
      });
    const cold = check();
    expect(cold.stderr).not.toMatch(/Error|thread/);
    const lines = cold.stdout.split('\n');
    expect(lines.filter((line) => line.includes('p57.mdx'))).toHaveLength(1);
    expect(cold.stdout).toMatch(/broken link "\/en\/blog\/gone-0"/);
    expect(cold.stdout).toMatch(/Checked 149 posts in [\d.]+ s: 1 errors, 0 tolerated defects, 15 warnings\./);
    // Every other body's facts were kept by the threads that read them.
    // (in the one folder of the current code's entries)
    const generations = readdirSync(path.join(cache, 'blog-facts'));
    expect(generations).toHaveLength(1);
    expect(readdirSync(path.join(cache, 'blog-facts', generations[0]!)).filter((name) => !name.endsWith('.tmp'))).toHaveLength(149);
    const warm = check();
    expect(warm.stdout.replace(/in [\d.]+ s/, '')).toBe(cold.stdout.replace(/in [\d.]+ s/, ''));
    expect(warm.status).toBe(cold.status);
  }, 60_000);
});
