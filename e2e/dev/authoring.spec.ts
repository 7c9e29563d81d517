import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { devPostsDir, generatedDir, generatedPosts } from './dev-posts';

// `npm run dev` while writing: the open page follows the files, and a broken post is reported on
// the page while every other post keeps working.
//
// The server reads 300 generated posts beside the sample posts (see generatedPosts), as a real
// site has. Every step here is a round trip through `next dev`: after a save the server reads the
// front matter again and renders the page with React's development build, and each
// navigation loads and hydrates the development bundles. On 2 cores shared with the other
// projects' tests, one step took up to 11 s (saving to the status showing) and a navigation up to
// 7 s, and the broken-post test, which makes five such steps in a row, 20-31 s. Playwright's
// default 30 s per test measured the machine's load, not the behaviour. Each step keeps its own
// 20 s limit; a test gets the time of its steps.
test.describe.configure({ mode: 'serial', timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * The pages' images stay out of these tests: `next dev` encodes a responsive copy on every request
 * (1-5 s of CPU each on 2 cores, and they keep the server busy after the test that asked for them
 * has ended), and nothing here is about images.
 */
const withoutImages = (page: Page) => page.route('**/_img/**', (route) => route.abort('blockedbyclient'));

/**
 * `next dev` compiles a route the first time it is asked for: on a fresh clone that is the post
 * page (8-12 s measured on 2 cores) and the fingerprint route the page polls (1-10 s), while the
 * other projects' tests share the machine. That happens once, here, with the allowance the config
 * gives `next dev` to start, instead of inside the first test.
 */
test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(120_000);
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  try {
    await withoutImages(page);
    const answered = page.waitForResponse((response) => response.url().endsWith('/dev-content-version'), { timeout: 0 });
    await page.goto('/en/blog/writing-runbooks', { timeout: 0 });
    await answered;
  } finally {
    await page.close();
  }
});

test.beforeEach(({ page }) => withoutImages(page));

/** The page is hydrated and watching posts/ once it has asked for the content fingerprint. */
async function watching(page: Page, path: string) {
  const polled = page.waitForRequest((request) => request.url().endsWith('/dev-content-version'));
  await page.goto(path);
  await polled;
}

const edit = (relative: string, change: (text: string) => string) => {
  const file = path.join(devPostsDir, relative);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, change(original));
  return () => writeFileSync(file, original);
};

test('saving a post refreshes the open page', async ({ page }) => {
  await watching(page, '/en/blog/writing-runbooks');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Writing Runbooks/);
  const restore = edit('en/writing-runbooks.md', (text) =>
    text.replace(/^title: .*$/m, 'title: "Edited While Reading"').replace('Most runbooks', 'Almost all runbooks'),
  );
  try {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edited While Reading');
    await expect(page.getByText('Almost all runbooks')).toBeVisible();
  } finally {
    restore();
  }
});

test('drafts show in dev, with a badge', async ({ page }) => {
  await page.goto('/en');
  const draft = page.getByTestId('post-list').getByRole('listitem').filter({ hasText: 'DRAFT-MARKER-7c1f' });
  await expect(draft.getByText('Draft', { exact: true })).toBeVisible();
});

test('a broken post is reported with file:line on the page, and the others keep working', async ({ page }) => {
  await watching(page, '/en/blog/writing-runbooks');
  const restore = edit('en/grpc-load-balancing.md', (text) => text.replace(/^date: .*$/m, 'date: 2020-13-45'));
  try {
    const status = page.getByTestId('dev-content-status');
    await expect(status).toContainText(/grpc-load-balancing\.md:3: date: "2020-13-45" is not a valid date/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/en/blog/tail-latency-and-retries');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Retries Are Not Free/);
    await expect(status).toBeVisible();
  } finally {
    restore();
  }
  await expect(page.getByTestId('dev-content-status')).toBeHidden();
});

test('among hundreds of posts, a save shows on the open page and a body that cannot render is reported', async ({ page }) => {
  const post = generatedPosts().find((candidate) => candidate.lang === 'en');
  if (!post) throw new Error('no English post was generated');
  const heading = page.getByRole('heading', { level: 1 });
  await watching(page, `/en/blog/${post.slug}`);
  await expect(heading).toContainText(post.title);

  const bundle = path.relative(devPostsDir, path.join(generatedDir('en'), post.slug));
  const restore = edit(path.join(bundle, 'index.md'), (text) => `${text}\nA paragraph saved among hundreds of posts.\n`);
  try {
    await expect(page.getByText('A paragraph saved among hundreds of posts.')).toBeVisible();
  } finally {
    restore();
  }

  // Its body is read in the background, after the page it was saved beside has been shown.
  const broken = path.join(generatedDir('en'), 'broken-among-many.mdx');
  writeFileSync(broken, '---\ntitle: Broken Among Many\ndate: 2012-01-01\n---\n\nText.\n\n<Callout>\n\nnever closed\n');
  try {
    await expect(page.getByTestId('dev-content-status')).toContainText(/broken-among-many\.mdx:\d+/);
    await expect(heading).toContainText(post.title);
  } finally {
    rmSync(broken);
  }
  await expect(page.getByTestId('dev-content-status')).toBeHidden();
});
