/**
 * Imports a Hugo site's posts and static files.
 *
 *   npm run import:hugo -- <path-to-hugo-site> [--section blog] [--overwrite]
 *
 * Posts of each language's content section go to posts/<lang>/ (bundles, subfolders and _index.md
 * cascades included; TOML and JSON front matter become YAML), static/ goes to public/. Then every
 * post is checked, and what could not be converted is listed as file:line.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../lib/content/errors';
import { importHugoSite } from '../lib/hugo/import';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    section: { type: 'string', multiple: true },
    overwrite: { type: 'boolean', default: false },
  },
});

const [siteDir] = positionals;
if (!siteDir) {
  console.error('usage: npm run import:hugo -- <path-to-hugo-site> [--section blog] [--overwrite]');
  process.exit(2);
}

try {
  const report = importHugoSite({
    siteDir: path.resolve(siteDir),
    postsDir: path.resolve(process.env.BLOG_POSTS_DIR ?? 'posts'),
    publicDir: path.resolve(process.env.BLOG_PUBLIC_DIR ?? 'public'),
    sections: values.section,
    overwrite: values.overwrite,
  });
  const perLanguage = Object.entries(report.postsByLang).map(([lang, count]) => `${lang}: ${count}`).join(', ');
  console.log(`Imported posts: ${perLanguage || 'none'}`);
  console.log(`Translations paired: ${report.translationPairs}`);
  console.log(`Static files copied: ${report.staticFiles}`);
  console.log(`Front matter converted to YAML: ${report.converted.toml} TOML, ${report.converted.json} JSON`);
  const shortcodes = Object.entries(report.shortcodes).sort((a, b) => b[1] - a[1]);
  console.log(`Shortcodes found: ${shortcodes.map(([name, count]) => `${name} ×${count}`).join(', ') || 'none'}`);
  for (const skipped of report.skippedLanguages) console.log(`Not imported: language ${skipped}`);
  if (report.conflicts.length) {
    console.log(`Not copied, a different file is already there (use --overwrite):`);
    for (const file of report.conflicts) console.log(`  ${file}`);
  }
  if (report.errors.length) {
    console.log(`Errors (${report.errors.length}): these posts fail the build until fixed`);
    for (const problem of report.errors) console.log(`  ${formatProblem(problem)}`);
  }
  if (report.warnings.length) {
    console.log(`Could not convert or check (${report.warnings.length} warnings):`);
    for (const problem of report.warnings) console.log(`  ${formatProblem(problem)}`);
  }
  process.exitCode = report.errors.length || report.skippedLanguages.length || report.conflicts.length ? 1 : 0;
} catch (error) {
  console.error(`import:hugo: ${(error as Error).message}`);
  process.exitCode = 1;
}
