import { expect, test } from '@playwright/test';
import { expectImageLoaded, site } from './helpers';

test.describe('a post page', () => {
  test('shows its title, date and category chips in the banner, and a hero image that loads', async ({ page }) => {
    const title = 'Service Mesh Without Sidecars: A Practical Look at Ambient Mode';
    const response = await page.goto('/en/blog/service-mesh-without-sidecars');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${title} | ${site.en.title}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const banner = page.getByTestId('page-banner');
    await expect(banner.getByRole('heading', { level: 1 })).toHaveText(title);
    // Author's calendar date (09:30 +08:00), whatever the reader's time zone.
    await expect(banner).toContainText('March 5, 2024');
    await expect(banner.getByRole('list', { name: 'Categories' }).getByRole('link')).toHaveText([
      'Service Mesh',
      /^istio$/i,
    ]);

    const hero = page.getByRole('main').getByRole('img', { name: title });
    await expect(hero).toBeVisible();
    expect((await hero.getAttribute('alt'))?.trim()).toBeTruthy();
    // The hero is above the fold: it must not wait for lazy loading.
    expect(await hero.getAttribute('loading')).not.toBe('lazy');
    await expectImageLoaded(hero);

    await expect(page.getByRole('main').getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText([
      '#istio',
      '#ambient',
      '#envoy',
    ]);
  });

  test('the same post in Chinese shows the date in Chinese', async ({ page }) => {
    await page.goto('/zh/blog/service-mesh-without-sidecars');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const banner = page.getByTestId('page-banner');
    await expect(banner.getByRole('heading', { level: 1 })).toHaveText('没有 Sidecar 的服务网格：Ambient 模式实践观察');
    await expect(banner).toContainText('2024年3月5日');
    await expect(banner.getByRole('list', { name: '分类' }).getByRole('link')).toHaveText(['云原生', /^istio$/i]);
    await expectImageLoaded(page.getByRole('main').getByRole('img', { name: '没有 Sidecar 的服务网格：Ambient 模式实践观察' }));
  });

  const figures = [
    {
      path: '/en/blog/service-mesh-without-sidecars',
      alt: 'Sidecar and ambient data planes side by side',
      caption: 'Left: one proxy per pod. Right: a shared node tunnel plus opt-in waypoints.',
      kind: 'the *caption* line below the image',
    },
    {
      path: '/en/blog/service-mesh-without-sidecars',
      alt: 'Request path from client through gateway to services',
      caption: 'Every hop in the path is mutually authenticated',
      kind: "the image's title attribute",
    },
    {
      path: '/zh/blog/service-mesh-without-sidecars',
      alt: '请求从客户端经过网关到达各个服务的路径',
      caption: '路径上的每一跳都经过双向认证',
      kind: "the image's title attribute",
    },
    {
      path: '/en/blog/tail-latency-and-retries',
      alt: 'Upstream requests per second rising sharply once retries start',
      caption: 'Load on the database during the incident. The slowdown started at t0; the spike is all retries.',
      kind: 'the *caption* line below the image',
    },
    {
      path: '/en/blog/gateway-api-httproute',
      alt: 'The three Gateway API resource roles',
      caption: 'Each layer is owned by a different role and can be secured separately.',
      kind: 'the *caption* line below the image (MDX)',
    },
    {
      path: '/zh/blog/migrating-hugo-to-nextjs',
      alt: '从 Hugo 内容目录到 Next.js 项目的映射',
      caption: '目录结构几乎可以一一对应。',
      kind: 'the *caption* line below the image (MDX)',
    },
    {
      path: '/zh/blog/open-source-community-lessons',
      alt: '活跃贡献者人数柱状图，从 12 人增长到 230 人',
      caption: '每年的活跃贡献者人数。2019 年的跃升发生在贡献者指南发布之后。',
      kind: 'the *caption* line below the image',
    },
  ];
  for (const { path, alt, caption, kind } of figures) {
    test(`${path}: figure "${alt}" is captioned by ${kind}`, async ({ page }) => {
      await page.goto(path);
      const main = page.getByRole('main');
      const image = main.getByRole('img', { name: alt, exact: true });
      await expect(image).toHaveCount(1);
      const figure = main.getByRole('figure').filter({ has: page.getByRole('img', { name: alt, exact: true }) });
      await expect(figure).toHaveCount(1);
      await expect(figure.locator('figcaption')).toHaveText(caption);
      // The figure is labelled by its caption for assistive technology too.
      await expect(main.getByRole('figure', { name: caption })).toHaveCount(1);
      // The caption is shown once, as the caption: not also as a stray italic paragraph.
      await expect(main.getByText(caption, { exact: true })).toHaveCount(1);
      await expectImageLoaded(image);
    });
  }

  for (const lang of ['en', 'zh'] as const) {
    test(`/${lang}/blog/ebpf-observability-primer: images stored beside the post load`, async ({ page, request }) => {
      const base = `/${lang}/blog/ebpf-observability-primer`;
      await page.goto(base);
      const main = page.getByRole('main');
      const images = main.getByRole('article').locator('img');
      // Hero (cover.jpg) and the two body figures (images/probe-flow.png, images/flamegraph.png);
      // the related posts' pictures beside the article are theirs.
      await expect(images).toHaveCount(3);
      for (const image of await images.all()) {
        expect((await image.getAttribute('alt'))?.trim(), 'image has alt text').toBeTruthy();
        await expectImageLoaded(image);
      }
      const captions =
        lang === 'en'
          ? [
              'Probes write to maps in the kernel; an agent reads them from user space.',
              'A flame graph: the x-axis is sample count, not time.',
            ]
          : ['探针在内核中写入 map，代理在用户态读取。', '火焰图的横轴表示采样次数，而不是时间。'];
      await expect(main.locator('figcaption')).toHaveText(captions);

      // The bundle's files are also served at the post's own URL, as Hugo serves them.
      for (const [file, type] of [
        ['cover.jpg', 'image/jpeg'],
        ['images/probe-flow.png', 'image/png'],
        ['images/flamegraph.png', 'image/png'],
      ] as const) {
        const response = await request.get(`${base}/${file}`);
        expect(response.status(), `${base}/${file}`).toBe(200);
        expect(response.headers()['content-type']).toBe(type);
        expect((await response.body()).length).toBeGreaterThan(100);
      }
      expect((await request.get(`${base}/images/missing.png`)).status()).toBe(404);
      expect((await request.get(`${base}/index.md`)).status()).toBe(404);
    });
  }

  test('a remote image is a lazy <img> pointing at the remote URL', async ({ page }) => {
    const remote = 'https://res.cloudinary.com/demo/image/upload/sample.jpg';
    // No network here: the test must not depend on the CDN answering.
    await page.route(/^https:\/\/res\.cloudinary\.com\//, (route) => route.abort());
    await page.goto('/en/blog/wasm-envoy-filters');
    const name = 'A placeholder photo served from a remote image CDN';
    const image = page.getByRole('main').getByRole('img', { name });
    await expect(image).toHaveCount(1);
    await expect(image).toHaveAttribute('src', remote);
    await expect(image).toHaveAttribute('loading', 'lazy');
    await expect(page.getByRole('main').getByRole('figure').filter({ has: page.getByRole('img', { name }) }).locator('figcaption')).toHaveText(
      'Remote images load lazily; this one is served from a public CDN.',
    );
  });

  for (const lang of ['en', 'zh'] as const) {
    test(`/${lang}/blog/open-source-community-lessons: external links open in a new tab, safely`, async ({ page }) => {
      await page.goto(`/${lang}/blog/open-source-community-lessons`);
      const main = page.getByRole('main');
      const kubernetes = main.getByRole('link', { name: 'Kubernetes', exact: true });
      await expect(kubernetes).toHaveAttribute('href', 'https://kubernetes.io');
      const github = main.getByRole('link', { name: 'https://github.com/example/community' });
      await expect(github).toHaveAttribute('href', 'https://github.com/example/community');

      const external = main.locator('a[href^="http://"], a[href^="https://"], a[href^="//"]');
      expect(await external.count()).toBeGreaterThanOrEqual(2);
      for (const link of await external.all()) {
        const href = await link.getAttribute('href');
        await expect(link, `${href} opens in a new tab`).toHaveAttribute('target', '_blank');
        const rel = ((await link.getAttribute('rel')) ?? '').split(/\s+/);
        expect(rel, `${href} rel`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      }

      // Links within the site stay in the same tab.
      const internal = main.getByRole('link', { name: lang === 'en' ? 'migrated the blog' : '迁移了博客' });
      await expect(internal).toHaveAttribute('href', `/${lang}/blog/migrating-hugo-to-nextjs`);
      expect(await internal.getAttribute('target')).toBeNull();
      const mail = main.getByRole('link', { name: 'hello@example.org' });
      await expect(mail).toHaveAttribute('href', 'mailto:hello@example.org');
      expect(await mail.getAttribute('target')).toBeNull();
    });

    test(`/${lang}/blog/open-source-community-lessons: the malformed Envoy link is plain text`, async ({ page }) => {
      await page.goto(`/${lang}/blog/open-source-community-lessons`);
      const main = page.getByRole('main');
      await expect(main.getByText('[Envoy](https:/ /envoyproxy.io)')).toBeVisible();
      await expect(main.getByRole('link', { name: /Envoy/ })).toHaveCount(0);
      await expect(main.locator('a[href*="envoyproxy"]')).toHaveCount(0);
    });
  }

  test('a post with a front-matter slug lives at that slug, not at its file name', async ({ page, request }) => {
    const title = 'Why Is Cluster DNS Slow? Notes on ndots and Search Domains';
    // Reached by following the link another post makes to it.
    await page.goto('/en/blog/grpc-load-balancing');
    await page.getByRole('main').getByRole('link', { name: 'the ndots notes' }).click();
    await expect(page).toHaveURL(/\/en\/blog\/kubernetes-dns-debugging$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('page-banner')).toContainText('October 9, 2022');

    expect((await request.get('/en/blog/kubernetes-dns-debugging')).status()).toBe(200);
    expect((await request.get('/en/blog/dns-debugging-notes')).status()).toBe(404);

    // The home page links to it by its slug.
    await page.goto('/en');
    await expect(page.getByTestId('post-list').getByRole('link', { name: title })).toHaveAttribute(
      'href',
      '/en/blog/kubernetes-dns-debugging',
    );
  });
});

test('comments are off unless configured: no section and nothing loaded from giscus', async ({ page }) => {
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) external.push(request.url());
  });
  await page.goto('/en/blog/tail-latency-and-retries');
  await page.keyboard.press('End');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('region', { name: 'Comments' })).toHaveCount(0);
  expect(external.filter((url) => url.includes('giscus'))).toEqual([]);
});
