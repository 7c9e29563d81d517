import { expect, test } from '@playwright/test';

test.describe('table of contents', () => {
  test('a sticky column on wide screens follows the section being read', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/en/blog/tail-latency-and-retries');
    const toc = page.getByRole('navigation', { name: 'On this page' }).filter({ visible: true });
    await expect(toc.getByRole('link')).toHaveText(['How a retry storm happens', 'Budgets, not counts', 'Other rules we adopted']);
    await toc.getByRole('link', { name: 'Other rules we adopted' }).click();
    await expect(page).toHaveURL(/#other-rules-we-adopted$/);
    await expect(toc.getByRole('link', { name: 'Other rules we adopted' })).toHaveAttribute('aria-current', 'location');
    await expect(toc).toBeInViewport();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(toc.getByRole('link', { name: 'How a retry storm happens' })).toHaveAttribute('aria-current', 'location');
  });

  test('@phone a collapsible list above the text on phones, and # links on headings', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/zh/blog/ebpf-observability-primer');
    const summary = page.getByText('本页目录', { exact: true }).filter({ visible: true });
    await expect(summary).toBeVisible();
    const link = page.locator('details[data-toc] a').first();
    await expect(link).toBeHidden();
    await summary.click();
    await expect(link).toBeVisible();
    const heading = page.locator('article h2').first();
    await expect(heading.getByRole('link', { name: '链接到本节' })).toHaveAttribute('href', `#${await heading.getAttribute('id')}`);
  });
});
