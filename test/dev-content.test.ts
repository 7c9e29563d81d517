import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '@/lib/content/errors';
import { readContent, readContentLazily } from '@/lib/content/load';
import { makeSite, optionsFor, post } from './fixtures';

// `next dev` answers from the front matter and reads a body when a page shows it; the other
// bodies are read in the background, and what they find reaches the page a moment later.

const GOOD = post('title: Good\ndate: 2024-01-02', '## First part\n\nSome words to count here.');
const BROKEN = post('title: Broken\ndate: 2024-01-01', 'Text before.\n\n<Callout>\n\nnever closed\n');

const site = () => makeSite({ 'posts/en/good.md': GOOD, 'posts/en/broken.mdx': BROKEN });
const slugs = (content: { posts: { en: Array<{ slug: string }> } }) => content.posts.en.map((p) => p.slug);

describe('reading the content in next dev', () => {
  it('gives a post the same summary, TOC and reading time as a full read', () => {
    const options = optionsFor(makeSite({ 'posts/en/good.md': GOOD }));
    const lazy = readContentLazily(options).content.posts.en[0]!;
    const full = readContent(options).content.posts.en[0]!;
    expect(lazy.summary).toBe(full.summary);
    expect(lazy.toc).toEqual(full.toc);
    expect(lazy.reading).toEqual(full.reading);
    expect(lazy.summary).toContain('Some words to count here.');
  });

  it('reads a body only when its facts are asked for, and gives pages posts they cannot change', () => {
    const options = optionsFor(makeSite({ 'posts/en/good.md': GOOD, 'posts/en/broken.mdx': BROKEN }));
    const lazy = readContentLazily(options);
    const [good] = lazy.content.posts.en;
    // The broken body has not been read: nothing is reported until the background read reaches it.
    expect(lazy.problems).toEqual([]);
    expect(good?.toc.map((entry) => entry.text)).toEqual(['First part']);
    expect(Object.isFrozen(good)).toBe(true);
    expect(() => Object.assign(good!, { title: 'Changed by a page' })).toThrow(TypeError);
    expect(readContentLazily(options).content.posts.en[0]?.title).toBe('Good');
  });

  it('reports a body that cannot render once the background read reaches it, and leaves its post out', async () => {
    const options = optionsFor(site());
    const lazy = readContentLazily(options);
    expect(slugs(lazy.content)).toEqual(['good', 'broken']);
    expect(lazy.problems).toEqual([]);

    const completed = await lazy.complete(() => true);
    expect(slugs(completed!.content)).toEqual(['good']);
    expect(completed!.problems.map(formatProblem).join('\n')).toMatch(/broken\.mdx:\d+/);
  });

  it('knows at once the problems of a body it has read before with the same text', async () => {
    const root = site();
    await readContentLazily(optionsFor(root)).complete(() => true);

    const again = readContentLazily(optionsFor(root));
    expect(slugs(again.content)).toEqual(['good']);
    expect(again.problems.map(formatProblem).join('\n')).toMatch(/broken\.mdx:\d+/);

    // Fixed: the post is back at once, and the background read finds nothing.
    writeFileSync(path.join(root, 'posts/en/broken.mdx'), post('title: Broken\ndate: 2024-01-01', 'Fixed.'));
    const fixed = readContentLazily(optionsFor(root));
    expect(slugs(fixed.content)).toEqual(['good', 'broken']);
    expect((await fixed.complete(() => true))!.problems).toEqual([]);
  });

  it('stops reading in the background once a newer read has replaced it', async () => {
    const lazy = readContentLazily(optionsFor(site()));
    expect(await lazy.complete(() => false)).toBeUndefined();
  });
});
