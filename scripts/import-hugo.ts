/**
 * Imports a Hugo site's posts and static files.
 *
 *   npm run import:hugo -- <path-to-hugo-site> [--section blog] [--overwrite] [--all]
 *
 * Posts of each language's content section go to posts/<lang>/ (bundles, subfolders and _index.md
 * cascades included; TOML and JSON front matter become YAML), standalone pages to content/<lang>/,
 * the items of the other sections (notice/, event/...) to content/<lang>/<section>/ with the
 * sections declared in site.config.json, and static/ goes to public/. Then every
 * post is checked, and what could not be converted is listed as file:line. Every file of content/
 * and static/ is accounted for: imported (and where to), or skipped with the reason (`--all`
 * lists each one); a content file that is neither makes the import fail.
 */
import path from 'node:path';
import { commandOptions } from './command-line';
import { formatProblem } from '../lib/content/errors';
import { importHugoSite, type FileOutcome } from '../lib/hugo/import';
import { SITE_SETTINGS_FILE } from '../lib/site-settings';

const IMPORT_USAGE = 'npm run import:hugo -- <path-to-hugo-site> [--section blog] [--overwrite] [--all]';
const { values, positionals } = commandOptions({
  allowPositionals: true,
  options: {
    section: { type: 'string', multiple: true },
    overwrite: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
  },
}, IMPORT_USAGE);

const [siteDir] = positionals;
if (!siteDir) {
  console.error(`usage: ${IMPORT_USAGE}`);
  process.exit(2);
}

try {
  const report = importHugoSite({
    siteDir: path.resolve(siteDir),
    postsDir: path.resolve(process.env.BLOG_POSTS_DIR ?? 'posts'),
    pagesDir: path.resolve(process.env.BLOG_PAGES_DIR ?? 'content'),
    publicDir: path.resolve(process.env.BLOG_PUBLIC_DIR ?? 'public'),
    shortcodesDir: path.resolve('layouts/shortcodes'),
    settingsFile: path.resolve(process.env.BLOG_SETTINGS_FILE ?? SITE_SETTINGS_FILE),
    sections: values.section,
    overwrite: values.overwrite,
  });
  if (report.theme.length) console.log(`Theme: ${report.theme.join(', ')}`);
  const perLanguage = Object.entries(report.postsByLang).map(([lang, count]) => `${lang}: ${count}`).join(', ');
  console.log(`Imported posts: ${perLanguage || 'none'}`);
  const pagesPerLanguage = Object.entries(report.pagesByLang).map(([lang, count]) => `${lang}: ${count}`).join(', ');
  console.log(`Imported pages (content/<lang>/): ${pagesPerLanguage || 'none'}`);
  const itemsPerLanguage = Object.entries(report.sectionsByLang)
    .map(([lang, counts]) => `${lang}: ${Object.entries(counts).map(([section, count]) => `${section} ${count}`).join(', ')}`)
    .join('; ');
  console.log(`Imported section items (content/<lang>/<section>/): ${itemsPerLanguage || 'none'}`);
  console.log(`Translations paired: ${report.translationPairs}`);
  console.log(`Static files copied: ${report.staticFiles}`);
  if (report.sharedResources) console.log(`Bundle files shared with translations that lacked them: ${report.sharedResources}`);
  console.log(`Front matter converted to YAML: ${report.converted.toml} TOML, ${report.converted.json} JSON`);
  const counted = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ×${count}`).join(', ');
  console.log(`Theme keys read as this site's (header photo, hero, subtitle, TOC switch): ${counted(report.themeKeys) || 'none'}`);
  if (Object.keys(report.unmappedKeys).length) {
    console.log(`Not mapped, though they look like an image, a TOC switch or a subtitle: ${counted(report.unmappedKeys)}`);
  }
  const shortcodes = Object.entries(report.shortcodes).sort((a, b) => b[1] - a[1]);
  console.log(`Shortcodes found: ${shortcodes.map(([name, count]) => `${name} ×${count}`).join(', ') || 'none'}`);
  const { evaluated, drawnHere } = report.shortcodeTemplates;
  if (evaluated.length) console.log(`Shortcode templates copied to layouts/shortcodes/, drawn as the site drew them: ${evaluated.join(', ')}`);
  if (drawnHere.length) console.log(`Shortcode templates copied but drawn by this site's own renderers: ${drawnHere.join(', ')}`);
  printFiles(report.files, values.all);
  for (const line of report.settings.written) console.log(`Set in ${SITE_SETTINGS_FILE}: ${line}`);
  for (const line of report.settings.kept) console.log(`Kept in ${SITE_SETTINGS_FILE}: ${line}`);
  for (const skipped of report.skippedLanguages) console.log(`Not imported: language ${skipped}`);
  if (report.conflicts.length) {
    console.log(`Not copied, a different file is already there (use --overwrite):`);
    for (const file of report.conflicts) console.log(`  ${file}`);
  }
  if (report.errors.length) {
    console.log(`Errors (${report.errors.length}): these posts fail the build until fixed`);
    for (const problem of report.errors) console.log(`  ${formatProblem(problem)}`);
  }
  if (report.defects.length) {
    console.log(`Defects Hugo tolerates (${report.defects.length}): the build resolves them as Hugo does; fix them, or they fail a strict build`);
    for (const problem of report.defects) console.log(`  ${formatProblem(problem)}`);
  }
  if (report.warnings.length) {
    console.log(`Could not convert or check (${report.warnings.length} warnings):`);
    for (const problem of report.warnings) console.log(`  ${formatProblem(problem)}`);
  }
  if (report.unaccounted.length) {
    console.log(`Not accounted for (${report.unaccounted.length}): content files neither imported nor skipped with a reason, a bug of the importer`);
    for (const file of report.unaccounted) console.log(`  ${file}`);
  }
  process.exitCode = report.unaccounted.length || report.errors.length || report.skippedLanguages.length || report.conflicts.length ? 1 : 0;
} catch (error) {
  console.error(`import:hugo: ${(error as Error).message}`);
  process.exitCode = 1;
}

/** Files imported, by where they went; files skipped, by reason, with a few examples (all with --all). */
function printFiles(files: readonly FileOutcome[], all: boolean | undefined): void {
  const imported = files.filter((file) => file.to);
  const byFolder = new Map<string, number>();
  for (const file of imported) byFolder.set(file.into ?? '', (byFolder.get(file.into ?? '') ?? 0) + 1);
  console.log(`Files imported: ${imported.length} (${[...byFolder].map(([folder, count]) => `${folder}: ${count}`).join(', ') || 'none'})`);
  const byReason = new Map<string, string[]>();
  for (const file of files) if (file.skipped) byReason.set(file.skipped, [...(byReason.get(file.skipped) ?? []), file.file]);
  if (byReason.size) console.log(`Files not imported: ${files.length - imported.length}`);
  for (const [reason, names] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
    const shown = all ? names : names.slice(0, 3);
    console.log(`  ${names.length} × ${reason}: ${shown.join(', ')}${shown.length < names.length ? ', …' : ''}`);
  }
  if (all) for (const file of imported) console.log(`  ${file.file} -> ${file.to}`);
}
