import { createHash } from 'node:crypto';
import { constants, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteCodeBuildId } from '../lib/build-id';

// Turbopack's compilation of the site, kept between builds. What `next build
// --experimental-build-mode compile` writes comes from the site's code: the content is read when
// the pages are made (the generate step), and that step writes again every file of .next that
// carries any of it (the old URLs' redirects in routes-manifest.json and required-server-files,
// the prerendered pages in prerender-manifest.json). A build whose code, settings and environment
// are those of the kept compilation takes it back instead of compiling again: on jimmysong.io,
// 5-6 s of a 19 s rebuild after one post's edit (docs/benchmarks.md). `npm run build --
// --verify-reuse` compiles anyway and fails if the fresh compilation differs from the kept one.

/** What .next holds besides a compilation, which `next build` keeps when it empties .next. */
const NOT_COMPILED = new Set(['cache', 'dev', 'diagnostics', 'lock', 'trace', 'trace-build']);

/**
 * Files of a compilation that differ from one compile of the same code to the next: secrets made
 * at random for each build (draft mode's, server actions' key), and files the generate step writes
 * again with the content (the redirects, which the route types list too). Left out when a fresh
 * compilation is compared with a kept one; the same files that hashCompiledSite in
 * patches/next+16.4.6.patch leaves out of the compiled site a reused page is checked against.
 */
const NOT_COMPARED = /^(routes-manifest\.json|required-server-files\.(js|json)|prerender-manifest\.json|types\/.*|server\/preview-props\.json|server\/server-reference-manifest\.(js|json))$/;

export function keptCompilationDir(projectDir: string): string {
  return path.join(projectDir, '.next', 'cache', 'blog-compilation');
}

const keyFile = (projectDir: string) => path.join(keptCompilationDir(projectDir), 'key');
const keptFiles = (projectDir: string) => path.join(keptCompilationDir(projectDir), 'next');

/**
 * What a compilation is made from: the site's code as the build id reads it (every file of the
 * project but content, public/, what builds make and what .gitignore leaves out; the lockfile
 * names the packages), the env files Next.js loads (.env.local too, which .gitignore leaves out),
 * the variables Next.js, its config and the site read (but whether Next.js sends telemetry), and
 * Node.js itself.
 */
export function compilationKey(projectDir: string): string {
  const hash = createHash('sha256').update(siteCodeBuildId(projectDir)).update('\0');
  for (const name of readdirSync(projectDir).filter((file) => file.startsWith('.env')).sort()) {
    hash.update(name).update('\0').update(readFileSync(path.join(projectDir, name))).update('\0');
  }
  const environment = Object.entries(process.env)
    .filter(([name]) => /^(NODE_ENV$|NEXT_|__NEXT|TURBOPACK|BLOG_|SITE_)/.test(name) && !name.startsWith('NEXT_TELEMETRY_'))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  hash.update(JSON.stringify([process.version, process.platform, process.arch, environment]));
  return hash.digest('hex');
}

/** The key of the compilation kept in .next/cache, if one is kept whole. */
export function keptCompilationKey(projectDir: string): string | undefined {
  if (!existsSync(keyFile(projectDir)) || !existsSync(keptFiles(projectDir))) return undefined;
  return readFileSync(keyFile(projectDir), 'utf8');
}

/** The entries of .next that are the compilation (or, after the pages are made, hold it). */
function compiledEntries(dotNext: string): string[] {
  return existsSync(dotNext) ? readdirSync(dotNext).filter((name) => !NOT_COMPILED.has(name)) : [];
}

function copyEntries(from: string, to: string, names: string[]): void {
  mkdirSync(to, { recursive: true });
  for (const name of names) {
    // A copy, never a link: the generate step rewrites some of these files in place.
    cpSync(path.join(from, name), path.join(to, name), { recursive: true, verbatimSymlinks: true, mode: constants.COPYFILE_FICLONE });
  }
}

/** Keeps what `next build`'s compile step just wrote, for builds of the same `key`. */
export function keepCompilation(projectDir: string, key: string): void {
  rmSync(keptCompilationDir(projectDir), { recursive: true, force: true });
  const dotNext = path.join(projectDir, '.next');
  copyEntries(dotNext, keptFiles(projectDir), compiledEntries(dotNext));
  // Written last: a copy that was stopped half-way has no key, and is never taken back.
  writeFileSync(keyFile(projectDir), key);
}

/**
 * Empties .next as `next build` does before compiling (its cache and logs stay) and puts the kept
 * compilation in its place. Returns how many entries it put back.
 */
export function restoreCompilation(projectDir: string): number {
  const dotNext = path.join(projectDir, '.next');
  for (const name of compiledEntries(dotNext)) rmSync(path.join(dotNext, name), { recursive: true, force: true });
  const names = readdirSync(keptFiles(projectDir));
  copyEntries(keptFiles(projectDir), dotNext, names);
  return names.length;
}

function compiledFiles(dir: string, relative = ''): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (!relative && NOT_COMPILED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, hash] of compiledFiles(full, name)) files.set(file, hash);
    else if (entry.isSymbolicLink()) files.set(name, `link to ${readlinkSync(full)}`);
    else if (entry.isFile() && !NOT_COMPARED.test(name)) files.set(name, createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return files;
}

/**
 * The files in which the compilation just made differs from the kept one (present in one only,
 * or with other bytes), and how many were compared.
 */
export function compareWithKeptCompilation(projectDir: string): { compared: number; differing: string[] } {
  const fresh = compiledFiles(path.join(projectDir, '.next'));
  const kept = compiledFiles(keptFiles(projectDir));
  const names = [...new Set([...fresh.keys(), ...kept.keys()])].sort();
  return { compared: names.length, differing: names.filter((name) => fresh.get(name) !== kept.get(name)) };
}
