import { expect, test } from '@playwright/test';
import { EN_DATE, ZH_DATE, expectImageLoaded, listedTitles, postEntries, shownDate, site } from './helpers';

test.describe('/ picks the reader’s language', () => {
  const cases: { acceptLanguage?: string; expected: string }[] = [
    { acceptLanguage: 'en-US,en;q=0.9', expected: '/en' },
    { acceptLanguage: 'en-GB', expected: '/en' },
    { acceptLanguage: 'zh-CN,zh;q=0.9,en;q=0.8', expected: '/zh' },
    { acceptLanguage: 'fr-FR,fr;q=0.9,en;q=0.5', expected: '/en' },
    { acceptLanguage: 'de-DE', expected: '/zh' },
    { expected: '/zh' },
  ];
  for (const { acceptLanguage, expected } of cases) {
    test(`Accept-Language ${acceptLanguage ?? '(none)'} → ${expected}`, async ({ playwright, baseURL }) => {
      // A fresh context, so that no default Accept-Language is sent when the case has none.
      const request = await playwright.request.newContext({ baseURL });
      try {
        const response = await request.get('/', {
          maxRedirects: 0,
          headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
        });
        expect(response.status()).toBe(307);
        const location = response.headers()['location'];
        expect(location, 'redirect Location header').toBeTruthy();
        expect(new URL(location!, baseURL).pathname).toBe(expected);
      } finally {
        await request.dispose();
      }
    });
  }
});

test.describe('home pages', () => {
  for (const lang of ['en', 'zh'] as const) {
    test(`/${lang} shows the site title, localized dates, newest first, in <html lang="${site[lang].htmlLang}">`, async ({
      page,
    }) => {
      const response = await page.goto(`/${lang}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', site[lang].htmlLang);
      await expect(page).toHaveTitle(site[lang].title);
      await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText(site[lang].title);
      await expect(page.getByRole('banner').getByRole('link', { name: site[lang].title })).toBeVisible();

      const entries = postEntries(page);
      const count = await entries.count();
      expect(count).toBeGreaterThan(1);
      const dates: number[] = [];
      for (let i = 0; i < count; i++) {
        const entry = entries.nth(i);
        const text = await entry.innerText();
        const date = shownDate(text, lang);
        expect(date, `entry ${i + 1} shows a date like ${lang === 'en' ? '"March 5, 2024"' : '"2024年3月5日"'}: ${text}`).toBeDefined();
        // Never the other language's format.
        expect(text).not.toMatch(lang === 'en' ? ZH_DATE : EN_DATE);
        dates.push(date!);
        const titleLink = entry.getByRole('heading').getByRole('link');
        await expect(titleLink).toHaveAttribute('href', new RegExp(`^/${lang}/blog/[^/]+$`));
      }
      const newestFirst = [...dates].sort((a, b) => b - a);
      expect(dates, 'posts are listed newest first').toEqual(newestFirst);
    });
  }

  test('/en lists 10 posts and links to /en/page/2, which lists the other 3', async ({ page }) => {
    await page.goto('/en');
    await expect(postEntries(page)).toHaveCount(10);
    const firstPage = await listedTitles(page);
    // The newest post, with its author-calendar date.
    expect(firstPage[0]).toBe('Writing Envoy Filters in WebAssembly');
    await expect(postEntries(page).first()).toContainText('August 12, 2024');

    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination).toContainText('Page 1 of 2');
    await expect(pagination.getByRole('link', { name: /Newer posts/ })).toHaveCount(0);
    const older = pagination.getByRole('link', { name: /Older posts/ });
    await expect(older).toHaveAttribute('href', '/en/page/2');
    const lastDateOnFirstPage = shownDate(await postEntries(page).last().innerText(), 'en')!;

    await older.click();
    await expect(page).toHaveURL(/\/en\/page\/2$/);
    await expect(postEntries(page)).toHaveCount(3);
    const secondPage = await listedTitles(page);
    expect(secondPage).toEqual([
      'Moving a Bilingual Blog from Hugo to Next.js',
      'Five Years of Running an Open Source Community: What I Got Wrong',
      'Error Budgets in Practice: Turning Reliability Into a Shared Decision',
    ]);
    expect(firstPage.filter((title) => secondPage.includes(title)), 'no post on both pages').toEqual([]);
    for (const text of await postEntries(page).allInnerTexts()) {
      expect(shownDate(text, 'en')!, 'page 2 is older than page 1').toBeLessThanOrEqual(lastDateOnFirstPage);
    }
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const pagination2 = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination2).toContainText('Page 2 of 2');
    await expect(pagination2.getByRole('link', { name: /Older posts/ })).toHaveCount(0);
    await expect(pagination2.getByRole('link', { name: /Newer posts/ })).toHaveAttribute('href', '/en');
  });

  test('/zh lists its 5 posts on one page; /zh/page/2 is 404', async ({ page, request }) => {
    await page.goto('/zh');
    await expect(postEntries(page)).toHaveCount(5);
    await expect(postEntries(page).first()).toContainText('2024年8月12日');
    await expect(page.getByRole('navigation', { name: '分页' })).toHaveCount(0);
    expect((await request.get('/zh/page/2')).status()).toBe(404);
  });

  test('list entries show a thumbnail that loads, a title link, the summary and category chips', async ({ page }) => {
    await page.goto('/en');
    const entry = postEntries(page).filter({ hasText: 'Service Mesh Without Sidecars' });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole('heading').getByRole('link')).toHaveAttribute(
      'href',
      '/en/blog/service-mesh-without-sidecars',
    );
    await expect(entry).toContainText('March 5, 2024');
    await expect(entry).toContainText('What changes when the mesh moves its proxies out of your pods');
    const chips = entry.getByRole('list', { name: 'Categories' }).getByRole('link');
    await expect(chips).toHaveText(['Service Mesh', /^istio$/i]);
    await expectImageLoaded(entry.locator('img'));
  });

  for (const lang of ['en', 'zh'] as const) {
    test(`@phone /${lang} on a phone: title and first post readable, no sideways scrolling`, async ({ page }) => {
      await page.goto(`/${lang}`);
      await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText(site[lang].title);
      const firstLink = postEntries(page).first().getByRole('heading').getByRole('link');
      await expect(firstLink).toBeVisible();
      const box = await firstLink.boundingBox();
      const width = await page.evaluate(() => window.innerWidth);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'page is not wider than the screen').toBeLessThanOrEqual(0);
    });
  }
});
