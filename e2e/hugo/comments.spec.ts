import { expect, test, type Page } from '@playwright/test';
import { watchPolicyViolations } from '../helpers';
import { fixtureGiscus } from './fixture-site';

// giscus.app cannot be reached from the tests: its script is answered by a stand-in that shows
// the settings it was loaded with.
async function standInForGiscus(page: Page): Promise<string[]> {
  const requests: string[] = [];
  await page.route('https://giscus.app/**', (route) => {
    requests.push(route.request().url());
    return route.fulfill({
      contentType: 'text/javascript',
      body: `const s = document.currentScript; const p = document.createElement('pre'); p.dataset.testid = 'giscus-settings';
             p.textContent = JSON.stringify(Object.fromEntries([...s.attributes].map((a) => [a.name, a.value]))); s.after(p);`,
    });
  });
  return requests;
}

test('comments load from giscus only when the reader scrolls to them, in the page language and theme', async ({ page }) => {
  const requests = await standInForGiscus(page);
  const violations = await watchPolicyViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.goto('/zh');
  // A post long enough that its comments start well below the first screen and the 300 px the
  // loader looks ahead (on a wide screen the related posts are beside the text, not above them).
  await page.getByTestId('post-list').getByRole('link', { name: '让图片跟着文章走' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const comments = page.getByRole('region', { name: '评论' });
  expect((await comments.boundingBox())!.y).toBeGreaterThan(400 + 300 + 200);
  expect(requests).toEqual([]);

  await comments.scrollIntoViewIfNeeded();
  const settings = JSON.parse(await page.getByTestId('giscus-settings').textContent() ?? '{}');
  expect(settings).toMatchObject({
    src: 'https://giscus.app/client.js',
    'data-repo': fixtureGiscus.repo,
    'data-repo-id': fixtureGiscus.repoId,
    'data-category-id': fixtureGiscus.categoryId,
    'data-mapping': 'pathname',
    'data-lang': 'zh-CN',
    'data-theme': 'dark',
  });
  expect(requests).toEqual(['https://giscus.app/client.js']);
  // The page's policy lets giscus's script in.
  expect(await violations()).toEqual([]);
});
