import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSite, post, TINY_PNG } from './fixtures';

// Next.js's export worker (patches/next+16.4.6.patch) runs each page of a production build with
// a store in this AsyncLocalStorage, and before rendering a page again asks the content layer
// whether each of the page's reads still gives what it gave (lib/content/page-reads.ts).
const PAGE_READS = Symbol.for('bilingual-blog.page-reads');
const PAGE_INPUTS = Symbol.for('bilingual-blog.page-inputs');
type PageStore = { reads: Map<string, string>; reusable: boolean };
type Slots = { [PAGE_READS]?: AsyncLocalStorage<PageStore>; [PAGE_INPUTS]?: { key: () => string; fingerprint: (read: string) => string | undefined } };
const slots = globalThis as typeof globalThis & Slots;

const tagged = (title: string, date: string, body?: string) => post(`title: ${title}\ndate: ${date}\ntags: [mesh]`, body);

let root: string;

async function frontDoor() {
  vi.resetModules();
  return import('@/lib/content');
}

function readsOf(page: () => unknown): Map<string, string> {
  const store: PageStore = { reads: new Map(), reusable: true };
  slots[PAGE_READS]!.run(store, page);
  return store.reads;
}

/** What each read gives now, as the next build asks before taking a page back. */
async function readsNow(reads: Map<string, string>): Promise<Map<string, string | undefined>> {
  await frontDoor();
  return new Map([...reads.keys()].map((read) => [read, slots[PAGE_INPUTS]!.fingerprint(read)]));
}

describe("a production build's record of what each page read", () => {
  beforeAll(() => {
    slots[PAGE_READS] = new AsyncLocalStorage<PageStore>();
  });
  afterAll(() => {
    delete slots[PAGE_READS];
    delete slots[PAGE_INPUTS];
  });
  beforeEach(() => {
    root = makeSite({
      'posts/en/alpha.md': tagged('Alpha', '2024-01-01'),
      'posts/en/beta/index.md': tagged('Beta', '2024-02-01', '![A chart](chart.png)\n\nSome text.'),
      'posts/en/beta/chart.png': TINY_PNG,
      'posts/en/gamma.md': tagged('Gamma', '2024-03-01'),
      'posts/en/delta.md': post('title: Delta\ndate: 2024-04-01'),
    });
    vi.stubEnv('BLOG_POSTS_DIR', path.join(root, 'posts'));
    vi.stubEnv('BLOG_PAGES_DIR', path.join(root, 'content'));
    vi.stubEnv('BLOG_CACHE_DIR', mkdtempSync(path.join(tmpdir(), 'blog-page-reads-cache-')));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it("keeps the front door's outermost calls, not the ones they make", async () => {
    const content = await frontDoor();
    const reads = readsOf(() => {
      const beta = content.getPost('en', 'beta')!;
      content.getAdjacentPosts(beta);
      content.getRelatedPosts(beta);
    });
    // getAdjacentPosts looks through every post, but the page shows two of them: a page is not
    // made again when a post it does not show changes.
    expect([...reads.keys()]).toEqual([
      '["getPost","en","beta"]',
      '["getAdjacentPosts",{"entry":["post","en",null,"beta"]}]',
      '["getRelatedPosts",{"entry":["post","en",null,"beta"]}]',
    ]);
    // Outside a page nothing is kept.
    expect(readsOf(() => undefined).size).toBe(0);
  });

  it('gives the same fingerprints until what a read returned changes', async () => {
    const content = await frontDoor();
    const reads = readsOf(() => {
      const beta = content.getPost('en', 'beta')!;
      content.getPost('en', 'delta');
      content.getAdjacentPosts(beta);
      content.getRelatedPosts(beta);
      content.getPostPage('en', 1);
    });
    expect(await readsNow(reads)).toEqual(reads);

    // Gamma is newer than Beta, shares its tag, and is on the first page of the list.
    writeFileSync(path.join(root, 'posts/en/gamma.md'), tagged('Gamma, retitled', '2024-03-01'));
    const now = await readsNow(reads);
    const changed = [...reads].filter(([read, fingerprint]) => now.get(read) !== fingerprint).map(([read]) => read);
    expect(changed).toEqual([
      '["getAdjacentPosts",{"entry":["post","en",null,"beta"]}]',
      '["getRelatedPosts",{"entry":["post","en",null,"beta"]}]',
      '["getPostPage","en",1]',
    ]);
  });

  it("cannot check a read of a post since removed, so its page is made again", async () => {
    const content = await frontDoor();
    const reads = readsOf(() => content.getRelatedPosts(content.getPost('en', 'alpha')!));
    rmSync(path.join(root, 'posts/en/alpha.md'));
    const now = await readsNow(reads);
    // getPost now finds nothing; getRelatedPosts cannot be asked about a post that is gone.
    expect([...now]).toEqual([
      ['["getPost","en","alpha"]', 'undefined'],
      ['["getRelatedPosts",{"entry":["post","en",null,"alpha"]}]', undefined],
    ]);
    for (const [read, fingerprint] of reads) expect(now.get(read)).not.toBe(fingerprint);
  });

  it("changes a body's fingerprint with a picture it shows, though the post's text is the same", async () => {
    const content = await frontDoor();
    const reads = readsOf(() => void content.renderPostBody(content.getPost('en', 'beta')!, {}).catch(() => undefined));
    const read = '["renderPostBody",{"entry":["post","en",null,"beta"]},{"code":true}]';
    expect([...reads.keys()]).toContain(read);
    expect(await readsNow(reads)).toEqual(reads);
    writeFileSync(path.join(root, 'posts/en/beta/chart.png'), Buffer.concat([TINY_PNG, Buffer.from([0])]));
    expect((await readsNow(reads)).get(read)).not.toBe(reads.get(read));
  });
});
