import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What is not the site's code: what builds make, the packages (the lockfile names them), content. */
const NOT_CODE = new Set(['node_modules', '.next', 'out', '.git', 'public', 'test-results', 'playwright-report']);

/**
 * The build's id, made from the site's code rather than at random: every file of the project but
 * the content (posts and pages), public/ and what builds make, and the environment the pages are
 * built with. Next.js writes the id into every page; a page taken back from the last build
 * (lib/content/page-reads.ts) must carry the same id as the pages rendered again, or a reader's
 * browser would take a link between them for a new deployment and load the whole page. A
 * change of code changes the id, as Next.js's own does with every build.
 */
export function siteCodeBuildId(projectDir = process.cwd()): string {
  const hash = createHash('sha256');
  const content = new Set([path.resolve(projectDir, process.env.BLOG_POSTS_DIR ?? 'posts'), path.resolve(projectDir, process.env.BLOG_PAGES_DIR ?? 'content')]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if ((dir === projectDir && NOT_CODE.has(entry.name)) || content.has(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(path.relative(projectDir, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(path.resolve(projectDir));
  const environment = Object.entries(process.env)
    .filter(([name]) => /^(NEXT_PUBLIC_|SITE_)/.test(name) || /^BLOG_(POSTS_DIR|PAGES_DIR|STATIC_EXPORT)$/.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  hash.update(JSON.stringify(environment));
  return hash.digest('base64url').slice(0, 21);
}
