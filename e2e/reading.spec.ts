import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

test.describe('reading aids', () => {
  test('posts show reading time and word count, counted right for each language', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    await expect(page.getByTestId('reading-stats')).toHaveText(/^\d+ min read · [\d,]+ words$/);
    await page.goto('/zh/blog/ebpf-observability-primer');
    const zh = await page.getByTestId('reading-stats').textContent();
    expect(zh).toMatch(/^阅读约 \d+ 分钟 · \d+ 字$/);
    // Chinese is counted by character: a post of a few hundred words has far more than 100 字.
    expect(Number(/(\d+) 字/.exec(zh ?? '')?.[1])).toBeGreaterThan(300);
    await page.goto('/en');
    await expect(page.getByTestId('post-list').getByText(/\d+ min read/).first()).toBeVisible();
  });

  test('a post links to related posts and to the next newer and older ones', async ({ page }) => {
    await page.goto('/en/blog/tail-latency-and-retries');
    const related = page.getByRole('region', { name: 'Related posts' });
    await expect(related.getByRole('link').first()).toHaveText('Service Mesh Without Sidecars: A Practical Look at Ambient Mode');
    await expect(related.getByRole('link', { name: /Retries Are Not Free/ })).toHaveCount(0);
    await expect(page.locator('a[rel="prev"]')).toContainText('Writing Envoy Filters in WebAssembly');
    await expect(page.locator('a[rel="next"]')).toContainText('Service Mesh Without Sidecars');
    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(/\/en\/blog\/service-mesh-without-sidecars$/);
  });

  test('related posts sit beside the text above the table of contents on a wide screen, after the post on a phone @phone', async ({ page }, testInfo) => {
    await page.goto('/en/blog/tail-latency-and-retries');
    const related = page.getByRole('region', { name: 'Related posts' });
    await expect(related).toHaveCount(1);
    const first = related.getByRole('link').first();
    await expect(first).toHaveText('Service Mesh Without Sidecars: A Practical Look at Ambient Mode');
    const box = (await related.boundingBox())!;
    const article = (await page.getByRole('main').getByRole('article').boundingBox())!;
    if (testInfo.project.name === 'phone') {
      expect(box.y).toBeGreaterThan(article.y + article.height - 1);
      return;
    }
    // Beside the text, with the post's picture, and above the sticky table of contents.
    expect(box.x).toBeGreaterThan(article.x + article.width);
    await expect.poll(() => related.locator('li').first().locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const toc = (await page.getByRole('navigation', { name: 'On this page' }).boundingBox())!;
    expect(toc.y).toBeGreaterThan(box.y + box.height - 1);
    // Read on, and the table of contents stays in view at the top of its column.
    await page.mouse.wheel(0, 1500);
    await expect.poll(async () => (await page.getByRole('navigation', { name: 'On this page' }).boundingBox())!.y).toBeLessThan(200);
    expect((await page.getByRole('navigation', { name: 'On this page' }).boundingBox())!.y).toBeGreaterThanOrEqual(0);
  });

  test('the archive lists every post by month, newest first, in both languages', async ({ page }) => {
    await page.goto('/en');
    await page.getByRole('link', { name: 'Archive' }).click();
    await expect(page).toHaveURL(/\/en\/archive$/);
    const months = await page.locator('main h2').allTextContents();
    expect(months[0]).toBe('August 2024');
    expect(months).toContain('March 2024');
    await expect(page.locator('main li')).toHaveCount(13);
    await page.goto('/zh/archive');
    await expect(page.locator('main h2').first()).toHaveText('2024年8月');
    await expect(page.locator('main li')).toHaveCount(5);
  });
});

test.describe('last-modified dates from git', () => {
  test('a post edited after it was published says when, in its banner and its structured data', async ({ page }) => {
    const file = 'posts/en/service-mesh-without-sidecars.md';
    // The last commit that changed the file (not the one that added it), as the build reads it.
    const changed = execFileSync('git', ['log', '-1', '--diff-filter=M', '--format=%aI', '--', file], { encoding: 'utf8' }).trim();
    expect(changed, `${file} has been edited in a commit since it was added`).toMatch(/^\d{4}-\d\d-\d\d/);
    const [year, month, day] = changed.slice(0, 10).split('-').map(Number) as [number, number, number];
    const shown = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
    await page.goto('/en/blog/service-mesh-without-sidecars');
    await expect(page.getByTestId('page-banner').getByTestId('updated-date')).toHaveText(`Updated ${shown}`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(String(ld['@graph'][0].dateModified).slice(0, 10)).toBe(changed.slice(0, 10));
    // A post whose file was only ever added shows its date alone.
    await page.goto('/en/blog/kubernetes-dns-debugging');
    await expect(page.getByTestId('page-banner').locator('time')).toHaveCount(1);
  });
});

test.describe('translation status', () => {
  test('a translation whose original changed after it says so, in its language, and links to the original', async ({ page }) => {
    // The Chinese original was updated (its lastmod) after the English translation was written.
    await page.goto('/en/blog/wasm-envoy-filters');
    const notice = page.getByRole('note').filter({ hasText: 'The original' });
    await expect(notice).toHaveText('The original (中文) was updated on November 30, 2026, after this translation. Read the original');
    await notice.getByRole('link', { name: 'Read the original' }).click();
    await expect(page).toHaveURL(/\/zh\/blog\/wasm-envoy-filters$/);
    // The original itself says when it changed, and carries no such notice.
    await expect(page.getByTestId('page-banner').getByTestId('updated-date')).toHaveText('更新于 2026年11月30日');
    await expect(page.getByTestId('translation-behind')).toHaveCount(0);
    // A translation its original has not changed after has none either.
    await page.goto('/en/blog/ebpf-observability-primer');
    await expect(page.getByTestId('translation-behind')).toHaveCount(0);
  });
});
