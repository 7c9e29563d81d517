import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test, type Page } from '@playwright/test';

// test/fixtures/hugo-site/content/en/blog/escaping.md puts text that ends a script element,
// breaks out of an attribute, reads as an entity and closes CDATA into every field a page, feed
// or sitemap repeats. Each output must carry it as the same text, and run none of it.

const PAYLOAD = `</script><script>alert(1)</script> "'><img src=x onerror=alert(1)> &amp; ]]>`;
const TITLE = `Escaping ${PAYLOAD}`;
const DESCRIPTION = `Described as ${PAYLOAD}`;
const CATEGORY = `Category ${PAYLOAD}`;
const TAG = `Tag ${PAYLOAD}`;
const ALT = `Alt ${PAYLOAD}`;
const POST = '/en/blog/escaping';

/** Records every dialog a page opens, and dismisses it. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** Nothing of the payload became markup: no injected image, no script that is only its code. */
async function expectNothingInjected(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const scripts = await page.locator('script').evaluateAll((elements) => elements.map((element) => element.textContent?.trim() ?? ''));
  expect(scripts).not.toContain('alert(1)');
}

/** The paths of the post's category and tag pages, from its own links. */
async function termPaths(page: Page) {
  await page.goto(POST);
  const category = await page.getByRole('list', { name: 'Categories' }).getByRole('link').getAttribute('href');
  const tag = await page.getByRole('list', { name: 'Tags' }).getByRole('link').getAttribute('href');
  if (!category || !tag) throw new Error('the post links to no category or tag');
  return { category, tag };
}

test.describe('text that looks like markup, in every field of a post', () => {
  test('shows as written on the post, its category and tag pages, lists and archive, and runs nothing', async ({ page }) => {
    const dialogs = watchDialogs(page);
    const { category, tag } = await termPaths(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(page.getByRole('list', { name: 'Categories' }).getByRole('link')).toHaveText(CATEGORY);
    await expect(page.getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText(`#${TAG}`);
    await expect(page.getByRole('img', { name: ALT, exact: true })).toHaveCount(1);
    await expect(page.getByRole('img', { name: TITLE, exact: true })).toHaveCount(1);
    expect(await page.title()).toContain(TITLE);
    await expectNothingInjected(page);

    for (const [path, heading] of [
      [category, CATEGORY],
      [tag, TAG],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByTestId('post-list').getByRole('link', { name: TITLE, exact: true })).toHaveAttribute('href', POST);
      await expect(page.getByTestId('post-list')).toContainText(DESCRIPTION);
      await expectNothingInjected(page);
    }
    for (const path of ['/en', '/en/archive']) {
      await page.goto(path);
      await expect(page.getByRole('link', { name: TITLE, exact: true })).toHaveAttribute('href', POST);
      await expectNothingInjected(page);
    }
    for (const [path, name, href] of [
      ['/en/categories', CATEGORY, category],
      ['/en/tags', TAG, tag],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('link', { name })).toHaveAttribute('href', href);
      await expectNothingInjected(page);
    }
    expect(dialogs).toEqual([]);
  });

  test('JSON-LD parses as JSON holding the original text', async ({ page }) => {
    await page.goto(POST);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    const [article, breadcrumbs] = ld['@graph'];
    expect(article).toMatchObject({ headline: TITLE, description: DESCRIPTION, keywords: [TAG], articleSection: CATEGORY });
    expect(breadcrumbs.itemListElement.map((crumb: { name: string }) => crumb.name).slice(1)).toEqual([CATEGORY, TITLE]);
  });

  test('OpenGraph and Twitter metadata hold the original text', async ({ page }) => {
    await page.goto(POST);
    const meta = (key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);
    for (const [key, value] of [
      ['description', DESCRIPTION],
      ['og:title', TITLE],
      ['og:description', DESCRIPTION],
      ['og:image:alt', TITLE],
      ['article:section', CATEGORY],
      ['article:tag', TAG],
      ['twitter:title', TITLE],
      ['twitter:description', DESCRIPTION],
    ] as const) {
      // og:image:alt comes twice: for the link-preview card and for the hero image.
      const tags = await meta(key).all();
      expect(tags.length, key).toBeGreaterThan(0);
      for (const tag of tags) await expect(tag, key).toHaveAttribute('content', value);
    }
  });

  test('feeds and the sitemap stay well-formed and hold the original text', async ({ page, request }) => {
    const { category, tag } = await termPaths(page);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const text = (node: unknown): string => (typeof node === 'object' && node !== null ? String((node as { '#text'?: unknown })['#text']) : String(node));
    const xml = async (path: string) => {
      const body = await (await request.get(path)).text();
      // fast-xml-parser forgives `<` in attributes and a stray `]]>`; the browser's XML parser does not.
      const error = await page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror')?.textContent ?? null, body);
      expect(error, path).toBeNull();
      expect(XMLValidator.validate(body), path).toBe(true);
      return parser.parse(body);
    };

    for (const path of ['/en/feed.xml', `${category}/feed.xml`, `${tag}/feed.xml`]) {
      const items = [(await xml(path)).rss.channel.item].flat();
      const item = items.find((entry: { link: string }) => entry.link.endsWith(POST));
      expect(text(item.title), path).toBe(TITLE);
      expect(text(item.description), path).toBe(DESCRIPTION);
      expect([item.category].flat().map(text), path).toEqual([CATEGORY]);
    }
    const entries = [(await xml('/en/atom.xml')).feed.entry].flat();
    const entry = entries.find((candidate: { id: string }) => candidate.id.endsWith(POST));
    expect(text(entry.title)).toBe(TITLE);
    expect(text(entry.summary)).toBe(DESCRIPTION);
    expect([entry.category].flat().map((category: { term: string }) => category.term)).toEqual([CATEGORY]);

    const json = await (await request.get('/en/feed.json')).json();
    const item = json.items.find((candidate: { url: string }) => candidate.url.endsWith(POST));
    expect(item).toMatchObject({ title: TITLE, summary: DESCRIPTION, tags: [CATEGORY] });
    const body = await page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').querySelector('img')?.alt, item.content_html);
    expect(body).toBe(ALT);

    const locs = [(await xml('/sitemap.xml')).urlset.url].flat().map((url: { loc: string }) => new URL(url.loc).pathname);
    for (const path of [POST, category, tag]) expect(locs, path).toContain(path);
  });
});
