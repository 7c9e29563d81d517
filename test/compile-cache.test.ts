import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cachedCompiledSource, compileStats } from '@/lib/content/compile-cache';
import type { Post } from '@/lib/content/load';
import { postCompileInput } from '@/lib/content/markdown';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';
import { loadContent } from '@/lib/content/load';

function compile(entry: Post, publicDir: string) {
  const imageFiles = new Set<string>();
  return cachedCompiledSource(entry, postCompileInput(entry, publicDir, (file) => imageFiles.add(file)), imageFiles, publicDir);
}

describe('the compiled-MDX cache', () => {
  let root: string;
  let load: () => Post;
  beforeEach(() => {
    process.env.BLOG_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'blog-cache-'));
    root = makeSite({
      'posts/en/a/index.md': post('title: A\ndate: 2024-01-01', '![Map](map.png)\n\n```js\nconst a = 1;\n```\n'),
      'posts/en/a/map.png': TINY_PNG,
    });
    load = () => loadContent(optionsFor(root)).posts.en[0]!;
  });

  it('compiles a post once, and again only when its body or an image it measured changes', async () => {
    const publicDir = path.join(root, 'public');
    const before = { ...compileStats };
    const first = await compile(load(), publicDir);
    expect(first).toContain('width: "1"');
    expect(await compile(load(), publicDir)).toBe(first);
    expect(compileStats.hits - before.hits).toBe(1);
    expect(compileStats.misses - before.misses).toBe(1);

    // The image is replaced by a larger one: its size is in the compiled code, so compile again.
    const image = path.join(root, 'posts/en/a/map.png');
    const { default: sharp } = await import('sharp');
    writeFileSync(image, await sharp({ create: { width: 3, height: 2, channels: 3, background: '#fff' } }).png().toBuffer());
    utimesSync(image, new Date(), new Date(Date.now() + 5_000));
    const remeasured = await compile(load(), publicDir);
    expect(remeasured).toContain('width: "3"');
    expect(compileStats.misses - before.misses).toBe(2);

    writeFileSync(path.join(root, 'posts/en/a/index.md'), post('title: A\ndate: 2024-01-01', 'A new body.'));
    expect(await compile(load(), publicDir)).toContain('A new body.');
    expect(compileStats.misses - before.misses).toBe(3);
  });
});
