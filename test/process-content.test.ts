import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSite, post } from './fixtures';

// Next.js bundles pages and route handlers apart, and a build worker that renders both loads the
// content layer once per bundle. vi.resetModules stands in for the second bundle's copy.
const PROCESS_CONTENT = Symbol.for('bilingual-blog.content');

describe('the content a production server process read', () => {
  beforeEach(() => {
    const root = makeSite({
      'posts/en/mesh.md': post('title: Mesh\ndate: 2024-05-01\ntags: [istio]'),
      'posts/zh/mesh.md': post('title: 网格\ndate: 2024-06-01'),
    });
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('BLOG_POSTS_DIR', path.join(root, 'posts'));
    vi.stubEnv('BLOG_PAGES_DIR', path.join(root, 'content'));
    vi.stubEnv('BLOG_CACHE_DIR', mkdtempSync(path.join(tmpdir(), 'blog-process-cache-')));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as Record<symbol, unknown>)[PROCESS_CONTENT];
  });

  async function twoCopies() {
    vi.resetModules();
    const pages = await import('@/lib/content');
    const first = pages.getPost('en', 'mesh');
    vi.resetModules();
    const routeHandlers = await import('@/lib/content');
    expect(routeHandlers).not.toBe(pages);
    return { first, second: routeHandlers.getPost('en', 'mesh') };
  }

  it("is one read for every copy of the content layer in Next.js's server bundles", async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    const { first, second } = await twoCopies();
    expect(first?.title).toBe('Mesh');
    // The same post, not an equal one read again: its body and text are held once.
    expect(second).toBe(first);
  });

  it('is read again by a script or test that loads the content layer again', async () => {
    const { first, second } = await twoCopies();
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });
});
