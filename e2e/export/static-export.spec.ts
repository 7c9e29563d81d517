import { expect, test } from '@playwright/test';
import { expectOgCard, pageScriptSources, plantInlineScript, watchPolicyViolations } from '../helpers';

// The static export (npm run export), served from out/ the way file hosts serve it.

test.describe('static export', () => {
  test('/ sends an English browser to /en', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test.describe('in a Chinese browser', () => {
    test.use({ locale: 'zh-CN' });
    test('/ sends it to /zh', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/zh$/);
    });
  });

  test('homes, pagination, posts and their images work without a server', async ({ page }) => {
    await page.goto('/en');
    await expect(page.getByTestId('post-list').getByRole('heading', { level: 2 })).toHaveCount(10);
    await page.getByRole('link', { name: /Older posts/ }).click();
    await expect(page).toHaveURL(/\/en\/page\/2$/);
    await page.goto('/en/blog/ebpf-observability-primer');
    for (const image of await page.locator('article img').all()) {
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    await expect(page.locator('figcaption').first()).toBeVisible();
    // The responsive copies are files of the export too.
    const shown = await page.locator('article img').first().evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
    expect(shown).toMatch(/^\/_img\/[0-9a-f]{16}-\d+\.webp$/);
  });

  test('Chinese term pages exist', async ({ page }) => {
    const response = await page.goto(`/zh/categories/${encodeURIComponent('云原生')}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('云原生');
  });

  test('old URLs are redirect pages with a canonical link, and lead to the post', async ({ page, request }) => {
    const html = await (await request.get('/2024/03/ambient-mesh/')).text();
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="0; url=/en/blog/service-mesh-without-sidecars"></noscript>');
    expect(html).toMatch(/<link rel="canonical" href="[^"]*\/en\/blog\/service-mesh-without-sidecars">/);
    await page.goto('/2024/03/ambient-mesh/');
    await expect(page).toHaveURL(/\/en\/blog\/service-mesh-without-sidecars$/);
    // A link to a section of the old page, or with a campaign's query, keeps them, as a server's redirect does.
    await page.goto('/2024/03/ambient-mesh/?from=newsletter#the-data-plane');
    await expect(page).toHaveURL(/\/en\/blog\/service-mesh-without-sidecars\?from=newsletter#the-data-plane$/);
    await page.goto('/blog/service-mesh-without-sidecars/');
    await expect(page).toHaveURL(/\/zh\/blog\/service-mesh-without-sidecars$/);
    await page.goto(`/zh/${encodeURIComponent('社区')}/${encodeURIComponent('五年运营笔记')}/`);
    await expect(page).toHaveURL(/\/zh\/blog\/open-source-community-lessons$/);
  });

  test('a section works without a server: its list pages, an item with its image, its feed and its Hugo URLs', async ({ page, request }) => {
    await page.goto('/en/notice/page/2');
    await expect(page.getByTestId('post-list').getByRole('heading')).toHaveText(['The blog has a new address', 'Talk: eBPF for the rest of us']);
    await page.goto('/en/notice');
    await page.getByTestId('post-list').getByRole('link', { name: 'Our community project wins an award' }).click();
    await expect(page).toHaveURL(/\/en\/notice\/community-award$/);
    await expect.poll(() => page.getByTestId('section-item').getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await (await request.get('/notice/index.xml')).text()).toBe(await (await request.get('/zh/notice/feed.xml')).text());
    await page.goto('/notice/mesh-day-2026-talk/');
    await expect(page).toHaveURL(/\/zh\/notice\/mesh-day-2026-talk$/);
    await expect(page.getByTestId('item-link')).toHaveAttribute('href', 'https://example.org/meshday/2026/retries');
  });

  test('the announcement bar is in the export, and stays dismissed from page to page', async ({ page }) => {
    await page.goto('/en/archive');
    const bar = page.getByRole('complementary', { name: 'Announcement' });
    await expect(bar.getByRole('link')).toHaveText('Talk at Mesh Day 2026: retries that do not storm');
    await bar.getByRole('button', { name: 'Dismiss the announcement' }).click();
    await expect(bar).toBeHidden();
    await page.goto('/en/notice');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notices');
    await expect(page.getByRole('complementary', { name: 'Announcement' })).toBeHidden();
  });

  test('unknown pages and unpublished posts answer 404', async ({ request }) => {
    for (const path of ['/en/blog/nope', '/en/blog/ambient-mesh-benchmarks', '/zh/blog/wasm-component-model-preview', '/en/notice/ambassador-draft', '/en/notice/nope']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).toContain('Page not found');
    }
  });
});

test('the export carries the feeds, also at Hugo\'s index.xml URLs', async ({ request }) => {
  const feed = await (await request.get('/en/feed.xml')).text();
  expect(feed).toContain('<rss');
  expect(await (await request.get('/en/index.xml')).text()).toBe(feed);
  expect(await (await request.get('/index.xml')).text()).toBe(await (await request.get('/zh/feed.xml')).text());
});

test('the export carries the sitemap and robots.txt', async ({ request }) => {
  expect(await (await request.get('/sitemap.xml')).text()).toContain('/en/blog/writing-runbooks</loc>');
  expect(await (await request.get('/robots.txt')).text()).toContain('sitemap.xml');
});

test('search works without a server: the index and the posts\' text are files of the export', async ({ page }) => {
  await page.goto('/zh');
  await page.getByRole('button', { name: '搜索' }).click();
  const box = page.getByRole('dialog').getByRole('searchbox');
  const result = page.getByRole('dialog').getByTestId('search-results').getByRole('link').first();
  // Only in a post's body: found through search-text.json.
  await box.fill('巴士系');
  await expect(result).toContainText('运营开源社区五年');
  await box.fill('可观测');
  await expect(result).toContainText('eBPF');
  await result.click();
  await expect(page).toHaveURL(/\/zh\/blog\/ebpf-observability-primer$/);
});

test('the export carries the OpenGraph cards as .png files, which the pages point to', async ({ page, request }) => {
  expect(await expectOgCard(page, request, '/zh')).toBe('/zh/opengraph-image.png');
  expect(await expectOgCard(page, request, '/en/blog/writing-runbooks')).toBe('/en/blog/writing-runbooks/opengraph-image.png');
});

test('the export lists its old URLs in a _redirects file for hosts that read one', async ({ request }) => {
  const rules = (await (await request.get('/_redirects')).text()).split('\n');
  expect(rules).toContain('/2024/03/ambient-mesh /en/blog/service-mesh-without-sidecars 301');
  expect(rules).toContain('/2024/03/ambient-mesh/ /en/blog/service-mesh-without-sidecars 301');
  expect(rules).toContain('/ /en 302 Language=en');
  expect(rules.filter((rule) => rule && !rule.startsWith('#')).every((rule) => /^\/\S* \/\S+ 30[12]( Language=\w+)?$/.test(rule))).toBe(true);
});

test('the export gives hosts that read a _headers file the caching next start sends', async ({ request }) => {
  const lines = (await (await request.get('/_headers')).text()).split('\n');
  expect(lines.slice(lines.indexOf('/_img/*'), lines.indexOf('/_img/*') + 2)).toEqual(['/_img/*', '  Cache-Control: public, max-age=31536000, immutable']);
  expect(lines.slice(lines.indexOf('/zh/search-text.json'), lines.indexOf('/zh/search-text.json') + 2)).toEqual([
    '/zh/search-text.json',
    '  Cache-Control: public, max-age=600, stale-while-revalidate=86400',
  ]);
});

test('without a header, each page of the export carries its own policy: its scripts run, a planted one does not', async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  // The language chooser at / runs under its policy too: it sends the browser on.
  await page.goto('/');
  await expect(page).toHaveURL(/\/en$/);
  for (const path of ['/en', '/zh/blog/ebpf-observability-primer', '/en/notice/community-award', '/en/tags', '/en/no-such-page']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await pageScriptSources(page), path).not.toContain("'unsafe-inline'");
    expect(await violations(), path).toEqual([]);
  }
  await plantInlineScript(page, '/en/blog/writing-runbooks');
  await page.goto('/en/blog/writing-runbooks');
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { planted?: boolean }).planted)).toBeUndefined();
  expect(await violations()).toEqual([expect.stringMatching(/^script-src-elem blocked inline window\.planted = true/)]);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('dialog').getByRole('searchbox')).toBeVisible();
});
