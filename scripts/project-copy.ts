import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** What `next build` needs of this project, besides posts and node_modules. */
export const PROJECT_FILES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'next.config.ts',
  'package.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'next-env.d.ts',
];

/** Copies the project into `dest`, ready for `next build` there with its own posts folder. */
export function copyProject(project: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const name of PROJECT_FILES) cpSync(path.join(project, name), path.join(dest, name), { recursive: true });
  // Turbopack wants node_modules inside the project root: hard links make that instant.
  const link = spawnSync('cp', ['-al', path.join(project, 'node_modules'), path.join(dest, 'node_modules')], { stdio: 'inherit' });
  if (link.status !== 0) throw new Error(`could not link node_modules into ${dest}`);
}
