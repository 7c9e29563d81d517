import { expect, test } from '@playwright/test';
import { openUnderOwnPolicy, plantInlineScript, watchPolicyViolations } from './helpers';

// Each prerendered page carries its own security policy (npm run build pins it, see
// lib/security-policy.ts): scripts from the site's files, and inline only those it names by hash.

const NOT_FOUND = '/en/blog/no-such-post';

const PAGE_KINDS = [
  '/en',
  '/zh',
  '/en/page/2',
  '/en/blog/ebpf-observability-primer',
  '/zh/blog/ebpf-observability-primer',
  '/en/blog/tail-latency-and-retries',
  '/en/categories/istio',
  '/zh/categories/云原生',
  '/en/tags',
  '/en/archive',
  '/en/about',
  '/en/notice',
  '/en/notice/gateway-workshop',
  NOT_FOUND,
];

for (const path of PAGE_KINDS) {
  test(`${path} runs its scripts under its own policy, with nothing blocked`, async ({ page }) => {
    const violations = await openUnderOwnPolicy(page, path, path === NOT_FOUND ? 404 : 200);
    if (path !== NOT_FOUND) {
      // The islands hydrate under it: the theme toggle answers (the page for a missing one has none).
      const toggle = page.getByTestId('theme-toggle');
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    expect(await violations()).toEqual([]);
  });
}

test('search and the copy button work under the policy', async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await page.goto('/en');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('dialog').getByRole('searchbox').fill('mesh');
  await expect(page.getByRole('dialog').getByTestId('search-results').getByRole('link').first()).toBeVisible();
  await page.goto('/en/blog/tail-latency-and-retries');
  await expect(page.locator('figure[data-rehype-pretty-code-figure] button').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('a script planted in a page does not run; the page\'s own scripts do', async ({ page }) => {
  const post = '/en/blog/ebpf-observability-primer';
  const violations = await watchPolicyViolations(page);
  await plantInlineScript(page, post);
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  await page.goto(post);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { planted?: boolean }).planted)).toBeUndefined();
  expect(await violations()).toEqual([expect.stringMatching(/^script-src-elem blocked inline window\.planted = true/)]);
  // The theme script ran before the first paint, and the page hydrated: the toggle answers.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'dark');
});
