/**
 * Builds the blog from the fixture Hugo site, as a new user would: a copy of this project whose
 * posts/ holds only what `import:hugo` brought in, then `next build`. The browser tests in
 * e2e/hugo run against it.
 *
 *   npm run build:hugo-fixture
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hugoFixtureSiteDir } from '../e2e/hugo/fixture-site';
import { formatProblem } from '../lib/content/errors';
import { importHugoSite } from '../lib/hugo/import';
import { copyProject } from './project-copy';

const project = process.cwd();
const site = hugoFixtureSiteDir;

rmSync(site, { recursive: true, force: true });
copyProject(project, site);
mkdirSync(path.join(site, 'posts'), { recursive: true });

const report = importHugoSite({
  siteDir: path.join(project, 'test/fixtures/hugo-site'),
  postsDir: path.join(site, 'posts'),
  publicDir: path.join(site, 'public'),
});
console.log(`Imported ${JSON.stringify(report.postsByLang)} posts, ${report.translationPairs} translation pairs.`);
for (const problem of [...report.errors, ...report.warnings]) console.log(`  ${formatProblem(problem)}`);
if (report.errors.length || report.conflicts.length) throw new Error('the fixture Hugo site did not import cleanly');

const build = spawnSync('npx', ['next', 'build'], {
  cwd: site,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) throw new Error('next build of the fixture site failed');
console.log(`Built ${site}`);
