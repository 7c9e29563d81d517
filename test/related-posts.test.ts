import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSite, post } from './fixtures';

// Related posts and a term's posts, through the content layer's front door as pages ask for them.
let content: typeof import('@/lib/content');

beforeAll(async () => {
  const root = makeSite({
    'posts/en/mesh.md': post('title: Mesh\ndate: 2024-05-01\ncategories: [Kubernetes]\ntags: [istio, envoy]'),
    'posts/en/cluster.md': post('title: Cluster\ndate: 2024-01-01\ncategories: [Kubernetes]'),
    'posts/en/proxies.md': post('title: Proxies\ndate: 2024-03-01\ntags: [istio, envoy]'),
    'posts/en/sidecar.md': post('title: Sidecar\ndate: 2024-04-01\ntags: [istio]'),
    'posts/en/holiday.md': post('title: Holiday\ndate: 2024-02-01\ntags: [travel]'),
    'posts/en/café.md': post('title: Café\ndate: 2023-01-01'),
    'posts/zh/mesh.md': post('title: 网格\ndate: 2024-06-01\ncategories: [Kubernetes]\ntags: [istio, envoy]'),
  });
  process.env.BLOG_POSTS_DIR = path.join(root, 'posts');
  process.env.BLOG_PAGES_DIR = path.join(root, 'content');
  process.env.BLOG_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'blog-related-cache-'));
  content = await import('@/lib/content');
});

const slugs = (posts: readonly { slug: string }[]) => posts.map((entry) => entry.slug);

describe('related posts', () => {
  it('share the most categories (worth two) and tags (worth one), newer first among equals, in the same language', () => {
    const mesh = content.getPost('en', 'mesh')!;
    // cluster: the category (2); proxies: both tags (2), and newer; sidecar: one tag (1).
    expect(slugs(content.getRelatedPosts(mesh))).toEqual(['proxies', 'cluster', 'sidecar']);
    expect(slugs(content.getRelatedPosts(mesh, 1))).toEqual(['proxies']);
    // A post that shares nothing has no related posts; the Chinese post is never among them.
    expect(content.getRelatedPosts(content.getPost('en', 'holiday')!)).toEqual([]);
    expect(slugs(content.getRelatedPosts(content.getPost('en', 'sidecar')!))).toEqual(['mesh', 'proxies']);
  });
});

describe("a term's posts", () => {
  it('are the posts of the language that carry it, newest first', () => {
    expect(slugs(content.getTermPosts('en', 'tags', 'istio'))).toEqual(['mesh', 'sidecar', 'proxies']);
    expect(slugs(content.getTermPosts('en', 'categories', 'kubernetes'))).toEqual(['mesh', 'cluster']);
    expect(slugs(content.getTermPosts('zh', 'tags', 'istio'))).toEqual(['mesh']);
    expect(content.getTermPosts('en', 'tags', 'no-such-tag')).toEqual([]);
    // A caller may keep or change what it is given without changing the next answer.
    content.getTermPosts('en', 'tags', 'istio').pop();
    expect(content.getTermPosts('en', 'tags', 'istio')).toHaveLength(3);
  });

  it('and a post is found by its slug, as written in any Unicode form', () => {
    expect(content.getPost('en', 'proxies')?.title).toBe('Proxies');
    expect(content.getPost('en', 'cafe\u0301')?.title).toBe('Café');
    expect(content.getPost('en', 'nothing-here')).toBeUndefined();
  });
});
