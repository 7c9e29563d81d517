import { expect, test } from '@playwright/test';
import { expectImageLoaded, expectLocalizedNotFound, listedTitles, postEntries } from './helpers';

// The sample site's `notice` section (content/<lang>/notice/, declared in site.config.json).

test.describe('a section of notices', () => {
  test('the menu leads to the section, newest first, ten to a page @phone', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notices' }).click();
    await expect(page).toHaveURL(/\/en\/notice$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notices');
    await expect(page.getByText('Talks, workshops, releases and news from the authors.')).toBeVisible();
    const firstPage = await listedTitles(page);
    expect(firstPage).toHaveLength(10);
    expect(firstPage.slice(0, 3)).toEqual(['Talk at Mesh Day 2026: retries that do not storm', 'Cloud Native Notes turns five', 'Our community project wins an award']);
    // Neither the draft nor the expired call for papers is listed.
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Older/ }).click();
    await expect(page).toHaveURL(/\/en\/notice\/page\/2$/);
    expect(await listedTitles(page)).toEqual(['The blog has a new address', 'Talk: eBPF for the rest of us']);
  });

  test("a notice names where it leads, and opens the event's page in a new tab @phone", async ({ page }) => {
    await page.goto('/en/notice');
    await postEntries(page).getByRole('link', { name: 'Gateway API workshop, in person' }).click();
    await expect(page).toHaveURL(/\/en\/notice\/gateway-workshop$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gateway API workshop, in person');
    await expect(page.getByTestId('page-banner').getByText('May 20, 2026')).toBeVisible();
    const call = page.getByTestId('item-link');
    await expect(call).toHaveText(/Continue at example\.org/);
    await expect(call).toHaveAttribute('href', 'https://example.org/workshops/gateway-api');
    await expect(call).toHaveAttribute('target', '_blank');
    await expect(call).toHaveAttribute('rel', /noopener/);
    await page.getByTestId('page-banner').getByRole('link', { name: 'Notices' }).click();
    await expect(page).toHaveURL(/\/en\/notice$/);
  });

  test('a notice with its own image shows it, and switches to its translation', async ({ page }) => {
    await page.goto('/en/blog/open-source-community-lessons');
    await page.getByRole('link', { name: 'the notice' }).click();
    await expect(page).toHaveURL(/\/en\/notice\/community-award$/);
    await expectImageLoaded(page.getByTestId('section-item').getByRole('img', { name: 'How the community grew, contributors per year' }));
    await expect(page.getByTestId('item-link')).toHaveCount(0);
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/zh\/notice\/community-award$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('我们的社区项目获奖');
  });

  test('an unknown, draft or expired notice is not found', async ({ page }) => {
    await expectLocalizedNotFound(page, '/en/notice/no-such-notice', 'en');
    await expectLocalizedNotFound(page, '/en/notice/ambassador-draft', 'en');
    await expectLocalizedNotFound(page, '/en/notice/call-for-papers-2020', 'en');
    await expectLocalizedNotFound(page, '/zh/notice/page/2', 'zh');
  });

  test("Hugo's URLs of the section lead to the new ones", async ({ request }) => {
    for (const [from, to] of [
      ['/notice/mesh-day-2026-talk/', '/zh/notice/mesh-day-2026-talk'],
      ['/notice/', '/zh/notice'],
      ['/en/notice/page/1/', '/en/notice'],
      ['/en/notice/index.xml', '/en/notice/feed.xml'],
    ]) {
      let response = await request.get(from!, { maxRedirects: 0 });
      let hops = 0;
      while ([301, 308].includes(response.status()) && hops++ < 3) {
        const location = response.headers().location ?? '';
        if (new URL(location, 'http://x.invalid').pathname === to) break;
        response = await request.get(location, { maxRedirects: 0 });
      }
      expect(new URL(response.headers().location ?? '', 'http://x.invalid').pathname, from).toBe(to);
    }
  });

  test('the section has its own feed, and its notices are in the sitemap and in search', async ({ page, request }) => {
    const feed = await (await request.get('/en/notice/feed.xml')).text();
    expect(feed).toContain('<title>Notices · Cloud Native Notes</title>');
    expect(feed).toContain('/en/notice/mesh-day-2026-talk</link>');
    expect(feed).not.toContain('ambassador-draft');
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain('/en/notice/gateway-workshop</loc>');
    expect(sitemap).toContain('/en/notice/page/2</loc>');
    await page.goto('/en/notice');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('searchbox').fill('workshop');
    await expect(page.getByRole('dialog').getByRole('link', { name: /Gateway API workshop, in person/ })).toBeVisible();
  });
});
