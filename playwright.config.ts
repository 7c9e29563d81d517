import { defineConfig, devices } from '@playwright/test';
import { devPort, devPostsDir } from './e2e/dev/dev-posts';
import { hugoFixturePort, hugoFixtureSiteDir } from './e2e/hugo/fixture-site';

const port = Number(process.env.E2E_PORT ?? 3210);
const exportPort = Number(process.env.E2E_EXPORT_PORT ?? 3240);

// End-to-end tests run against the production build (`next build` first, then `next start`), in
// Debian's Chromium: Playwright's own browser download cannot work on these machines.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // The HTML report keeps the screenshots and axe results that tests attach.
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: ['hugo/**', 'dev/**', 'export/**'] },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, testIgnore: ['hugo/**', 'dev/**', 'export/**'], grep: /@phone/ },
    {
      // The site built from test/fixtures/hugo-site by `npm run build:hugo-fixture`.
      name: 'hugo-fixture',
      testDir: './e2e/hugo',
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://127.0.0.1:${hugoFixturePort}` },
    },
    {
      // The static export in out/ (`npm run export`), served like a file host serves it.
      name: 'export',
      testDir: './e2e/export',
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://127.0.0.1:${exportPort}` },
    },
    {
      // `next dev` on a copy of posts/ that the tests edit. Dev resources answer `localhost` only.
      name: 'dev',
      testDir: './e2e/dev',
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://localhost:${devPort}` },
    },
  ],
  webServer: [
    {
      command: `npx next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/en`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
    {
      command: `npx next start -p ${hugoFixturePort} -H 127.0.0.1`,
      cwd: hugoFixtureSiteDir,
      url: `http://127.0.0.1:${hugoFixturePort}/en`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
    {
      command: `npx tsx scripts/serve-static.ts out ${exportPort}`,
      url: `http://127.0.0.1:${exportPort}/en`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `rm -rf ${devPostsDir} && cp -r posts ${devPostsDir} && npx tsx e2e/dev/generate-posts.ts && npx next dev -p ${devPort}`,
      url: `http://localhost:${devPort}/en`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { NEXT_TELEMETRY_DISABLED: '1', BLOG_POSTS_DIR: devPostsDir },
    },
  ],
});
