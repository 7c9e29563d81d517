import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectImageLoaded } from './helpers';

// Local images are served as build-time WebP copies sized for the reader's screen (see
// lib/content/image-variants.ts), with their dimensions known before they load.

const post = '/en/blog/ebpf-observability-primer';
const heroName = 'An eBPF Observability Primer for Platform Engineers';

function hero(page: Page): Locator {
  return page.getByRole('main').getByRole('img', { name: heroName });
}

async function shownSource(image: Locator): Promise<string> {
  await expectImageLoaded(image);
  return image.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
}

test.describe('responsive images', () => {
  test('the hero is the WebP copy just wide enough for the screen @phone', async ({ page }, testInfo) => {
    const imageRequests: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'image') imageRequests.push(new URL(request.url()).pathname);
    });
    await page.goto(post);
    const source = await shownSource(hero(page));
    // 720 CSS px at 1× takes the 960 copy; a 412 px phone at 2.625× needs 1081 px and takes the full 1200.
    const expected = testInfo.project.name === 'phone' ? /^\/_img\/[0-9a-f]{16}-1200\.webp$/ : /^\/_img\/[0-9a-f]{16}-960\.webp$/;
    expect(source).toMatch(expected);
    // The original cover.jpg and the image server of next/image are never asked for.
    expect(imageRequests.filter((url) => url.endsWith('/cover.jpg') || url.startsWith('/_next/image'))).toEqual([]);
  });

  test('the hero and the title banner are preloaded with high priority; body images wait until scrolled to', async ({ page }) => {
    const response = await page.goto(post);
    // The page's own HTML asks for its two first-screen images. (A link the reader points at
    // prefetches its page, and React may then add that page's hero to <head> for the next click.)
    const [head] = (await response!.text()).split('</head>') as [string];
    const preloads = [...head.matchAll(/<link rel="preload" as="image"[^>]*>/g)].map(([link]) => link);
    expect(preloads).toHaveLength(2);
    for (const link of preloads) {
      expect(link).toContain('fetchPriority="high"');
      expect(link).toContain('type="image/webp"');
      expect(link).toMatch(/imageSrcSet="\/_img\/[0-9a-f]{16}-640\.webp 640w/);
    }
    await expect(hero(page)).toHaveAttribute('fetchpriority', 'high');
    const figures = page.locator('article figure img');
    await expect(figures).toHaveCount(2);
    for (const figure of await figures.all()) {
      await expect(figure).toHaveAttribute('loading', 'lazy');
      // Small flat diagrams (4-6 KB PNG) whose copies would be larger: served as they are.
      expect(await shownSource(figure)).toMatch(/^\/en\/blog\/ebpf-observability-primer\/images\/[a-z-]+\.png$/);
    }
  });

  test('images hold their place before they load: nothing moves when they arrive', async ({ page }) => {
    // With every copy held back, the boxes must already have the pictures' proportions.
    await page.route(/\/_img\//, () => {});
    await page.goto(post, { waitUntil: 'domcontentloaded' });
    const box = await hero(page).boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    // cover.jpg is 1200×630.
    expect(Math.abs((box?.height ?? 0) - ((box?.width ?? 0) * 630) / 1200)).toBeLessThan(2);
    await expect(page.locator('main img:not([width])')).toHaveCount(0);
  });

  test('a browser without WebP gets the original, and the copies are files cacheable forever', async ({ page, request }) => {
    // A browser skips a <source> or preload whose type it cannot read: serve the page as such a browser sees it.
    let copy: string | undefined;
    await page.route(post, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      copy = /\/_img\/[0-9a-f]{16}-\d+\.webp/.exec(html)?.[0];
      await route.fulfill({ response, body: html.replace(/<(?:source|link)[^>]*type="image\/webp"[^>]*>/g, '') });
    });
    await page.route(/\.webp$/, (route) => route.abort());
    // Hydration would put the edited-out sources back from the page's React payload.
    await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
    await page.goto(post);
    expect(await shownSource(hero(page))).toBe(`${post}/cover.jpg`);
    // The copies are written to public/_img before next build and served as files.
    expect(copy).toBeDefined();
    const response = await request.get(copy!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/webp');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    // A copy the site never made is not made on request.
    expect((await request.get(copy!.replace(/-\d+\.webp$/, '-333.webp'))).status()).toBe(404);
  });
});
