import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

type Theme = 'light' | 'dark';

const PAGES: Record<'en' | 'zh', Array<{ name: string; path: string; open?: (page: Page) => Promise<void> }>> = {
  en: [
    { name: 'home', path: '/en' },
    { name: 'post', path: '/en/blog/ebpf-observability-primer' },
    { name: 'category', path: '/en/categories/istio' },
    { name: 'tags', path: '/en/tags' },
    { name: 'archive', path: '/en/archive' },
    { name: 'about page', path: '/en/about' },
    { name: 'section list', path: '/en/notice' },
    { name: 'section item', path: '/en/notice/gateway-workshop' },
    { name: 'search', path: '/en', open: (page) => openSearch(page, 'Search', 'mesh') },
    { name: 'image lightbox', path: '/en/blog/service-mesh-without-sidecars', open: (page) => openLightbox(page, 'Enlarge image: Request path') },
    { name: '404', path: '/en/blog/no-such-post' },
  ],
  zh: [
    { name: 'home', path: '/zh' },
    { name: 'post', path: '/zh/blog/ebpf-observability-primer' },
    { name: 'category', path: '/zh/categories/云原生' },
    { name: 'tags', path: '/zh/tags' },
    { name: 'archive', path: '/zh/archive' },
    { name: 'about page', path: '/zh/about' },
    { name: 'section item', path: '/zh/notice/community-award' },
    { name: 'search', path: '/zh', open: (page) => openSearch(page, '搜索', '网格') },
    { name: '404', path: '/zh/blog/no-such-post' },
  ],
};

async function openSearch(page: Page, button: string, query: string) {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('dialog').getByRole('searchbox').fill(query);
  await expect(page.getByRole('dialog').getByTestId('search-results').getByRole('link').first()).toBeVisible();
}

async function openLightbox(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

// Each page is loaded once and checked in both themes (the theme follows the system's, which the
// test switches): a page load costs more than a check.
for (const [lang, pages] of Object.entries(PAGES)) {
  test.describe(`accessibility, ${lang}`, () => {
    for (const { name, path, open } of pages) {
      test(`${name}: no serious or critical axe violation, in the light and the dark theme`, async ({ page }, testInfo) => {
        await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await open?.(page);
        const blocking: Partial<Record<Theme, unknown[]>> = {};
        for (const theme of ['light', 'dark'] as const satisfies Theme[]) {
          await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
          blocking[theme] = results.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => ({
              rule: violation.id,
              impact: violation.impact,
              help: violation.help,
              targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
            }));
          await testInfo.attach(`axe-${lang}-${name}-${theme}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
        }
        expect(blocking, path).toEqual({ light: [], dark: [] });
      });
    }
  });
}

test.describe('page structure', () => {
  for (const path of ['/en', '/zh/blog/ebpf-observability-primer', '/en/archive', '/zh/tags']) {
    test(`${path}: one h1, landmarks, a skip link that moves focus to the content`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('navigation').first()).toBeVisible();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: /Skip to content|跳到正文/ });
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, 'focused links show a focus ring').not.toBe('none');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main$/);
    });
  }

  test('every image has alt text; the hero uses the title when the post gives none', async ({ page }) => {
    for (const path of ['/en', '/en/blog/ebpf-observability-primer', '/zh/blog/ebpf-observability-primer']) {
      await page.goto(path);
      const missing = await page.locator('img:not([alt])').count();
      expect(missing, `${path}: images without alt`).toBe(0);
    }
    await page.goto('/en/blog/ebpf-observability-primer');
    const title = (await page.locator('h1').innerText()).trim();
    await expect(page.locator('article img').first()).toHaveAttribute('alt', title);
  });
});
