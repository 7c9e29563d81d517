import { expect, test, type Page } from '@playwright/test';
import { decodedPath, expectImageLoaded, listedTitles, postEntries, site } from './helpers';

/** The term list on /<lang>/categories or /<lang>/tags, as "name → count" pairs. */
async function termCounts(page: Page): Promise<Map<string, string>> {
  const counts = new Map<string, string>();
  for (const link of await page.getByTestId('term-list').getByRole('link').all()) {
    const spans = await link.locator('span').allInnerTexts();
    counts.set(spans[0]?.trim() ?? '', spans[1]?.trim() ?? '');
  }
  return counts;
}

test.describe('categories and tags', () => {
  test('a category chip on a post leads to the category page listing that post', async ({ page }) => {
    const title = 'Why Your gRPC Traffic Ignores the Kubernetes Service Load Balancer';
    await page.goto('/en/blog/grpc-load-balancing');
    await page.getByTestId('page-banner').getByRole('list', { name: 'Categories' }).getByRole('link', { name: 'Networking' }).click();
    await expect(page).toHaveURL(/\/en\/categories\/networking$/);
    await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText('Networking');
    await expect(page.getByTestId('page-banner')).toContainText('2 posts');
    expect(await listedTitles(page)).toEqual([
      'From Ingress to Gateway API: Routing With Clear Ownership',
      title,
    ]);
    // And back to the post from the list.
    await page.getByTestId('post-list').getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(/\/en\/blog\/grpc-load-balancing$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('a tag chip at the bottom of a post leads to the tag page listing that post', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    await page.getByRole('main').getByRole('list', { name: 'Tags' }).getByRole('link', { name: '#on-call' }).click();
    await expect(page).toHaveURL(/\/en\/tags\/on-call$/);
    expect(await listedTitles(page)).toEqual(['Writing Runbooks for the Engineer Who Gets Paged at 3 a.m.']);
  });

  for (const lang of ['en', 'zh'] as const) {
    test(`/${lang}: "Istio" and "istio" are one category listing both posts`, async ({ page }) => {
      const posts =
        lang === 'en'
          ? ['Writing Envoy Filters in WebAssembly', 'Service Mesh Without Sidecars: A Practical Look at Ambient Mode']
          : ['用 WebAssembly 编写 Envoy 过滤器', '没有 Sidecar 的服务网格：Ambient 模式实践观察'];
      await page.goto(`/${lang}/categories`);
      const istio = page.getByTestId('term-list').getByRole('link', { name: /^istio\b/i });
      await expect(istio, 'one Istio category, whatever the spelling').toHaveCount(1);
      await expect(istio).toContainText(lang === 'en' ? '2 posts' : '2 篇文章');
      await istio.click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/categories/istio$`));
      expect(await listedTitles(page)).toEqual(posts);
      // Both posts show the category under the same spelling, linking to the same page.
      const chips = postEntries(page).getByRole('link', { name: /^istio$/i });
      await expect(chips).toHaveCount(2);
      const [first, second] = await chips.allInnerTexts();
      expect(first).toBe(second);
      for (const chip of await chips.all()) await expect(chip).toHaveAttribute('href', `/${lang}/categories/istio`);
    });
  }

  const cloudNativePosts = ['没有 Sidecar 的服务网格：Ambient 模式实践观察', '运营开源社区五年：我犯过的那些错'];

  test('the Chinese category 云原生 is reached by clicking its chip', async ({ page }) => {
    await page.goto('/zh/blog/service-mesh-without-sidecars');
    await page.getByTestId('page-banner').getByRole('list', { name: '分类' }).getByRole('link', { name: '云原生' }).click();
    await expect(page).toHaveURL((url) => decodeURIComponent(url.pathname) === '/zh/categories/云原生');
    await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText('云原生');
    await expect(page.getByTestId('page-banner')).toContainText('2 篇文章');
    expect(await listedTitles(page)).toEqual(cloudNativePosts);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('the Chinese category 云原生 answers at its percent-encoded URL', async ({ page }) => {
    const url = `/zh/categories/${encodeURIComponent('云原生')}`;
    expect(url).toBe('/zh/categories/%E4%BA%91%E5%8E%9F%E7%94%9F');
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(decodedPath(page.url())).toBe('/zh/categories/云原生');
    await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText('云原生');
    expect(await listedTitles(page)).toEqual(cloudNativePosts);
    // Each listed post opens.
    await page.getByTestId('post-list').getByRole('link', { name: cloudNativePosts[1] }).click();
    await expect(page).toHaveURL(/\/zh\/blog\/open-source-community-lessons$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(cloudNativePosts[1]!);
  });

  test('the categories index lists each Chinese category with its count and links to it', async ({ page }) => {
    await page.goto('/zh/categories');
    await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText('全部分类');
    const counts = await termCounts(page);
    expect(counts.get('云原生')).toBe('2 篇文章');
    expect(counts.get('可观测性')).toBe('1 篇文章');
    await page.getByTestId('term-list').getByRole('link', { name: /^可观测性/ }).click();
    await expect(page).toHaveURL((url) => decodeURIComponent(url.pathname) === '/zh/categories/可观测性');
    expect(await listedTitles(page)).toEqual(['写给平台工程师的 eBPF 可观测性入门']);
  });

  test('the tags indexes show how many posts carry each tag', async ({ page }) => {
    await page.goto('/en/tags');
    await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText('All tags');
    const en = await termCounts(page);
    expect(en.get('envoy')).toBe('5 posts');
    expect(en.get('kubernetes')).toBe('3 posts');
    expect(en.get('dns')).toBe('1 post');
    // The draft's tags are not counted.
    expect(en.get('istio')).toBe('1 post');
    expect(en.has('benchmark')).toBe(false);
    // Every count reads "N post(s)" and the list is most-used first.
    const numbers = [...en.values()].map((text) => {
      expect(text).toMatch(/^(1 post|[2-9]\d* posts|1\d+ posts)$/);
      return Number.parseInt(text, 10);
    });
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    // The count matches what the tag page lists.
    await page.getByTestId('term-list').getByRole('link', { name: /^envoy/ }).click();
    await expect(page).toHaveURL(/\/en\/tags\/envoy$/);
    await expect(postEntries(page)).toHaveCount(5);

    await page.goto('/zh/tags');
    await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText('全部标签');
    const zh = await termCounts(page);
    expect(zh.get('envoy')).toBe('2 篇文章');
    // The scheduled post's tags are not counted.
    expect(zh.get('wasm')).toBe('1 篇文章');
    expect(zh.has('组件模型')).toBe(false);
    for (const text of zh.values()) expect(text).toMatch(/^\d+ 篇文章$/);
  });
});

test.describe('language switching', () => {
  test('the switcher on a translated post opens the same post in the other language, and back', async ({ page }) => {
    await page.goto('/en/blog/service-mesh-without-sidecars');
    const toZh = page.getByTestId('language-switcher');
    await expect(toZh).toHaveText(site.en.switchTo);
    await toZh.click();
    await expect(page).toHaveURL(/\/zh\/blog\/service-mesh-without-sidecars$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有 Sidecar 的服务网格：Ambient 模式实践观察');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    const toEn = page.getByTestId('language-switcher');
    await expect(toEn).toHaveText(site.zh.switchTo);
    await toEn.click();
    await expect(page).toHaveURL(/\/en\/blog\/service-mesh-without-sidecars$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Service Mesh Without Sidecars: A Practical Look at Ambient Mode',
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the switcher on a translated bundle post keeps its images working', async ({ page }) => {
    await page.goto('/zh/blog/ebpf-observability-primer');
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/en\/blog\/ebpf-observability-primer$/);
    const title = 'An eBPF Observability Primer for Platform Engineers';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectImageLoaded(page.getByRole('main').getByRole('img', { name: title }));
    await expectImageLoaded(page.getByRole('main').getByRole('img', { name: 'Flame graph of sampled CPU stacks' }));
  });

  for (const path of ['/en/blog/writing-runbooks', '/en/blog/kubernetes-dns-debugging']) {
    test(`the switcher on an untranslated post (${path}) leads to the Chinese home page`, async ({ page }) => {
      await page.goto(path);
      const switcher = page.getByTestId('language-switcher');
      await expect(switcher).toHaveText(site.en.switchTo);
      await switcher.click();
      await expect(page).toHaveURL(/\/zh$/);
      await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText(site.zh.title);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });
  }

  test('the switcher on a home page leads to the other home page', async ({ page }) => {
    await page.goto('/zh');
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByTestId('page-banner').getByRole('heading', { level: 1 })).toHaveText(site.en.title);
  });

  /** `hreflang` → path of each `<link rel="alternate" hreflang>` in the page's head. */
  async function alternates(page: Page): Promise<Record<string, string>> {
    const links = await page
      .locator('head link[rel="alternate"][hreflang]')
      .evaluateAll((elements) => elements.map((el) => [el.getAttribute('hreflang') ?? '', el.getAttribute('href') ?? '']));
    return Object.fromEntries(links.map(([lang, href]) => [lang, new URL(href!, 'http://x.invalid').pathname]));
  }

  test('a translated post announces its translation with hreflang alternates', async ({ page }) => {
    await page.goto('/en/blog/service-mesh-without-sidecars');
    expect(await alternates(page)).toEqual({
      en: '/en/blog/service-mesh-without-sidecars',
      'zh-CN': '/zh/blog/service-mesh-without-sidecars',
    });
    await page.goto('/zh/blog/service-mesh-without-sidecars');
    expect(await alternates(page)).toEqual({
      en: '/en/blog/service-mesh-without-sidecars',
      'zh-CN': '/zh/blog/service-mesh-without-sidecars',
    });
  });

  test('the about page is linked from every footer, and announces its translation @phone', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    await page.getByRole('contentinfo').getByRole('link', { name: 'About' }).click();
    await expect(page).toHaveURL(/\/en\/about$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About');
    await expect(page.getByRole('heading', { level: 2, name: 'Who writes it' })).toBeVisible();
    expect(await alternates(page)).toEqual({ en: '/en/about', 'zh-CN': '/zh/about' });
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/zh\/about$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于');
  });

  test('an untranslated post announces no translation', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    expect(await alternates(page)).toEqual({});
  });
});

test.describe('moving between pages', () => {
  test('a page is fetched ahead only once the reader points at its link, and opens without a reload', async ({ page }) => {
    const prefetched: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['next-router-prefetch']) prefetched.push(new URL(request.url()).pathname);
    });
    await page.goto('/en/blog/writing-runbooks');
    // Hydrated (the toggle's state is known in the browser only), and the network quiet.
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', /^(true|false)$/);
    await page.waitForLoadState('networkidle');
    expect(prefetched).toEqual([]);

    const archive = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Archive' });
    await archive.hover();
    await expect.poll(() => prefetched).toContain('/en/archive');
    await page.evaluate(() => document.body.setAttribute('data-same-document', ''));
    await archive.click();
    await expect(page).toHaveURL(/\/en\/archive$/);
    await expect(page.locator('body')).toHaveAttribute('data-same-document', '');
  });
});
