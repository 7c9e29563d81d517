import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import { hashFileTree } from './disk-cache';

/** What is not the site's code: what builds make, the packages (the lockfile names them), content. */
const NOT_CODE = new Set(['node_modules', '.next', 'out', '.git', 'public', 'test-results', 'playwright-report']);

/**
 * Files that are no one's code, whatever .gitignore says: a build's own log (`npm run build >
 * build.log`) changes while the build runs, and would change the id of every build after it.
 */
const NEVER_CODE = ['*.log', '.DS_Store'];

/**
 * The build's id, made from the site's code rather than at random: every file of the project but
 * the content (posts and pages), public/, what builds make and what the project's .gitignore
 * leaves out (code that deploys is committed), and the environment the pages are built with.
 * Next.js writes the id into every page; a page taken back from the last build
 * (lib/content/page-reads.ts) must carry the same id as the pages rendered again, or a reader's
 * browser would take a link between them for a new deployment and load the whole page. A
 * change of code changes the id, as Next.js's own does with every build.
 */
export function siteCodeBuildId(project = process.cwd()): string {
  const projectDir = path.resolve(project);
  const hash = createHash('sha256');
  const gitignore = path.join(projectDir, '.gitignore');
  const notCommitted = ignore()
    .add(existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '')
    .add(NEVER_CODE);
  const folder = (dir: string) => `${path.relative(projectDir, dir).split(path.sep).join('/')}/`;
  const content = new Set([folder(path.resolve(projectDir, process.env.BLOG_POSTS_DIR ?? 'posts')), folder(path.resolve(projectDir, process.env.BLOG_PAGES_DIR ?? 'content'))]);
  hashFileTree(hash, projectDir, projectDir, (relative) => {
    const topLevel = relative.replace(/\/$/, '');
    return (!topLevel.includes('/') && NOT_CODE.has(topLevel)) || content.has(relative) || notCommitted.ignores(relative);
  });
  const environment = Object.entries(process.env)
    .filter(([name]) => /^(NEXT_PUBLIC_|SITE_)/.test(name) || /^BLOG_(POSTS_DIR|PAGES_DIR|STATIC_EXPORT)$/.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  hash.update(JSON.stringify(environment));
  return hash.digest('base64url').slice(0, 21);
}
