import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pageScriptSources, watchPolicyViolations } from '../helpers';
import { fixtureEditUrl } from './fixture-site';

// The site imported from test/fixtures/hugo-site and built unchanged (npm run build:hugo-fixture).

async function expectImageLoads(page: Page, name: string | RegExp) {
  const image = page.getByRole('img', { name });
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

test.describe('a Hugo site imported as is', () => {
  test('every published post is there, and nothing unpublished', async ({ page }) => {
    const titles: string[] = [];
    for (const list of ['/en', '/en/page/2']) {
      await page.goto(list);
      titles.push(...(await page.getByTestId('post-list').getByRole('heading', { level: 2 }).allTextContents()));
    }
    expect(titles.sort()).toEqual(
      [
        'A Post with an Old-Style URL',
        'A Tour of Hugo Shortcodes',
        'Choosing Stable URLs',
        `Escaping </script><script>alert(1)</script> "'><img src=x onerror=alert(1)> &amp; ]]>`,
        'Keeping Images Next to Their Post',
        'Markdown Features Worth Knowing',
        'Notes From a Beautifulhugo Site',
        'Notes From a PaperMod Site',
        'Scheduling Posts with publishDate',
        'Shortcodes That Should Not Break the Build',
        'Translations with Different File Names',
        'What a Real Site Carries Over',
        'Writing Front Matter in TOML',
      ].sort(),
    );
    await page.goto('/en');
    await expect(page.locator('body')).not.toContainText('EXPIRED-MARKER-5d2e');
    await expect(page.locator('body')).not.toContainText('FIXTURE-DRAFT-MARKER-1a9c');
    await expect(page.locator('body')).not.toContainText('FIXTURE-FUTURE-MARKER-6e0b');
    await page.goto('/zh');
    await expect(page.getByTestId('post-list').getByRole('heading', { level: 2 })).toHaveCount(5);
    for (const path of ['/en/blog/expired-post', '/en/blog/draft-post', '/en/blog/future-post', '/en/blog/renamed-file']) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
  });

  test('"Edit this page" leads to the source file of a post and of a page', async ({ page }) => {
    await page.goto('/en/blog/hugo-url-post');
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', `${fixtureEditUrl}/posts/en/hugo-url-post.md`);
    await page.goto('/zh/about');
    await expect(page.getByRole('link', { name: '编辑本页' })).toHaveAttribute('href', `${fixtureEditUrl}/content/zh/about.md`);
  });

  test('pages outside the blog: the about page in both languages, linked from the footer', async ({ page }) => {
    await page.goto('/en');
    await page.getByRole('contentinfo').getByRole('link', { name: 'About This Notebook' }).click();
    await expect(page).toHaveURL(/\/en\/about$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About This Notebook');
    await expect(page.getByRole('heading', { level: 2, name: 'Who we are' })).toBeVisible();
    await page.getByTestId('standalone-page').getByRole('link', { name: 'the first post' }).click();
    await expect(page).toHaveURL(/\/en\/blog\/hugo-url-post$/);
    await page.goto('/en/about');
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/zh\/about$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于这本笔记');
    // The contact page was written in English only.
    await expect(page.getByRole('contentinfo').getByRole('navigation').getByRole('link')).toHaveText(['关于这本笔记']);
    expect((await page.request.get('/zh/contact')).status()).toBe(404);
  });

  test("the Hugo site's name and menus: English has its own menu, by weight; Chinese keeps the default", async ({ page }) => {
    await page.goto('/en/blog/hugo-url-post');
    const header = page.getByRole('banner');
    await expect(header.getByRole('link').first()).toHaveText('Fixture Notes');
    const menu = header.getByRole('navigation');
    await expect(menu.getByRole('link')).toHaveText(['Posts', 'Tags', 'About', 'Hugo']);
    await expect(menu.getByRole('link', { name: 'Hugo' })).toHaveAttribute('href', 'https://gohugo.io/');
    await menu.getByRole('link', { name: 'About' }).click();
    await expect(page).toHaveURL(/\/en\/about$/);
    await page.getByRole('banner').getByRole('navigation').getByRole('link', { name: 'Posts' }).click();
    await expect(page).toHaveURL(/\/en$/);
    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText('© 2024 The Fixture Team');
    await expect(footer.getByRole('link', { name: 'GitHub' })).toHaveAttribute('href', 'https://github.com/example');
    await page.goto('/zh');
    await expect(page.getByRole('banner').getByRole('link').first()).toHaveText('测试笔记');
    // The default menu lists the section the import brought, as Hugo's Chinese menu did not.
    await expect(page.getByRole('banner').getByRole('navigation').getByRole('link')).toHaveText(['首页', '分类', '标签', '归档', '通知']);
  });

  test("the notice section comes across with its Hugo URLs, its link, and what Hugo hid", async ({ page, request }) => {
    await page.goto('/en/blog/hugo-url-post');
    await page.getByRole('main').locator('a[href^="/en/notice/"]').first().click();
    await expect(page).toHaveURL(/\/en\/notice\/fixture-conference-2024$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('See You at the Fixture Conference');
    await expect(page.getByTestId('item-link')).toHaveAttribute('href', 'https://example.org/conference');
    await page.getByTestId('page-banner').getByRole('link', { name: 'Notices' }).click();
    await expect(page.getByTestId('page-banner').getByText('Talks, releases and dates worth knowing about.')).toBeVisible();
    // The list's own picture, as its `_index.md` gave it (bg_image), not the site's default banner.
    const listBanner = page.getByTestId('page-banner').locator('img');
    await expect(listBanner).toHaveAttribute('src', '/images/backgrounds/fixture-banner.png');
    await expect.poll(() => listBanner.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The draft and the expired meetup are not listed; the bundle's image came along.
    await expect(page.getByTestId('post-list').getByRole('heading')).toHaveText(['See You at the Fixture Conference', 'The Migration Handbook Is Out']);
    await expect(page.getByTestId('post-list')).not.toContainText('Autumn Meetup 2019');
    await expect(page.getByTestId('post-list')).not.toContainText('We Are Moving Offices');
    expect((await request.get('/en/notice/handbook-released/photo.png')).headers()['content-type']).toBe('image/png');
    // Source files an author offers for download (a bundle's, and `static/`'s) are served as Hugo
    // serves them; they do not type-check, and the site's build must not try.
    for (const [path, text] of [['/attachments/solver.ts', 'export function step'], ['/en/blog/bundle-post/snippet.ts', "const count: number = 'three';"]] as const) {
      const download = await request.get(path);
      expect(download.status(), path).toBe(200);
      expect(await download.text(), path).toContain(text);
    }
    // Chinese is the default language: Hugo served its notices at the root.
    const old = await request.get('/notice/shanghai-meetup-2021/', { maxRedirects: 0 });
    expect(old.status()).toBe(308);
    await page.goto('/notice/shanghai-meetup-2021/');
    await expect(page).toHaveURL(/\/zh\/notice\/shanghai-meetup-2021$/);
    await expect(page.getByTestId('item-link')).toHaveText(/example\.org/);
  });

  test("a theme's header photo with its credit, the subtitle, and the TOC it switched off (beautifulhugo)", async ({ page }) => {
    await page.goto('/en/categories/themes');
    const entry = page.getByTestId('post-list').getByRole('article').filter({ hasText: 'Notes From a Beautifulhugo Site' });
    await expect(entry).toContainText('Translated by the fixture team');
    await page.goto('/en/blog/beautifulhugo-post');
    const banner = page.getByTestId('page-banner');
    await expect(banner.getByTestId('subtitle')).toHaveText('Translated by the fixture team');
    await expect(banner.getByTestId('banner-credit')).toHaveText('West Lake | Hangzhou | Aug 5, 2018');
    await expect.poll(() => banner.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('heading', { level: 2, name: 'A heading no table of contents lists' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'On this page' })).toHaveCount(0);
    // The site's own gallery shortcode is drawn from its template (layouts/shortcodes/gallery.html).
    const gallery = page.locator('figure.site-gallery');
    await expect(gallery.locator('figcaption em')).toHaveText("A picture from the site's own gallery");
    await expect(gallery.getByRole('link')).toHaveAttribute('href', /inline-chart\.png$/);
    await expectImageLoads(page, "A picture from the site's own gallery");
    // beautifulhugo's gallery: its figures side by side on a wide screen, each captioned.
    const grid = page.locator('.gallery-grid');
    const [first, second] = [grid.getByRole('figure').filter({ hasText: 'Gallery photo one' }), grid.getByRole('figure').filter({ hasText: 'Gallery photo two' })];
    await expect(second.locator('figcaption')).toHaveText('Gallery photo two');
    await expectImageLoads(page, 'Gallery photo one');
    const [one, two] = [await first.boundingBox(), await second.boundingBox()];
    expect(two!.y).toBeCloseTo(one!.y, 0);
    expect(two!.x).toBeGreaterThan(one!.x + one!.width - 1);
    // A template that reads what no post can (the site's data folder) still shows the call's picture.
    const friends = page.getByRole('figure').filter({ hasText: 'Our friends' });
    await expect(friends.locator('figcaption')).toHaveText('Our friends');
    await expectImageLoads(page, 'Our friends');
  });

  test("a theme's cover above the post, with its caption (PaperMod)", async ({ page }) => {
    await page.goto('/en/blog/papermod-post');
    const cover = page.getByTestId('hero-figure');
    await expect(cover.locator('figcaption')).toHaveText('Cover photo: the fixture team');
    await expect.poll(() => cover.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('navigation', { name: 'On this page' }).first()).toBeAttached();
  });

  test('dates from TOML front matter and from publishDate read as the author wrote them', async ({ page }) => {
    await page.goto('/en/blog/toml-front-matter');
    await expect(page.getByTestId('page-banner').locator('time')).toHaveText('July 1, 2019');
    await page.goto('/en/blog/publish-date-only');
    await expect(page.getByTestId('page-banner').locator('time')).toHaveText('June 15, 2020');
  });

  test('cascade from _index.md reaches posts that do not set their own values', async ({ page }) => {
    await page.goto('/en/blog/other-post');
    await expect(page.getByRole('list', { name: 'Categories' }).getByRole('link')).toHaveText(['Cascaded']);
    await page.goto('/en/blog/bundle-post');
    await expect(page.getByRole('list', { name: 'Categories' }).getByRole('link')).toHaveText(['Kubernetes', 'Hugo']);
  });

  test('bundle images in subfolders load, with their captions', async ({ page }) => {
    await page.goto('/en/blog/bundle-post');
    await expectImageLoads(page, 'Request flow through the ingress gateway');
    await expectImageLoads(page, 'The platform team at the whiteboard');
    await expect(page.locator('figure', { has: page.getByRole('img', { name: 'Request flow through the ingress gateway' }) }).locator('figcaption')).toHaveText(
      'Figure 1: Requests enter through the gateway and fan out to three services.',
    );
    await page.goto('/zh/blog/bundle-post');
    await expectImageLoads(page, '网关请求流程示意图');
  });

  test('Hugo Markdown: {#id} headings, <!--more--> summaries, raw HTML, footnotes', async ({ page }) => {
    await page.goto('/en/blog/other-post');
    await expect(page.locator('h2#custom-anchor')).toContainText('Heading Title');
    await expect(page.locator('.note-box')).toContainText('this box is raw HTML and should render unchanged.');
    await expect(page.locator('article kbd').first()).toHaveText('Ctrl');
    await expect(page.getByRole('link', { name: 'CommonMark spec' })).toHaveAttribute('href', 'https://example.com');
    await expect(page.getByText('Footnotes render at the bottom of the page with a back link.')).toBeVisible();
    await page.goto('/en');
    const entry = page.getByTestId('post-list').getByRole('listitem').filter({ hasText: 'Markdown Features Worth Knowing' });
    await expect(entry.locator('p')).toHaveText(
      'Plain Markdown goes a long way, but a few extensions make technical writing much easier to navigate.',
    );
  });
});

test.describe('what a real site carries over, as Hugo built it', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/en/blog/migration-defects');
  });

  test('the render hook\'s captions: an image is captioned with its alt text', async ({ page }) => {
    const figure = page.locator('figure', { has: page.getByRole('img', { name: 'Certificates renewed by the ACME client' }) });
    await expect(figure.locator('figcaption')).toHaveText('Certificates renewed by the ACME client');
    await expectImageLoads(page, 'Certificates renewed by the ACME client');
  });

  test('a mermaid fence is a diagram drawn with its labels; a broken one stays code', async ({ page }) => {
    const diagram = page.locator('figure.mermaid-diagram svg');
    await expect(diagram).toHaveCount(1);
    await diagram.scrollIntoViewIfNeeded();
    for (const label of ['Git repository', 'Argo CD', 'Kubernetes cluster', 'sync']) {
      await expect(diagram.locator('text', { hasText: label })).toBeVisible();
    }
    // Readable: the labels are not drawn in the page's background colour.
    const colours = await diagram.locator('text', { hasText: 'Argo CD' }).evaluate((text) => [getComputedStyle(text).fill, getComputedStyle(document.body).backgroundColor]);
    expect(colours[0]).not.toBe(colours[1]);
    await expect(page.locator('article pre', { hasText: 'graf LR' })).toBeVisible();
  });

  test('a missing image leaves its alt text in its place, and the page keeps its layout', async ({ page }) => {
    const missing = page.locator('.missing-image');
    await expect(missing).toHaveText('The rollout dashboard that was never uploaded');
    await expect(missing).toBeVisible();
    await expect(page.getByText('The paragraph after a missing picture is still here')).toBeVisible();
    await expect(page.getByText('MIGRATION-DEFECTS-END-MARKER')).toBeVisible();
    // The hero image is missing too: the banner shows the title, and nothing overflows the page.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What a Real Site Carries Over');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = await missing.boundingBox();
    const article = await page.locator('article').boundingBox();
    expect(box && article && box.x >= article.x && box.x + box.width <= article.x + article.width + 1).toBe(true);
  });

  test('a key written twice keeps its last value; term URLs are Hugo\'s', async ({ page }) => {
    const tags = page.getByRole('list', { name: 'Tags' }).getByRole('link');
    await expect(tags).toHaveText([/Let's Encrypt$/, /GitOps$/]);
    await expect(tags.first()).toHaveAttribute('href', '/en/tags/lets-encrypt');
    await tags.first().click();
    await expect(page).toHaveURL(/\/en\/tags\/lets-encrypt$/);
    await expect(page.getByTestId('post-list')).toContainText('What a Real Site Carries Over');
  });
});

test.describe('shortcodes become components', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/en/blog/shortcode-tour');
  });

  test('figure: an image with its title and caption in a figcaption', async ({ page }) => {
    const figure = page.locator('figure', { has: page.getByRole('img', { name: 'Alt text' }) });
    await expect(figure.locator('figcaption')).toHaveText('Figure title Figure caption text');
    await expectImageLoads(page, 'Alt text');
    // Its author's width="400" is the width it is drawn at, from its WebP copy rather than the PNG.
    const image = figure.getByRole('img', { name: 'Alt text' });
    expect((await image.boundingBox())?.width).toBeCloseTo(400, 0);
    expect(await image.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toMatch(/^\/_img\/[0-9a-f]{16}-400\.webp$/);
    const linked = page.locator('figure.wide-figure');
    await expect(linked.getByRole('link')).toHaveAttribute('href', 'https://example.com/gallery');
    await expect(linked.locator('figcaption')).toHaveText('Linked figure caption');
  });

  test("an embed from another platform: the import allowed its site, so the page's security policy lets it in", async ({ page }) => {
    const response = await page.request.get('/en/blog/shortcode-tour');
    const frameSources = /frame-src ([^;]+)/.exec(response.headers()['content-security-policy'] ?? '')?.[1]?.split(' ') ?? [];
    expect(frameSources).toContain('https://player.bilibili.com');
    const player = page.locator('iframe[title="A bilibili video"]');
    await expect(player).toHaveAttribute('src', 'https://player.bilibili.com/player.html?aid=170001&page=1');
    // The share code says 640 × 360; the player is as wide as the text instead, at 16:9.
    const [frame, text] = await Promise.all([player.boundingBox(), page.locator('.prose').first().boundingBox()]);
    expect(frame && text && Math.abs(frame.width - text.width)).toBeLessThan(2);
    expect(frame && Math.abs(frame.width / frame.height - 16 / 9)).toBeLessThan(0.02);
    // The page's own policy lets it in too, and blocks nothing on the page.
    const violations = await watchPolicyViolations(page);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await pageScriptSources(page)).not.toContain("'unsafe-inline'");
    expect(await page.locator('head meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain('https://player.bilibili.com');
    expect(await violations()).toEqual([]);
  });

  test('highlight: a highlighted code block in its language, with the marked line', async ({ page }) => {
    const code = page.locator('pre code[data-language="go"]');
    await expect(code).toContainText('fmt.Println("hello, fixture")');
    // hl_lines=2 marks the second line (blank in the fixture), and only it.
    await expect(code.locator('[data-line]').nth(1)).toHaveAttribute('data-highlighted-line', '');
    await expect(code.locator('[data-highlighted-line]')).toHaveCount(1);
    await expect(code).toHaveAttribute('data-line-numbers', '');
  });

  test('details: a collapsible block that opens on click', async ({ page }) => {
    const details = page.locator('details', { has: page.getByText('Click to expand') });
    await expect(details.getByText('first hidden item')).toBeHidden();
    await details.getByText('Click to expand').click();
    await expect(details.getByText('first hidden item')).toBeVisible();
  });

  test('callout, alert and admonition: asides with their titles', async ({ page }) => {
    await expect(page.locator('aside.callout-warning')).toContainText('Watch out');
    await expect(page.locator('aside.callout-warning')).toContainText('Rolling restarts drain connections slowly; plan for it.');
    await expect(page.locator('aside.callout-danger')).toContainText('Never store secrets in a ConfigMap.');
    await expect(page.locator('aside.callout-note .callout-title')).toHaveText('Remember');
  });

  test('table: a captioned table', async ({ page }) => {
    const figure = page.locator('figure.table-figure');
    await expect(figure.locator('figcaption')).toHaveText('Benchmark results');
    await expect(figure.getByRole('row', { name: /tuned/ })).toContainText('1850');
  });

  test('ref/relref, youtube and gist', async ({ page }) => {
    await expect(page.getByRole('link', { name: 'bundle post' })).toHaveAttribute('href', '/en/blog/bundle-post');
    await expect(page.getByRole('link', { name: 'Markdown notes' })).toHaveAttribute('href', '/en/blog/other-post');
    await expect(page.locator('iframe[src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc"]')).toHaveAttribute('loading', 'lazy');
    await expect(page.getByRole('link', { name: /Gist spf13\/7896402/ })).toHaveAttribute('href', 'https://gist.github.com/spf13/7896402');
  });

  test('Chinese shortcodes: notice and detail with Chinese titles, figure with a Chinese caption', async ({ page }) => {
    await page.goto('/zh/blog/shortcode-tour');
    await expect(page.locator('aside.callout-tip .callout-title')).toHaveText('小提示');
    await expect(page.locator('details summary')).toHaveText('标题');
    await expect(page.locator('figcaption', { hasText: '中文图注：集群拓扑示意' })).toBeVisible();
    await expect(page.locator('a[href="/zh/blog/bundle-post"]').first()).toBeVisible();
  });

  test('unknown and malformed shortcodes: their text survives, and no {{< leaks', async ({ page }) => {
    await page.goto('/en/blog/edge-cases');
    const article = page.locator('article');
    await expect(article).toContainText('Inner text that must survive');
    await expect(article).toContainText('This sentence follows the malformed shortcode and must be rendered.');
    await expect(article).toContainText('The next line was saved with a missing quote');
    // Only the author's escaped example and the fenced code show shortcode syntax.
    await expect(article.locator('p', { hasText: 'Hugo authors escape it like' })).toContainText('{{< figure src="x.png" >}}');
    await expect(article.locator('pre')).toContainText('caption="Shortcode inside a code fence"');
    const text = await article.evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('pre').forEach((pre) => pre.remove());
      return clone.innerText;
    });
    expect(text.split('{{<').length - 1, 'only the escaped example shows {{<').toBe(1);
    expect(text).not.toContain('tweet');
    expect(text).not.toContain('mystery-box');
  });
});

async function redirectsTo(request: APIRequestContext, from: string, to: string) {
  let url = encodeURI(from);
  const statuses: number[] = [];
  for (let hop = 0; hop < 4; hop++) {
    const response = await request.get(url, { maxRedirects: 0 });
    statuses.push(response.status());
    const location = response.headers().location;
    if (!location) break;
    url = new URL(location, 'http://x').pathname;
  }
  expect(decodeURI(url)).toBe(to);
  expect(statuses.at(-1)).toBe(200);
  expect(statuses.slice(0, -1).every((status) => status === 308), `statuses ${statuses}`).toBe(true);
}

test.describe('old URLs of the Hugo site redirect permanently', () => {
  const cases: Array<[string, string]> = [
    ['/old/a-single-alias/', '/en/blog/bundle-post'],
    ['/en/old/a-single-alias/', '/en/blog/bundle-post'],
    ['/en/posts/old-name/', '/en/blog/other-post'],
    ['/2018/05/legacy-path/', '/en/blog/other-post'],
    ['/en/blog/old-relative-name/', '/en/blog/fixture-custom-slug'],
    ['/2017/01/hugo-url-post/', '/en/blog/hugo-url-post'],
    ['/blog/service-mesh-notes/', '/zh/blog/service-mesh-notes'],
    ['/categories/云原生/', '/zh/categories/云原生'],
    ['/en/blog/shortcode-tour/', '/en/blog/shortcode-tour'],
    // Hugo's tag URL drops the apostrophe and folds the case.
    ['/en/tags/lets-encrypt/', '/en/tags/lets-encrypt'],
    ['/en/tags/gitops/', '/en/tags/gitops'],
    // Hugo's first page of every list is the list.
    ['/en/tags/gitops/page/1/', '/en/tags/gitops'],
    ['/en/sitemap.xml', '/sitemap.xml'],
    // Claimed by two posts: Hugo gave it to the earlier one.
    ['/old/shared-alias/', '/en/blog/hugo-url-post'],
    ['/en/old/shared-alias/', '/en/blog/hugo-url-post'],
    // The blog section's list is the home's list here.
    ['/en/blog/', '/en'],
    // Pages outside the blog: a section with only its _index.md, and a file at the top.
    ['/en/about/', '/en/about'],
    ['/zh/about/', '/zh/about'],
    ['/en/contact/', '/en/contact'],
  ];
  for (const [from, to] of cases) {
    test(`${from} → ${to}`, async ({ request }) => {
      await redirectsTo(request, from, to);
    });
  }

  test('translations paired by translationKey link to each other', async ({ page }) => {
    await page.goto('/en/blog/pair-english-name');
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/zh\/blog\/pair-zhongwen$/);
  });
});
