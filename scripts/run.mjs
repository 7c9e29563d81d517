/**
 * Runs one of the project's TypeScript scripts as a single bundled file:
 *
 *   node scripts/run.mjs check [-- args]
 *
 * `tsx` transforms and resolves every module through a loader thread on each start: about 2 s
 * before `npm run check` does anything, on a check that itself takes 0.5 s once its cache is warm.
 * Here esbuild bundles `scripts/<name>.ts` with its packages into `.next/cache/scripts/<name>.mjs`
 * (0.1-0.3 s), and Node loads that one file. The bundle is made again when any file it was built
 * from changes (size or time), or a package is installed.
 *
 * Packages that cannot be bundled (native addons, and packages that find their own files on disk)
 * stay outside; add one to NOT_BUNDLED if a script fails with it bundled.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const NOT_BUNDLED = ['sharp', '@img/*', 'esbuild', 'next', 'next/*', 'typescript', 'playwright', 'playwright-core', '@playwright/*', 'lighthouse', 'chrome-launcher'];

const [name, ...args] = process.argv.slice(2);
if (!name || name.startsWith('-')) {
  console.error('usage: node scripts/run.mjs <script name in scripts/, without .ts> [args]');
  process.exit(2);
}
const entry = path.resolve('scripts', `${name}.ts`);
const outDir = path.resolve('.next/cache/scripts');
const outFile = path.join(outDir, `${name.replaceAll('/', '-')}.mjs`);
const inputsFile = `${outFile}.inputs.json`;

/** What a file's bundle was made from: each input's size and modification time. */
const stamp = (file) => {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'absent';
  }
};

function isCurrent() {
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return Object.entries(inputs).every(([file, recorded]) => stamp(file) === recorded);
  } catch {
    return false;
  }
}

/** Resolves `server-only` to an empty module (its default export throws outside React's server build). */
const serverOnlyIsEmpty = {
  name: 'server-only-is-empty',
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty-module' }));
    build.onLoad({ filter: /.*/, namespace: 'empty-module' }, () => ({ contents: '' }));
  },
};

if (!isCurrent()) {
  // Loaded only to make a bundle: importing esbuild costs about 0.1 s of every run.
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const partial = `${outFile}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    external: NOT_BUNDLED,
    // A script runs on the server by definition: `server-only` guards modules against the client.
    plugins: [serverOnlyIsEmpty],
    metafile: true,
    logLevel: 'warning',
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }).catch((error) => {
    // esbuild has printed each file it could not read with its line (a broken site.config.json,
    // say); its stack trace would say nothing more.
    if (!Array.isArray(error?.errors)) throw error;
    console.error(`${name}: stopped before it ran: fix the file named above, then run it again.`);
    process.exit(1);
  });
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs).map((file) => path.resolve(file)), path.resolve('package-lock.json'), path.resolve('tsconfig.json')].map((file) => [file, stamp(file)]),
  );
  // Two runs at once each write their own file; the last rename wins, and both are whole.
  renameSync(partial, outFile);
  writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
}

// The script reads its own arguments from process.argv.slice(2), as it does under tsx.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outFile).href);
