import os from 'node:os';
import path from 'node:path';
import type { GiscusConfig } from '../../lib/site-config';

/** Where scripts/build-hugo-fixture.ts builds the site imported from test/fixtures/hugo-site. */
export const hugoFixtureSiteDir = path.join(os.tmpdir(), 'blog-hugo-fixture-site');
export const hugoFixturePort = Number(process.env.E2E_HUGO_PORT ?? 3220);

/** The fixture site is a user's site with comments turned on (giscus itself is never reached in tests). */
export const fixtureGiscus: GiscusConfig = {
  repo: 'example/blog-comments',
  repoId: 'R_fixture',
  category: 'Announcements',
  categoryId: 'DIC_fixture',
  mapping: 'pathname',
};

/** Where the fixture site's files are edited (site.config.json `site.editUrl`). */
export const fixtureEditUrl = 'https://github.com/example/blog/edit/main';
