import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_VARIANT_FOLDER } from '../lib/urls';

/** What `npm run build` needs of this project (next build, then its scripts), apart from node_modules and posts/. */
const PROJECT_FILES = ['app', 'assets', 'components', 'lib', 'scripts/run.mjs', 'scripts/build.ts', 'scripts/kept-compilation.ts', 'scripts/last-build.ts', 'scripts/image-copies.ts', 'scripts/body-facts-on-every-core.ts', 'scripts/pin-page-scripts.ts', 'scripts/pin-pages.ts', 'scripts/command-line.ts', 'public', 'site.config.json', 'proxy.ts', 'next.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'next-env.d.ts'];

/**
 * A fresh copy of this project at `dir` with an empty posts/ (and no content/), for building a
 * site from other posts without touching this project's .next. The sample site's sections go with
 * its content: the copy's site.config.json declares none, and announces none. Turbopack wants node_modules inside the
 * project root: hard links make that instant.
 */
export function copyProject(project: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'posts'), { recursive: true });
  for (const name of PROJECT_FILES) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    // Not the sample site's image copies: the copy's build writes its own.
    cpSync(path.join(project, name), path.join(dir, name), { recursive: true, filter: (source) => source !== path.join(project, 'public', IMAGE_VARIANT_FOLDER) });
  }
  const settingsFile = path.join(dir, 'site.config.json');
  const { sections: _sampleSections, announcement: _sampleAnnouncement, ...settings } = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  const link = spawnSync('cp', ['-al', path.join(project, 'node_modules'), path.join(dir, 'node_modules')], { stdio: 'inherit' });
  if (link.status !== 0) throw new Error(`could not link node_modules into ${dir}`);
}
