import { expect, test, type Page } from '@playwright/test';

// A body image opens full-screen (components/zoomable-image.tsx): the author's wide diagrams cannot
// be read at a phone's width otherwise.

const post = '/en/blog/service-mesh-without-sidecars';
const caption = 'Every hop in the path is mutually authenticated';
const imageName = 'Request path from client through gateway to services';

const lightbox = (page: Page) => page.getByRole('dialog', { name: caption });

test.describe('the image lightbox', () => {
  test('a click opens the image with its caption; zoom makes it pan; Esc closes and gives focus back', async ({ page }) => {
    await page.goto(post);
    const figureImage = page.getByRole('main').getByRole('img', { name: imageName });
    await figureImage.scrollIntoViewIfNeeded();
    await figureImage.click();
    const dialog = lightbox(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(caption)).toBeVisible();
    const shown = dialog.getByRole('img', { name: imageName });
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Fitted, it fits the screen; zoomed, it is wider than the screen, and the stage scrolls.
    const viewport = page.viewportSize()!;
    expect((await shown.boundingBox())!.width).toBeLessThanOrEqual(viewport.width);
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    await expect(dialog.getByRole('button', { name: 'Fit to screen' })).toHaveAttribute('aria-pressed', 'true');
    expect((await shown.boundingBox())!.width).toBeGreaterThan(viewport.width);
    const stage = dialog.locator('.lightbox-stage');
    await stage.evaluate((element) => element.scrollBy(200, 0));
    expect(await stage.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${post}$`));
    await expect(page.getByRole('button', { name: `Enlarge image: ${imageName}` })).toBeFocused();
  });

  test("Enter on the image's button opens it; the close button and the browser's back close it, and the reader stays on the post", async ({ page }) => {
    await page.goto(post);
    const enlarge = page.getByRole('button', { name: `Enlarge image: ${imageName}` });
    await enlarge.focus();
    await page.keyboard.press('Enter');
    await expect(lightbox(page)).toBeVisible();
    await expect(lightbox(page).getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lightbox(page)).toHaveCount(0);

    await enlarge.click();
    await expect(lightbox(page)).toBeVisible();
    await page.goBack();
    await expect(lightbox(page)).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${post}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a tap opens it on a phone, in the fitted size, and zoomed it pans sideways @phone', async ({ page }, testInfo) => {
    test.skip(!testInfo.project.use.hasTouch, 'a phone test');
    await page.goto(post);
    const image = page.getByRole('main').getByRole('img', { name: imageName });
    await image.scrollIntoViewIfNeeded();
    await image.tap();
    const dialog = lightbox(page);
    await expect(dialog).toBeVisible();
    const shown = dialog.getByRole('img', { name: imageName });
    await shown.tap();
    const stage = dialog.locator('.lightbox-stage');
    await expect.poll(() => stage.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await expect(dialog).toHaveCount(0);
  });

  test('a page without body images loads no lightbox code; a Chinese post speaks Chinese', async ({ page, request }) => {
    const withoutImages = await request.get('/en/blog/kubernetes-dns-debugging');
    expect(withoutImages.status()).toBe(200);
    expect(await withoutImages.text()).not.toContain('ZoomableImage');
    const withImages = await (await request.get(post)).text();
    expect(withImages).toContain('ZoomableImage');
    await page.goto('/zh/blog/ebpf-observability-primer');
    await expect(page.getByRole('button', { name: /^放大图片/ }).first()).toBeAttached();
  });
});
