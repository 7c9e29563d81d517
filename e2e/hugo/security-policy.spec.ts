import { expect, test } from '@playwright/test';
import { openUnderOwnPolicy, watchPolicyViolations } from '../helpers';

// The site built from the fixture Hugo blog carries the pages' own policies too: its embeds,
// comments and hostile titles run under them with nothing blocked.

const NOT_FOUND = '/en/blog/no-such-post';

const PAGE_KINDS = [
  '/en',
  '/zh',
  '/en/page/2',
  '/en/blog/shortcode-tour',
  '/zh/blog/bundle-post',
  '/en/blog/escaping',
  '/en/about',
  '/zh/notice',
  '/zh/notice/shanghai-meetup-2021',
  '/en/categories/themes',
  '/en/tags',
  '/en/tags/lets-encrypt',
  '/en/archive',
  NOT_FOUND,
];

for (const path of PAGE_KINDS) {
  test(`${path} runs under its own policy with nothing blocked`, async ({ page }) => {
    const violations = await openUnderOwnPolicy(page, path, path === NOT_FOUND ? 404 : 200);
    expect(await violations()).toEqual([]);
  });
}

test('the player of a site the import allowed loads in the page', async ({ page }) => {
  // A stand-in answers for the video host, which the tests cannot reach: the policy decides
  // before any request whether the frame may load at all.
  await page.route('https://player.bilibili.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><p id="stand-in">the player</p>' }));
  const violations = await watchPolicyViolations(page);
  await page.goto('/en/blog/shortcode-tour');
  const player = page.locator('iframe[title="A bilibili video"]');
  await player.scrollIntoViewIfNeeded();
  await expect(page.frameLocator('iframe[title="A bilibili video"]').locator('#stand-in')).toHaveText('the player');
  expect(await violations()).toEqual([]);
});
