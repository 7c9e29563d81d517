import { expect, test } from '@playwright/test';
import { crawl, expectLocalizedNotFound, site } from './helpers';

test.describe('unknown URLs answer 404 with a localized page', () => {
  const cases: { lang: 'en' | 'zh'; path: string; what: string }[] = [
    { lang: 'en', path: '/en/blog/no-such-post', what: 'unknown post slug' },
    { lang: 'zh', path: '/zh/blog/no-such-post', what: 'unknown post slug' },
    { lang: 'zh', path: '/zh/blog/dns-debugging-notes', what: 'post that exists only in English' },
    { lang: 'en', path: '/en/categories/no-such-category', what: 'unknown category' },
    { lang: 'zh', path: `/zh/categories/${encodeURIComponent('不存在的分类')}`, what: 'unknown Chinese category' },
    { lang: 'en', path: '/en/tags/no-such-tag', what: 'unknown tag' },
    { lang: 'zh', path: '/zh/tags/no-such-tag', what: 'unknown tag' },
    { lang: 'en', path: '/en/page/3', what: 'page number past the end' },
    { lang: 'en', path: '/en/page/02', what: 'zero-padded page number' },
    { lang: 'zh', path: '/zh/page/2', what: 'page number past the end' },
    { lang: 'en', path: '/en/categories/istio/page/2', what: 'term page number past the end' },
    { lang: 'en', path: '/en/no/such/deep/path', what: 'unknown deep path' },
    { lang: 'zh', path: '/zh/no/such/deep/path', what: 'unknown deep path' },
    { lang: 'en', path: '/en/blog/ebpf-observability-primer/images/missing.png/extra', what: 'unknown path below a post' },
  ];
  for (const { lang, path, what } of cases) {
    test(`${what}: ${decodeURIComponent(path)} → 404 "${site[lang].notFound}"`, async ({ page }) => {
      await expectLocalizedNotFound(page, path, lang);
      // The reader can get back to the home page in the same language.
      await page.getByRole('main').getByRole('link', { name: lang === 'en' ? 'Back to the home page' : '返回首页' }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}$`));
      await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText(site[lang].title);
    });
  }

  for (const path of ['/fr', '/fr/anything', '/fr/blog/service-mesh-without-sidecars', '/EN/blog/writing-runbooks']) {
    test(`unknown language: ${path} answers 404`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
    });
  }

  for (const path of ['/fr', '/fr/anything']) {
    test(`unknown language: ${path} shows the not-found message in both languages`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      for (const lang of ['en', 'zh'] as const) {
        await expect(page.getByRole('heading', { name: site[lang].notFound })).toBeVisible();
        await expect(page.getByRole('link', { name: new RegExp(site[lang].title) })).toHaveAttribute('href', `/${lang}`);
      }
    });
  }
});

test.describe('drafts and scheduled posts are not published', () => {
  const hidden = [
    { path: '/en/blog/ambient-mesh-benchmarks', what: 'draft' },
    { path: '/zh/blog/wasm-component-model-preview', what: 'post dated 2031' },
  ];
  for (const { path, what } of hidden) {
    test(`${what}: ${path} is 404`, async ({ page }) => {
      await expectLocalizedNotFound(page, path, path.startsWith('/en') ? 'en' : 'zh');
    });
  }

  test('tags used only by them have no page', async ({ request }) => {
    expect((await request.get('/en/tags/benchmark')).status()).toBe(404);
    expect((await request.get(`/zh/tags/${encodeURIComponent('组件模型')}`)).status()).toBe(404);
  });

  test('nothing of them appears on any page reachable from the home pages', async ({ request }) => {
    test.slow();
    const pages = await crawl(request, ['/en', '/zh', '/en/categories', '/en/tags', '/zh/categories', '/zh/tags']);
    const paths = new Set(pages.map((page) => page.path));

    // The crawl reached the lists it has to check.
    for (const path of [
      '/en/page/2',
      '/en/categories/networking',
      '/en/tags/envoy',
      '/en/tags/istio',
      `/zh/categories/${encodeURIComponent('云原生')}`,
      '/zh/tags/wasm',
      '/en/blog/kubernetes-dns-debugging',
      '/zh/blog/ebpf-observability-primer',
    ]) {
      expect(paths.has(path), `crawl reached ${decodeURIComponent(path)}`).toBe(true);
    }
    expect(pages.length).toBeGreaterThan(60);
    expect(pages.length, 'crawl stayed within its bound').toBeLessThan(300);

    // Every internal link works.
    expect(
      pages.filter((page) => page.status !== 200).map((page) => `${page.status} ${decodeURIComponent(page.path)}`),
      'broken internal links',
    ).toEqual([]);

    // The check below sees the pages' content: published titles are there.
    const withTitle = (title: string) => pages.filter((page) => page.html.includes(title)).length;
    expect(withTitle('Service Mesh Without Sidecars: A Practical Look at Ambient Mode')).toBeGreaterThan(3);
    expect(withTitle('用 WebAssembly 编写 Envoy 过滤器')).toBeGreaterThan(3);

    const forbidden = [
      'DRAFT-MARKER-7c1f',
      'FUTURE-MARKER-93ab',
      'Ambient Mesh Benchmark Notes',
      'WebAssembly 组件模型前瞻',
      'ambient-mesh-benchmarks',
      'wasm-component-model-preview',
      '/tags/benchmark',
      '组件模型',
      encodeURIComponent('组件模型'),
      'banner/draft.jpg',
      'banner%2Fdraft.jpg',
      'banner/future.jpg',
      'banner%2Ffuture.jpg',
    ];
    const leaks = pages.flatMap((page) =>
      forbidden.filter((text) => page.html.includes(text)).map((text) => `${decodeURIComponent(page.path)}: ${text}`),
    );
    expect(leaks, 'draft or scheduled content in published pages').toEqual([]);
  });
});
