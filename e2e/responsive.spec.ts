import { expect, test } from '@playwright/test';

// Screenshots of the main pages at phone and desktop widths, in both languages, kept in
// test-results/ and in the HTML report (playwright-report/) for a person to look at: both themes
// on a phone, the light one on a desktop (the dark one's contrast is the accessibility tests').

const VIEWPORTS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } };
const PAGES = ['/en', '/zh', '/en/blog/tail-latency-and-retries', '/zh/blog/ebpf-observability-primer', '/zh/categories/云原生', '/en/archive', '/zh/about'];

// One test per page: a full-page screenshot of a long page takes seconds on a busy machine, and
// seven of them in one test went past its 30 s on a CI run.
for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const theme of device === 'phone' ? (['light', 'dark'] as const) : (['light'] as const)) {
    for (const path of PAGES) {
      test(`${device} ${theme}: ${decodeURIComponent(path)} fits the screen, with a screenshot kept`, async ({ page }, testInfo) => {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} is no wider than the ${viewport.width}px screen`).toBeLessThanOrEqual(0);
        const header = await page.getByRole('banner').boundingBox();
        expect(header!.height, `${path}: the header stays compact`).toBeLessThan(device === 'phone' ? 110 : 80);
        const name = `${device}-${theme}${decodeURIComponent(path).replaceAll('/', '-')}.png`;
        const file = testInfo.outputPath(name);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      });
    }
  }
}
