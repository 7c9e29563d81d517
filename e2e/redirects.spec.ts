import { expect, test } from '@playwright/test';

/** Follows redirects by hand, so every hop's status is checked. */
async function hops(request: import('@playwright/test').APIRequestContext, path: string) {
  const seen: Array<{ status: number; location: string }> = [];
  let url = path;
  for (let i = 0; i < 5; i++) {
    const response = await request.get(url, { maxRedirects: 0 });
    const location = response.headers().location;
    seen.push({ status: response.status(), location: location ?? '' });
    if (!location) break;
    url = new URL(location, 'http://localhost').pathname;
  }
  return { seen, final: url, finalStatus: seen.at(-1)?.status };
}

test.describe('old URLs keep working', () => {
  const cases: Array<[string, string]> = [
    ['/2024/03/ambient-mesh/', '/en/blog/service-mesh-without-sidecars'],
    ['/en/blog/ambient-mode', '/en/blog/service-mesh-without-sidecars'],
    ['/zh/社区/五年运营笔记/', `/zh/blog/open-source-community-lessons`],
    ['/blog/service-mesh-without-sidecars/', '/zh/blog/service-mesh-without-sidecars'],
    ['/categories/云原生/', `/zh/categories/${encodeURIComponent('云原生')}`],
    ['/tags/wasm/', '/zh/tags/wasm'],
    ['/page/1/', '/zh'],
    ['/en/page/1/', '/en'],
    ['/en/page/2/', '/en/page/2'],
    ['/en/blog/writing-runbooks/', '/en/blog/writing-runbooks'],
  ];
  for (const [from, to] of cases) {
    test(`${from} → ${decodeURIComponent(to)} with permanent redirects`, async ({ request }) => {
      const { seen, final, finalStatus } = await hops(request, encodeURI(from));
      expect(seen.slice(0, -1).every(({ status }) => status === 308), JSON.stringify(seen)).toBe(true);
      expect(seen.length).toBeGreaterThan(1);
      expect(final).toBe(to);
      expect(finalStatus).toBe(200);
    });
  }

  test('a reader following an old link lands on the post', async ({ page }) => {
    await page.goto('/2024/03/ambient-mesh/');
    await expect(page).toHaveURL(/\/en\/blog\/service-mesh-without-sidecars$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Service Mesh Without Sidecars/);
  });
});
