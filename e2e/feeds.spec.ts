import { expect, test, type Page } from '@playwright/test';

/** Parses XML with the browser's own parser; returns the parser error, if any. */
async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const items = [...doc.querySelectorAll('item, entry')].map((item) => ({
      title: item.querySelector('title')?.textContent ?? '',
      link: item.querySelector('link')?.textContent || item.querySelector('link')?.getAttribute('href') || '',
      content: item.getElementsByTagName('content:encoded')[0]?.textContent ?? item.querySelector('content')?.textContent ?? '',
    }));
    return { error, items };
  }, xml);
}

test.describe('feeds', () => {
  test('the English RSS feed is valid XML with every post, newest first, in full', async ({ page, request }) => {
    await page.goto('/en');
    const titles = await page.getByTestId('post-list').getByRole('heading', { level: 2 }).allTextContents();
    const response = await request.get('/en/feed.xml');
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    const { error, items } = await parseXml(page, await response.text());
    expect(error).toBeNull();
    expect(items.map((item) => item.title).slice(0, titles.length)).toEqual(titles);
    expect(items).toHaveLength(13);
    const mesh = items.find((item) => item.link.endsWith('/en/blog/service-mesh-without-sidecars'));
    expect(mesh?.content).toContain('<figcaption>');
    expect(mesh?.content).toMatch(/<img src="https?:\/\/[^"]+\/images\/posts\/sidecar-vs-ambient\.png"/);
  });

  test('Atom and JSON feeds exist for each language, and nothing unpublished is in any feed', async ({ page, request }) => {
    for (const path of ['/en/atom.xml', '/zh/atom.xml', '/zh/feed.xml']) {
      const text = await (await request.get(path)).text();
      expect((await parseXml(page, text)).error, path).toBeNull();
      expect(text).not.toContain('DRAFT-MARKER-7c1f');
      expect(text).not.toContain('FUTURE-MARKER-93ab');
    }
    const json = await (await request.get('/zh/feed.json')).json();
    expect(json.items.length).toBe(5);
  });

  test('a Chinese category has its own feed with only its posts', async ({ page, request }) => {
    const response = await request.get(`/zh/categories/${encodeURIComponent('云原生')}/feed.xml`);
    expect(response.status()).toBe(200);
    const { error, items } = await parseXml(page, await response.text());
    expect(error).toBeNull();
    expect(items.map((item) => item.title).sort()).toEqual(['运营开源社区五年：我犯过的那些错', '没有 Sidecar 的服务网格：Ambient 模式实践观察'].sort());
  });

  test('pages announce their feeds, and lists link to them', async ({ page }) => {
    await page.goto('/en/categories/istio');
    const feeds = await page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(feeds.map((href) => new URL(href ?? '', 'http://x').pathname)).toEqual(['/en/feed.xml', '/en/categories/istio/feed.xml']);
    await page.getByRole('link', { name: 'Subscribe via RSS' }).click();
    expect(page.url()).toMatch(/\/en\/categories\/istio\/feed\.xml$/);
  });

  test("Hugo's feed URLs lead to the feeds", async ({ request }) => {
    for (const [from, to] of [
      ['/index.xml', '/zh/feed.xml'],
      ['/en/index.xml', '/en/feed.xml'],
      ['/en/blog/index.xml', '/en/feed.xml'],
      ['/en/tags/istio/index.xml', '/en/tags/istio/feed.xml'],
    ]) {
      const response = await request.get(from!, { maxRedirects: 0 });
      expect(response.status(), from).toBe(308);
      expect(new URL(response.headers().location!, 'http://x').pathname).toBe(to);
    }
  });
});
