import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPost, localTimestamp, titleSlug } from '@/lib/authoring/new-post';
import { loadContent } from '@/lib/content/load';
import { makeSite, optionsFor, post } from './fixtures';

describe('npm run new', () => {
  it('writes a draft with valid front matter that the content layer accepts', () => {
    const root = makeSite({});
    const created = createPost({ postsDir: path.join(root, 'posts'), lang: 'en', title: 'Hello, World!', now: new Date('2026-11-27T09:00:00Z') });
    expect(created.url).toBe('/en/blog/hello-world');
    expect(created.file).toBe(path.join(root, 'posts/en/hello-world.md'));
    const text = readFileSync(created.file, 'utf8');
    expect(text).toMatch(/^---\ntitle: Hello, World!\ndate: '2026-11-27T\d\d:00:00[+-]\d\d:\d\d'\ndraft: true\n/);
    const content = loadContent(optionsFor(root, { includeUnpublished: true, now: new Date('2027-01-01') }));
    expect(content.posts.en[0]).toMatchObject({ slug: 'hello-world', status: 'draft', title: 'Hello, World!' });
  });

  it('creates a bundle, and a translation paired by slug with the source terms and images', () => {
    const root = makeSite({
      'posts/en/mesh.md': post('title: Mesh\ndate: 2024-01-01\ncategories: [Istio]\nimage: /images/x.png'),
    });
    const postsDir = path.join(root, 'posts');
    const created = createPost({ postsDir, lang: 'zh', title: '服务网格', translate: 'en/mesh', bundle: true });
    expect(created.file).toBe(path.join(postsDir, 'zh/mesh/index.md'));
    const text = readFileSync(created.file, 'utf8');
    expect(text).toContain('categories:\n  - Istio\n');
    expect(text).toContain('image: /images/x.png\n');
  });

  it('refuses an existing post, an unknown language and an unknown source', () => {
    const root = makeSite({ 'posts/en/taken.md': post('title: T\ndate: 2024-01-01') });
    const postsDir = path.join(root, 'posts');
    expect(() => createPost({ postsDir, lang: 'en', title: 'Taken' })).toThrow(/taken\.md already exists: choose another --slug/);
    expect(() => createPost({ postsDir, lang: 'fr', title: 'X' })).toThrow('--lang must be one of en, zh; got "fr"');
    expect(() => createPost({ postsDir, lang: 'zh', title: 'X', translate: 'en/none' })).toThrow(/--translate: no post en\/none/);
  });

  it('makes slugs from titles in any script', () => {
    expect(titleSlug('Hello, World! 2.0')).toBe('hello-world-2-0');
    expect(titleSlug('服务网格 入门')).toBe('服务网格-入门');
  });

  it('writes the local offset', () => {
    expect(localTimestamp(new Date('2026-01-02T03:04:05Z'))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});
