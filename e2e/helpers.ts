import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { imageSize } from 'image-size';

export type Lang = 'en' | 'zh';

/** What a reader sees in each language: the strings come from the site's own UI, written out here on purpose. */
export const site = {
  en: {
    title: 'Cloud Native Notes',
    htmlLang: 'en',
    notFound: 'Page not found',
    notFoundBody: 'The page you asked for does not exist or has moved.',
    switchTo: '中文',
  },
  zh: {
    title: '云原生笔记',
    htmlLang: 'zh-CN',
    notFound: '页面不存在',
    notFoundBody: '你要找的页面不存在或已被移动。',
    switchTo: 'English',
  },
} as const;

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "March 5, 2024" */
export const EN_DATE = new RegExp(`\\b(${EN_MONTHS.join('|')}) (\\d{1,2}), (\\d{4})\\b`);
/** "2024年3月5日" */
export const ZH_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;

/** The calendar date shown in a piece of text, as a comparable `YYYYMMDD` number, or undefined. */
export function shownDate(text: string, lang: Lang): number | undefined {
  if (lang === 'en') {
    const match = EN_DATE.exec(text);
    if (!match) return undefined;
    const [, month = '', day = '', year = ''] = match;
    return Number(year) * 10_000 + (EN_MONTHS.indexOf(month) + 1) * 100 + Number(day);
  }
  const match = ZH_DATE.exec(text);
  if (!match) return undefined;
  const [, year = '', month = '', day = ''] = match;
  return Number(year) * 10_000 + Number(month) * 100 + Number(day);
}

/** The entries of the post list on a home or term page. */
export function postEntries(page: Page): Locator {
  return page.getByTestId('post-list').getByRole('listitem').filter({ has: page.getByRole('heading') });
}

/** Titles of the listed posts, in the order shown. */
export async function listedTitles(page: Page): Promise<string[]> {
  return (await postEntries(page).getByRole('heading').allInnerTexts()).map((title) => title.trim());
}

/** The image has finished loading and decoded to real pixels (scrolls lazy images into view first). */
export async function expectImageLoaded(image: Locator): Promise<void> {
  await image.scrollIntoViewIfNeeded();
  const src = await image.evaluate((el: HTMLImageElement) => el.currentSrc || el.src);
  await expect
    .poll(() => image.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : -1)), {
      message: `image ${src} should load with a real width`,
    })
    .toBeGreaterThan(0);
}

/** The page is the language's "not found" page, answered with HTTP 404. */
/**
 * A 404 answer whose page, served as HTML (not drawn by JavaScript), tells the reader in their
 * language that the page does not exist and leads back to that language's home.
 */
export async function expectLocalizedNotFound(page: Page, path: string, lang: Lang): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} status`).toBe(404);
  expect(await response?.text(), 'the message is in the HTML itself').toContain(site[lang].notFoundBody);
  await expect(page.getByRole('heading', { level: 1, name: site[lang].notFound })).toBeVisible();
  await expect(page.getByText(site[lang].notFoundBody)).toBeVisible();
  await expect(page.locator(`a[href="/${lang}"]`).first()).toBeVisible();
}

/** Pathname of a URL, percent-decoded (`/zh/categories/云原生`). */
export function decodedPath(url: string): string {
  return decodeURIComponent(new URL(url).pathname);
}

export type CrawledPage = { path: string; status: number; html: string };

/**
 * Fetches the pages reachable from `start` through internal `href`s (not `/_next/` assets), breadth
 * first, at most `limit` pages.
 */
export async function crawl(request: APIRequestContext, start: string[], limit = 300): Promise<CrawledPage[]> {
  const queue = [...start];
  const seen = new Set(queue);
  const pages: CrawledPage[] = [];
  while (queue.length && pages.length < limit) {
    const path = queue.shift()!;
    const response = await request.get(path, { maxRedirects: 0 });
    const type = response.headers()['content-type'] ?? '';
    const html = type.includes('text/html') ? await response.text() : '';
    pages.push({ path, status: response.status(), html });
    for (const match of html.matchAll(/\bhref="([^"]*)"/g)) {
      const raw = (match[1] ?? '').replaceAll('&amp;', '&');
      if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/_next/')) continue;
      const url = new URL(raw, 'http://site.invalid');
      const next = url.pathname + url.search;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return pages;
}

/**
 * The page's og:image: an absolute URL (the site's public origin), of a 1200×630 PNG that this
 * server answers at the same path. Returns the image's path.
 */
export async function expectOgCard(page: Page, request: APIRequestContext, path: string): Promise<string> {
  await page.goto(path);
  const meta = (key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first();
  const url = (await meta('og:image').getAttribute('content')) ?? '';
  expect(url, `og:image of ${path}`).toMatch(/^https?:\/\/[^/]+\/.+\.png$/);
  await expect(meta('og:image:width')).toHaveAttribute('content', '1200');
  await expect(meta('og:image:height')).toHaveAttribute('content', '630');
  await expect(meta('twitter:image')).toHaveAttribute('content', url);
  const imagePath = new URL(url).pathname;
  const response = await request.get(imagePath);
  expect(response.status(), imagePath).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(imageSize(await response.body())).toMatchObject({ type: 'png', width: 1200, height: 630 });
  return imagePath;
}

/**
 * Collects what the page's security policies block, from every document the page loads: call
 * before the first goto; the returned function lists the violations so far (directive, what was
 * blocked, the first characters of an inline script).
 */
export async function watchPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __policyViolations: string[] }).__policyViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`.trim()));
  });
  return () => page.evaluate(() => (window as unknown as { __policyViolations?: string[] }).__policyViolations ?? []);
}

/** The script sources a page's own policy (its `<meta http-equiv>`) allows. */
export async function pageScriptSources(page: Page): Promise<string[]> {
  const policy = (await page.locator('head meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  return /script-src ([^;]*)/.exec(policy)?.[1]?.split(' ') ?? [];
}

/** Serves `path` with a script planted in its HTML, as if escaping had failed somewhere: it sets window.planted. */
export async function plantInlineScript(page: Page, path: string): Promise<void> {
  await page.route((url) => url.pathname === path, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</main>', '<script>window.planted = true</script></main>');
    await route.fulfill({ response, body: html });
  });
}

/**
 * Opens `path` as a reader who chose the dark theme, and checks that the page runs under its own
 * policy: the site's inline theme script ran, inline scripts are allowed by hash only, and the
 * answer has `status`. Returns what lists the violations so far, to check once the test is done.
 */
export async function openUnderOwnPolicy(page: Page, path: string, status: number): Promise<() => Promise<string[]>> {
  const violations = await watchPolicyViolations(page);
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  const response = await page.goto(path);
  expect(response?.status()).toBe(status);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const sources = await pageScriptSources(page);
  expect(sources[0]).toBe("'self'");
  expect(sources.filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(2);
  expect(sources).not.toContain("'unsafe-inline'");
  return violations;
}
