import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { mdxComponentsFor } from '@/components/mdx-components';
import { loadContent, type Post } from '@/lib/content/load';
import { makeSite, optionsFor, post } from './fixtures';

/** A process that has read nothing yet: a build's first step, or one of its workers. */
async function freshProcess() {
  vi.resetModules();
  return import('@/lib/content/hast');
}

describe("a body's tree in a production build", () => {
  let cacheDir: string;
  let entry: Post;
  beforeEach(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'blog-trees-'));
    vi.stubEnv('BLOG_CACHE_DIR', cacheDir);
    const root = makeSite({ 'posts/en/steps.md': post('title: Steps\ndate: 2024-01-01', '## Steps\n\nRun *this*:\n\n```sh\nmake\n```\n') });
    entry = loadContent(optionsFor(root)).posts.en[0]!;
  });
  afterEach(() => vi.unstubAllEnvs());

  it('is parsed once: a worker reads back the tree the first step parsed, and its text', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const firstStep = await freshProcess();
    const parsed = firstStep.postHast(entry);
    const text = firstStep.postReadableText(entry);
    expect(firstStep.treeStats).toEqual({ parsed: 1, readBack: 0 });

    const worker = await freshProcess();
    expect(worker.postHast(entry)).toEqual(parsed);
    expect(worker.postReadableText(entry)).toBe(text);
    expect(worker.treeStats).toEqual({ parsed: 0, readBack: 1 });

    // Another body is another tree.
    const edited = { ...entry, body: `${entry.body}\nOne more line.\n` };
    const afterEdit = await freshProcess();
    afterEdit.postHast(edited);
    expect(afterEdit.treeStats).toEqual({ parsed: 1, readBack: 0 });
  });

  it("of MDX too: a worker compiles the page from the parse the first step made, and parses nothing", async () => {
    const root = makeSite({ 'posts/en/keys.mdx': post('title: Keys\ndate: 2024-01-01', '## Keys\n\nPress <kbd>Ctrl</kbd>.\n') });
    const [mdx] = loadContent(optionsFor(root)).posts.en;
    vi.stubEnv('NODE_ENV', 'production');
    const firstStep = await freshProcess();
    firstStep.postHast(mdx!);
    expect(firstStep.treeStats).toEqual({ parsed: 1, readBack: 0 });

    const worker = await freshProcess();
    const { compilePostBody } = await import('@/lib/content/markdown');
    const page = renderToStaticMarkup(await compilePostBody(mdx!, mdxComponentsFor('en')));
    expect(page).toContain('<p>Press <kbd>Ctrl</kbd>.</p>');
    expect(worker.treeStats).toEqual({ parsed: 0, readBack: 1 });
  });

  it('is not kept outside a production build', async () => {
    const dev = await freshProcess();
    dev.postHast(entry);
    expect(existsSync(path.join(cacheDir, 'blog-tree'))).toBe(false);
    expect((await freshProcess()).postHast(entry)).toEqual(dev.postHast(entry));
  });
});
