import { expect, test, type Page } from '@playwright/test';

// site.config.json announces the newest item of the sample site's `notice` section.

const bar = (page: Page) => page.getByRole('complementary', { name: /^(Announcement|公告)$/ });

type Shift = { value: number; moved: string[] };

/** The page's layout shifts since it started loading (without input), with what moved. */
async function layoutShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(
    () =>
      new Promise<Shift[]>((resolve) => {
        const shifts: Shift[] = [];
        type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node }> };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as LayoutShift[]) {
            if (entry.hadRecentInput) continue;
            shifts.push({ value: entry.value, moved: entry.sources.map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 100) : String(source.node?.nodeName))) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(shifts), 500);
      }),
  );
}

test.describe('the announcement bar', () => {
  test('shows the newest notice of the language on every page, and leads to it @phone', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    await expect(bar(page).getByRole('link')).toHaveText('Talk at Mesh Day 2026: retries that do not storm');
    await page.goto('/zh');
    await expect(bar(page).getByRole('link')).toHaveText('Mesh Day 2026 演讲：不会引发风暴的重试');
    await bar(page).getByRole('link').click();
    await expect(page).toHaveURL(/\/zh\/notice\/mesh-day-2026-talk$/);
  });

  test('once dismissed, stays away on every page and after a reload, without shifting the layout @phone', async ({ page }) => {
    await page.goto('/en');
    expect(await layoutShifts(page)).toEqual([]);
    await bar(page).getByRole('button', { name: 'Dismiss the announcement' }).click();
    await expect(bar(page)).toBeHidden();
    // Through a link (the page changes in the browser), then a full load of another page.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Archive' }).click();
    await expect(page).toHaveURL(/\/en\/archive$/);
    await expect(bar(page)).toBeHidden();
    await page.goto('/en/blog/writing-runbooks');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(bar(page)).toBeHidden();
    expect(await layoutShifts(page)).toEqual([]);
    // Moving to the other language renders its bar in the browser: the dismissal holds there too.
    await page.goto('/en/notice/mesh-day-2026-talk');
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/zh\/notice\/mesh-day-2026-talk$/);
    await expect(bar(page)).toBeHidden();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the bar and its link still work; the dismiss control is not offered', async ({ page }) => {
      await page.goto('/en/archive');
      await expect(bar(page).getByRole('link')).toHaveText('Talk at Mesh Day 2026: retries that do not storm');
      await expect(bar(page).getByRole('button')).toBeHidden();
      await bar(page).getByRole('link').click();
      await expect(page).toHaveURL(/\/en\/notice\/mesh-day-2026-talk$/);
    });
  });
});
