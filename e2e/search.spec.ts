import { expect, test, type Page } from '@playwright/test';

function searchIndexRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('/search.json') || pathname.endsWith('/search-text.json')) requests.push(pathname);
  });
  return requests;
}

const dialog = (page: Page) => page.getByRole('dialog');
const results = (page: Page) => dialog(page).getByTestId('search-results').getByRole('link');

test.describe('search', () => {
  test("a link with ?q= opens search with its query; Hugo's search page leads there", async ({ page }) => {
    await page.goto('/search/?q=巴士系');
    await expect(page).toHaveURL(/\/zh\?q=/);
    await expect(dialog(page).getByRole('searchbox')).toHaveValue('巴士系');
    await expect(results(page).first()).toContainText('运营开源社区五年');
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(dialog(page).getByRole('searchbox')).toHaveValue('');
  });

  test('"/" right after Escape opens search again, though the closed dialog reports its closing later', async ({ page }) => {
    await page.goto('/en/archive');
    await page.locator('body').press('/');
    await expect(dialog(page).getByRole('searchbox')).toBeFocused();
    // Both keys in one task: the dialog's close event, which React hears, comes after the "/".
    await page.evaluate(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
    });
    await expect(dialog(page).getByRole('searchbox')).toBeFocused();
  });

  test('loads the index only when opened, and finds Chinese by a substring inside a sentence', async ({ page }) => {
    const requests = searchIndexRequests(page);
    await page.goto('/zh');
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]);

    await page.getByRole('button', { name: '搜索' }).click();
    const box = dialog(page).getByRole('searchbox', { name: '搜索文章' });
    await expect(box).toBeFocused();
    // "巴士系" sits inside a sentence of the community post's body: no word boundary around it.
    await box.fill('巴士系');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first()).toContainText('运营开源社区五年');
    await expect(results(page).first().locator('mark')).toHaveText(['巴士系']);
    await expect(dialog(page).getByRole('status')).toHaveText('1 个结果');
    expect(requests.sort()).toEqual(['/zh/search-text.json', '/zh/search.json']);

    await box.fill('没有这样的文章啊');
    await expect(dialog(page).getByRole('status')).toHaveText('没有与“没有这样的文章啊”匹配的文章。');
    await expect(results(page)).toHaveCount(0);
  });

  test('opens with "/", is used from the keyboard, and leads to the post', async ({ page }) => {
    await page.goto('/en/archive');
    await page.locator('body').press('/');
    const box = dialog(page).getByRole('searchbox', { name: 'Search posts' });
    await expect(box).toBeFocused();
    await box.pressSequentially('retry budget');
    await expect(results(page).first()).toContainText('Tail Latency');
    await expect(results(page).first().locator('mark').first()).toBeVisible();

    await page.keyboard.press('ArrowDown');
    await expect(results(page).first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(box).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);

    await page.keyboard.press('/');
    await dialog(page).getByRole('searchbox').fill('retry budget');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/blog\/tail-latency-and-retries$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Tail Latency');
  });

  test('a "/" typed right after Escape opens search again', async ({ page }) => {
    await page.goto('/en/archive');
    await page.locator('body').press('/');
    await expect(dialog(page).getByRole('searchbox')).toBeFocused();
    // Both keys in one go, before the browser draws a frame in between, as a fast typist may.
    await page.evaluate(() => {
      const type = (key: string) => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      type('Escape');
      type('/');
    });
    await expect(dialog(page).getByRole('searchbox')).toBeFocused();
    await expect(dialog(page).getByRole('searchbox')).toHaveValue('');
  });

  test('shows title matches before the full text arrives, and body matches once it has', async ({ page }) => {
    // Hold the posts' text back until the test lets it through, as a slow connection would.
    let releaseText = () => {};
    const textHeld = new Promise<void>((resolve) => (releaseText = resolve));
    await page.route('**/en/search-text.json', async (route) => {
      await textHeld;
      await route.continue();
    });
    await page.goto('/en');
    await page.getByRole('button', { name: 'Search' }).click();
    const box = dialog(page).getByRole('searchbox');
    await box.fill('tail latency');
    await expect(results(page).first()).toContainText('Tail Latency');
    await expect(dialog(page).getByRole('status')).toContainText('Still loading the full text of the posts…');
    // "token bucket" is only in the body of that post.
    await box.fill('token bucket');
    await expect(results(page)).toHaveCount(0);
    releaseText();
    await expect(results(page).first()).toContainText('Tail Latency');
    await expect(dialog(page).getByRole('status')).not.toContainText('Still loading');
  });

  test('still finds titles when the full text cannot be loaded, and says so', async ({ page }) => {
    await page.route('**/en/search-text.json', (route) => route.abort());
    await page.goto('/en');
    await page.getByRole('button', { name: 'Search' }).click();
    await dialog(page).getByRole('searchbox').fill('tail latency');
    await expect(results(page).first()).toContainText('Tail Latency');
    await expect(dialog(page).getByRole('status')).toContainText('only titles, tags, headings and summaries were searched');
  });

  test('the index files may be kept by the browser for a while, as the site sends no ETags', async ({ request }) => {
    for (const file of ['/en/search.json', '/en/search-text.json']) {
      const response = await request.get(file);
      expect(response.status()).toBe(200);
      expect(response.headers()['cache-control']).toBe('public, max-age=600, stale-while-revalidate=86400');
    }
  });

  test('typing "/" into the search box types it, and finds nothing unpublished', async ({ page }) => {
    await page.goto('/en');
    await page.getByRole('button', { name: 'Search' }).click();
    const box = dialog(page).getByRole('searchbox');
    await box.fill('a/b');
    await expect(box).toHaveValue('a/b');
    await box.fill('DRAFT-MARKER-7c1f');
    await expect(dialog(page).getByRole('status')).toHaveText('No posts match “DRAFT-MARKER-7c1f”.');
  });

  test('works on a phone @phone', async ({ page }) => {
    await page.goto('/en');
    await page.getByRole('button', { name: 'Search' }).click();
    await dialog(page).getByRole('searchbox').fill('ebpf');
    await expect(results(page).first()).toBeVisible();
    await results(page).first().click();
    await expect(page).toHaveURL(/\/en\/blog\//);
  });
});
