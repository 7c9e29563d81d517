import { expect, test } from '@playwright/test';

test.describe('code blocks', () => {
  test('are highlighted, labelled with their language, and scroll instead of overflowing', async ({ page }) => {
    await page.goto('/en/blog/tail-latency-and-retries');
    const block = page.locator('figure[data-rehype-pretty-code-figure]').first();
    await expect(block.locator('pre')).toHaveAttribute('data-language', 'go');
    const colours = await block.locator('code span[style*="--shiki-light"]').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
    expect(colours).toBeGreaterThan(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(overflow).toBe(true);
  });

  test('copy to the clipboard with one click', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/en/blog/tail-latency-and-retries');
    const block = page.locator('figure[data-rehype-pretty-code-figure]').first();
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('type RetryBudget struct {');
    expect(copied).toBe(await block.locator('code').innerText());
  });

  test('the Chinese page labels the button in Chinese', async ({ page }) => {
    await page.goto('/zh/blog/wasm-envoy-filters');
    await expect(page.locator('figure[data-rehype-pretty-code-figure]').first().getByRole('button', { name: '复制' })).toBeVisible();
  });
});
