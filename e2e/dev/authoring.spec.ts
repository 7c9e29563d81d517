import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { devPostsDir } from './dev-posts';

// `npm run dev` while writing: the open page follows the files, and a broken post is reported on
// the page while every other post keeps working. A cold dev server compiles on first use, so the
// waits are generous; the refresh itself takes about a second.
test.describe.configure({ mode: 'serial' });
test.use({ navigationTimeout: 60_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

/** The page is hydrated and watching posts/ once it has asked for the content fingerprint. */
async function watching(page: Page, path: string) {
  const polled = page.waitForRequest((request) => request.url().endsWith('/dev-content-version'), { timeout: 60_000 });
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
