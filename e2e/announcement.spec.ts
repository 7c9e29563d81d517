import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';

// site.config.json announces the newest item of the sample site's `notice` section.

const bar = (page: Page) => page.getByRole('complementary', { name: /^(Announcement|公告)$/ });

type Shift = { value: number; moved: string[] };

/** The page's layout shifts since it started loading (without input), with what moved. */
async function layoutShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(
    () =>
      new Promise<Shift[]>((resolve) => {
        const shifts: Shift[] = [];
        type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node }> };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as LayoutShift[]) {
            if (entry.hadRecentInput) continue;
            shifts.push({ value: entry.value, moved: entry.sources.map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 100) : String(source.node?.nodeName))) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(shifts), 500);
      }),
  );
}

type SlowSite = { url: string; server: Server; holdAfterTheBar: () => () => void };

/**
 * A server in front of the site, as a slow network: while the test holds it, it sends each page up
 * to the end of the announcement bar, and the rest only when the test lets it through. Everything
 * else passes through.
 */
async function slowSite(site: string): Promise<SlowSite> {
  let held: Promise<void> | undefined;
  const server = createServer(async (request, response) => {
    const asked = Object.entries(request.headers).filter(([name]) => !['host', 'accept-encoding', 'connection'].includes(name));
    const answer = await fetch(new URL(request.url ?? '/', site), { headers: asked as [string, string][], redirect: 'manual' });
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
    response.writeHead(answer.status, headers);
    const body = Buffer.from(await answer.arrayBuffer());
    const end = held && (answer.headers.get('content-type') ?? '').startsWith('text/html') ? body.indexOf('</aside>') + '</aside>'.length : 0;
    if (end <= 0) return response.end(body);
    response.write(body.subarray(0, end));
    await held;
    response.end(body.subarray(end));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const holdAfterTheBar = () => {
    let release = () => {};
    held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      held = undefined;
      release();
    };
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, holdAfterTheBar };
}

test.describe('the announcement bar', () => {
  test('shows the newest notice of the language on every page, and leads to it @phone', async ({ page }) => {
    await page.goto('/en/blog/writing-runbooks');
    await expect(bar(page).getByRole('link')).toHaveText('Talk at Mesh Day 2026: retries that do not storm');
    await page.goto('/zh');
    await expect(bar(page).getByRole('link')).toHaveText('Mesh Day 2026 演讲：不会引发风暴的重试');
    await bar(page).getByRole('link').click();
    await expect(page).toHaveURL(/\/zh\/notice\/mesh-day-2026-talk$/);
  });

  test('once dismissed, stays away on every page and after a reload, without shifting the layout @phone', async ({ page }) => {
    await page.goto('/en');
    expect(await layoutShifts(page)).toEqual([]);
    await bar(page).getByRole('button', { name: 'Dismiss the announcement' }).click();
    await expect(bar(page)).toBeHidden();
    // Through a link (the page changes in the browser), then a full load of another page.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Archive' }).click();
    await expect(page).toHaveURL(/\/en\/archive$/);
    await expect(bar(page)).toBeHidden();
    await page.goto('/en/blog/writing-runbooks');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(bar(page)).toBeHidden();
    expect(await layoutShifts(page)).toEqual([]);
    // Moving to the other language renders its bar in the browser: the dismissal holds there too.
    await page.goto('/en/notice/mesh-day-2026-talk');
    await page.getByTestId('language-switcher').click();
    await expect(page).toHaveURL(/\/zh\/notice\/mesh-day-2026-talk$/);
    await expect(bar(page)).toBeHidden();
  });

  test('once dismissed, is never painted, even while the rest of the page is still arriving', async ({ page, baseURL }) => {
    const { url, server, holdAfterTheBar } = await slowSite(baseURL!);
    try {
      await page.goto(`${url}/en/archive`);
      await bar(page).getByRole('button', { name: 'Dismiss the announcement' }).click();
      const letTheRestThrough = holdAfterTheBar();
      await page.goto(`${url}/en/blog/writing-runbooks`, { waitUntil: 'commit' });
      await page.locator('aside[data-announcement]').waitFor({ state: 'attached' });
      // The page has arrived up to the end of the bar, and no further.
      const early = await page.evaluate(() => ({
        restArrived: document.querySelector('main') !== null,
        barHeight: document.querySelector('aside[data-announcement]')!.getBoundingClientRect().height,
      }));
      expect(early).toEqual({ restArrived: false, barHeight: 0 });
      letTheRestThrough();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(bar(page)).toBeHidden();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the bar and its link still work; the dismiss control is not offered', async ({ page }) => {
      await page.goto('/en/archive');
      await expect(bar(page).getByRole('link')).toHaveText('Talk at Mesh Day 2026: retries that do not storm');
      await expect(bar(page).getByRole('button')).toBeHidden();
      await bar(page).getByRole('link').click();
      await expect(page).toHaveURL(/\/en\/notice\/mesh-day-2026-talk$/);
    });
  });
});
