/**
 * Builds the blog from the fixture Hugo site, as a new user would: a copy of this project whose
 * posts/ holds only what `import:hugo` brought in, then `next build`. The browser tests in
 * e2e/hugo run against it.
 *
 *   npm run build:hugo-fixture
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureEditUrl, fixtureGiscus, hugoFixtureSiteDir } from '../e2e/hugo/fixture-site';
import { formatProblem } from '../lib/content/errors';
import { importHugoSite } from '../lib/hugo/import';
import { SITE_SETTINGS_FILE } from '../lib/site-settings';
import { copyProject } from './project-copy';

const project = process.cwd();
const site = hugoFixtureSiteDir;

copyProject(project, site);

const report = importHugoSite({
  siteDir: path.join(project, 'test/fixtures/hugo-site'),
  postsDir: path.join(site, 'posts'),
  pagesDir: path.join(site, 'content'),
  publicDir: path.join(site, 'public'),
  settingsFile: path.join(site, SITE_SETTINGS_FILE),
});
console.log(`Imported ${JSON.stringify(report.postsByLang)} posts, ${JSON.stringify(report.pagesByLang)} pages, ${JSON.stringify(report.sectionsByLang)} section items, ${report.translationPairs} translation pairs.`);
for (const problem of [...report.errors, ...report.defects, ...report.warnings]) console.log(`  ${formatProblem(problem)}`);
if (report.errors.length || report.conflicts.length || report.unaccounted.length) throw new Error('the fixture Hugo site did not import cleanly');
// This user turned comments on and said where their files are edited, in the settings the import
// has just completed.
const settingsFile = path.join(site, SITE_SETTINGS_FILE);
const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as { site?: Record<string, unknown> };
const configured = { ...settings, site: { ...settings.site, editUrl: fixtureEditUrl }, comments: fixtureGiscus };
writeFileSync(settingsFile, `${JSON.stringify(configured, null, 2)}\n`);

// As the author builds: next build, then each page's own security policy.
const build = spawnSync('npm', ['run', '--silent', 'build'], {
  cwd: site,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) throw new Error('npm run build of the fixture site failed');
console.log(`Built ${site}`);
