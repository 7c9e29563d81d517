import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';

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
  const content = new Set([path.resolve(projectDir, process.env.BLOG_POSTS_DIR ?? 'posts'), path.resolve(projectDir, process.env.BLOG_PAGES_DIR ?? 'content')]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if ((dir === projectDir && NOT_CODE.has(entry.name)) || content.has(full)) continue;
      const relative = path.relative(projectDir, full).split(path.sep).join('/');
      if (notCommitted.ignores(entry.isDirectory() ? `${relative}/` : relative)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(relative).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(projectDir);
  const environment = Object.entries(process.env)
    .filter(([name]) => /^(NEXT_PUBLIC_|SITE_)/.test(name) || /^BLOG_(POSTS_DIR|PAGES_DIR|STATIC_EXPORT)$/.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  hash.update(JSON.stringify(environment));
  return hash.digest('base64url').slice(0, 21);
}
