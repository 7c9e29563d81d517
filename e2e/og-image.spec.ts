import { expect, test } from '@playwright/test';
import { expectOgCard } from './helpers';

// Link previews: each post and each language's home is shown by its own generated card.

test('a Chinese post is shown by its own card, then by its hero image', async ({ page, request }) => {
  const path = '/zh/blog/service-mesh-without-sidecars';
  expect(await expectOgCard(page, request, path)).toBe(`${path}/opengraph-image.png`);
  const images = await page.locator('head meta[property="og:image"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
  expect(images).toHaveLength(2);
  expect(images[1]).toMatch(/^https?:\/\/.+\/images\/banner\/service-mesh\.jpg$/);
});

test('each home is shown by its language\'s card, which the other pages of that language share', async ({ page, request }) => {
  const zh = await expectOgCard(page, request, '/zh');
  const en = await expectOgCard(page, request, '/en');
  expect([zh, en]).toEqual(['/zh/opengraph-image.png', '/en/opengraph-image.png']);
  expect(await expectOgCard(page, request, '/zh/archive')).toBe(zh);
  const [zhCard, enCard] = await Promise.all([request.get(zh), request.get(en)]);
  expect((await zhCard.body()).equals(await enCard.body())).toBe(false);
});

test('unknown pages have no card', async ({ request }) => {
  for (const path of ['/en/blog/nope/opengraph-image.png', '/fr/opengraph-image.png', '/zh/blog/wasm-component-model-preview/opengraph-image.png']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
