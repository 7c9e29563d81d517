import { expect, test } from '@playwright/test';

test.describe('reading aids', () => {
  test('posts show reading time and word count, counted right for each language', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    await expect(page.getByTestId('reading-stats')).toHaveText(/^\d+ min read · [\d,]+ words$/);
    await page.goto('/zh/blog/ebpf-observability-primer');
    const zh = await page.getByTestId('reading-stats').textContent();
    expect(zh).toMatch(/^阅读约 \d+ 分钟 · \d+ 字$/);
    // Chinese is counted by character: a post of a few hundred words has far more than 100 字.
    expect(Number(/(\d+) 字/.exec(zh ?? '')?.[1])).toBeGreaterThan(300);
    await page.goto('/en');
    await expect(page.getByTestId('post-list').getByText(/\d+ min read/).first()).toBeVisible();
  });

  test('a post links to related posts and to the next newer and older ones', async ({ page }) => {
    await page.goto('/en/blog/tail-latency-and-retries');
    const related = page.getByRole('region', { name: 'Related posts' });
    await expect(related.getByRole('link').first()).toHaveText('Service Mesh Without Sidecars: A Practical Look at Ambient Mode');
    await expect(related.getByRole('link', { name: /Retries Are Not Free/ })).toHaveCount(0);
    await expect(page.locator('a[rel="prev"]')).toContainText('Writing Envoy Filters in WebAssembly');
    await expect(page.locator('a[rel="next"]')).toContainText('Service Mesh Without Sidecars');
    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(/\/en\/blog\/service-mesh-without-sidecars$/);
  });

  test('the archive lists every post by month, newest first, in both languages', async ({ page }) => {
    await page.goto('/en');
    await page.getByRole('link', { name: 'Archive' }).click();
    await expect(page).toHaveURL(/\/en\/archive$/);
    const months = await page.locator('main h2').allTextContents();
    expect(months[0]).toBe('August 2024');
    expect(months).toContain('March 2024');
    await expect(page.locator('main li')).toHaveCount(13);
    await page.goto('/zh/archive');
    await expect(page.locator('main h2').first()).toHaveText('2024年8月');
    await expect(page.locator('main li')).toHaveCount(5);
  });
});
