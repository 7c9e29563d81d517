import { expect, test, type Locator, type Page } from '@playwright/test';

/** Relative luminance (0 = black, 1 = white) of an element's computed colour property. */
async function luminance(element: Locator, property: 'backgroundColor' | 'color'): Promise<number> {
  return element.evaluate((el, prop) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.fillStyle = getComputedStyle(el)[prop];
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = [...context.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, property);
}

const pageIsDark = async (page: Page) => (await luminance(page.locator('body'), 'backgroundColor')) < 0.1;
const codeBlock = (page: Page) => page.locator('figure[data-rehype-pretty-code-figure] pre').first();
const POST = '/en/blog/tail-latency-and-retries';

test.describe('dark mode', () => {
  test('follows the system: dark page and dark code blocks when the system is dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(POST);
    expect(await pageIsDark(page)).toBe(true);
    expect(await luminance(codeBlock(page), 'backgroundColor')).toBeLessThan(0.1);
    expect(await luminance(page.locator('article p').first(), 'color')).toBeGreaterThan(0.5);
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');

    await page.emulateMedia({ colorScheme: 'light' });
    expect(await pageIsDark(page)).toBe(false);
    expect(await luminance(codeBlock(page), 'backgroundColor')).toBeGreaterThan(0.9);
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'false');
  });

  test('the toggle overrides the system and the choice persists across pages and visits', async ({ page, context }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(POST);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await pageIsDark(page)).toBe(true);
    expect(await luminance(codeBlock(page), 'backgroundColor')).toBeLessThan(0.1);

    await page.getByRole('link', { name: '中文' }).click();
    await expect(page.getByRole('button', { name: '深色主题' })).toHaveAttribute('aria-pressed', 'true');
    expect(await pageIsDark(page)).toBe(true);

    // A new visit in the same browser, before any JavaScript bundle has run: the stored choice is
    // applied by the inline script in <head>, so the first paint is already dark (no flash).
    const fresh = await context.newPage();
    await fresh.emulateMedia({ colorScheme: 'light' });
    await fresh.route('**/_next/static/**/*.js', (route) => route.abort());
    await fresh.goto('/en');
    await expect(fresh.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await pageIsDark(fresh)).toBe(true);

    await page.getByRole('button', { name: '深色主题' }).click();
    await page.reload();
    expect(await pageIsDark(page)).toBe(false);
  });

  test('the toggle works from the keyboard @phone', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/zh');
    const toggle = page.getByRole('button', { name: '深色主题' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await pageIsDark(page)).toBe(false);
  });
});
