import { expect, test } from '@playwright/test';
import { pageScriptSources, watchPolicyViolations } from '../helpers';

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
    const violations = await watchPolicyViolations(page);
    await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    const response = await page.goto(path);
    expect(response?.status()).toBe(path === NOT_FOUND ? 404 : 200);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const sources = await pageScriptSources(page);
    expect(sources.filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(2);
    expect(sources).not.toContain("'unsafe-inline'");
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
