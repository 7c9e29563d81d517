import { expect, test } from '@playwright/test';

type SitemapUrl = { loc: string; alternates: Record<string, string> };

test.describe('sitemap and robots', () => {
  test('the sitemap lists every public page, with hreflang alternates for translations only', async ({ page, request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    const xml = await response.text();
    const urls: SitemapUrl[] | string = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror');
      if (error) return error.textContent ?? 'parser error';
      return [...doc.getElementsByTagName('url')].map((url) => ({
        loc: url.getElementsByTagName('loc')[0]?.textContent ?? '',
        alternates: Object.fromEntries(
          [...url.getElementsByTagName('xhtml:link')].map((link) => [link.getAttribute('hreflang') ?? '', link.getAttribute('href') ?? '']),
        ),
      }));
    }, xml);
    if (typeof urls === 'string') throw new Error(`sitemap is not well-formed: ${urls}`);
    const paths = urls.map((url) => decodeURIComponent(new URL(url.loc).pathname));
    for (const path of ['/en', '/zh', '/en/page/2', '/en/blog/writing-runbooks', '/zh/categories/云原生', '/en/tags/istio', '/en/categories']) {
      expect(paths, path).toContain(path);
    }
    expect(paths.filter((path) => path.includes('/blog/'))).toHaveLength(18);
    expect(xml).not.toContain('ambient-mesh-benchmarks');
    expect(xml).not.toContain('wasm-component-model-preview');
    const mesh = urls.find((url) => url.loc.endsWith('/en/blog/service-mesh-without-sidecars'));
    expect(Object.keys(mesh?.alternates ?? {}).sort()).toEqual(['en', 'x-default', 'zh-CN']);
    expect(mesh?.alternates['x-default']).toMatch(/\/zh\/blog\/service-mesh-without-sidecars$/);
    const runbooks = urls.find((url) => url.loc.endsWith('/en/blog/writing-runbooks'));
    expect(runbooks?.alternates).toEqual({});
  });

  test('robots.txt allows crawling and points at the sitemap', async ({ request }) => {
    const text = await (await request.get('/robots.txt')).text();
    expect(text).toMatch(/User-Agent: \*\nAllow: \//i);
    expect(text).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
  });
});

test('a post describes itself to search engines and social sites', async ({ page }) => {
  await page.goto('/zh/blog/service-mesh-without-sidecars');
  const meta = (property: string) => page.locator(`head meta[property="${property}"], head meta[name="${property}"]`).first();
  await expect(meta('og:type')).toHaveAttribute('content', 'article');
  await expect(meta('og:title')).toHaveAttribute('content', '没有 Sidecar 的服务网格：Ambient 模式实践观察');
  await expect(meta('og:image')).toHaveAttribute('content', /^https?:\/\/.+\/zh\/blog\/service-mesh-without-sidecars\/opengraph-image\.png$/);
  await expect(page.locator('head meta[property="og:image"]').nth(1)).toHaveAttribute('content', /^https?:\/\/.+\/images\/banner\/service-mesh\.jpg$/);
  await expect(meta('og:image:width')).toHaveAttribute('content', '1200');
  await expect(meta('article:published_time')).toHaveAttribute('content', '2024-03-05T09:30:00+08:00');
  await expect(meta('twitter:card')).toHaveAttribute('content', 'summary_large_image');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld['@graph'][0]).toMatchObject({ '@type': 'BlogPosting', headline: '没有 Sidecar 的服务网格：Ambient 模式实践观察', inLanguage: 'zh-CN' });
});
