import os from 'node:os';
import path from 'node:path';

/** Where scripts/build-hugo-fixture.ts builds the site imported from test/fixtures/hugo-site. */
export const hugoFixtureSiteDir = path.join(os.tmpdir(), 'blog-hugo-fixture-site');
export const hugoFixturePort = Number(process.env.E2E_HUGO_PORT ?? 3220);
