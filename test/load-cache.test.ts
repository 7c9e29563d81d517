import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskCacheDir } from '@/lib/disk-cache';
import { pipelineCacheKind } from '@/lib/content/pipeline-key';
import { checkContent } from '@/lib/content/check';
import { loadContent, readContent } from '@/lib/content/load';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';

describe('the disk cache of what reading a body tells (production builds)', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('BLOG_CACHE_DIR', mkdtempSync(path.join(tmpdir(), 'blog-cache-')));
  });
  afterEach(() => vi.unstubAllEnvs());

  const site = () =>
    makeSite({
      'posts/en/a/index.md': post('title: A\ndate: 2024-01-01', '![Map](map.png)\n\nSome words to count here.'),
      'posts/en/a/map.png': TINY_PNG,
    });
  const entries = () => readdirSync(diskCacheDir(pipelineCacheKind('facts')));

  /** loadContent as a new process has it: nothing in memory, only the disk cache. */
  async function loadInNewProcess(root: string) {
    vi.resetModules();
    const fresh = await import('@/lib/content/load');
    return fresh.loadContent(optionsFor(root));
  }

  it('is used by the next process, and not once an image it checked is gone', async () => {
    const root = site();
    const first = loadContent(optionsFor(root)).posts.en[0]!;
    expect(first.reading.words).toBe(5);
    expect(entries()).toHaveLength(1);

    // Mark the entry: a read that uses it shows the mark.
    const file = path.join(diskCacheDir(pipelineCacheKind('facts')), entries()[0]!);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...entry, value: { ...entry.value, reading: { words: 999, minutes: 9 } } }));
    // This process still has the facts it read; the next one reads the disk.
    expect(loadContent(optionsFor(root)).posts.en[0]!.reading.words).toBe(5);
    expect((await loadInNewProcess(root)).posts.en[0]!.reading.words).toBe(999);

    // The image is replaced: the facts are read again from the body.
    utimesSync(path.join(root, 'posts/en/a/map.png'), new Date(), new Date(Date.now() + 5_000));
    expect((await loadInNewProcess(root)).posts.en[0]!.reading.words).toBe(5);

    // The image is deleted: it is reported as it would be without a cache, in memory too.
    rmSync(path.join(root, 'posts/en/a/map.png'));
    expect(loadContent(optionsFor(root)).warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('"map.png" is not a file') })]);
  });

  it('reads again, in the same process, only the body that changed', () => {
    const root = makeSite({
      'posts/en/a.md': post('title: A\ndate: 2024-01-01', 'One two three.'),
      'posts/en/b.md': post('title: B\ndate: 2024-01-02', 'Four five.'),
    });
    const words = () => Object.fromEntries(loadContent(optionsFor(root)).posts.en.map((p) => [p.slug, p.reading.words]));
    expect(words()).toEqual({ a: 3, b: 2 });
    writeFileSync(path.join(root, 'posts/en/b.md'), post('title: B\ndate: 2024-01-02', 'Four five six seven.'));
    expect(words()).toEqual({ a: 3, b: 4 });
  });

  it('moves the lines of a body\'s links when only its front matter grew', () => {
    const root = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01', 'See [nowhere](/en/blog/nope).') });
    const lineOfLink = () => checkContent(optionsFor(root)).warnings.find((w) => w.message.includes('nope'))?.line;
    expect(lineOfLink()).toBe(6);
    writeFileSync(path.join(root, 'posts/en/a.md'), post('title: A\ndescription: One more line\ndate: 2024-01-01', 'See [nowhere](/en/blog/nope).'));
    expect(lineOfLink()).toBe(7);
  });

  it('keeps a body with a missing image, with its warning, until the image is there', async () => {
    const root = makeSite({ 'posts/en/b.md': post('title: B\ndate: 2024-01-01', '![Gone](/images/gone.png)\n\nTwo words.') });
    const missing = [expect.objectContaining({ file: expect.stringMatching(/posts\/en\/b\.md$/), line: 6, message: expect.stringContaining('gone.png') })];
    expect(loadContent(optionsFor(root)).warnings).toEqual(missing);
    expect(entries()).toHaveLength(1);

    // Mark the entry: the next process reads it, warning and all, without reading the body.
    const file = path.join(diskCacheDir(pipelineCacheKind('facts')), entries()[0]!);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...entry, value: { ...entry.value, reading: { words: 999, minutes: 9 } } }));
    const next = await loadInNewProcess(root);
    expect(next.posts.en[0]!.reading.words).toBe(999);
    expect(next.warnings).toEqual(missing);

    // The image is added: the body is read again, in this process and the next.
    mkdirSync(path.join(root, 'public/images'), { recursive: true });
    writeFileSync(path.join(root, 'public/images/gone.png'), TINY_PNG);
    expect(loadContent(optionsFor(root)).warnings).toEqual([]);
    const after = await loadInNewProcess(root);
    expect(after.warnings).toEqual([]);
    expect(after.posts.en[0]!.reading.words).toBe(2);
  });

  it('keeps nothing for a body that cannot render', () => {
    const root = makeSite({ 'posts/en/c.mdx': post('title: C\ndate: 2024-01-01', 'One {1 + 1} two.') });
    expect(readContent(optionsFor(root)).problems).toEqual([expect.objectContaining({ message: expect.stringContaining('MDX JavaScript') })]);
    expect(() => entries()).toThrow();
  });
});
