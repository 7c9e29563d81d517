import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

export type FirstLoadJs = {
  /** Gzipped bytes of every script the page loads at first (module browsers; `noModule` left out). */
  totalGzip: number;
  /** Gzipped bytes of the modules only our client components need (see docs/benchmarks.md). */
  ownGzip: number;
  frameworkGzip: number;
  /** Our client components found in those scripts, as `components/x.tsx`. */
  ownComponents: string[];
};

type ChunkModule = { id: number; source: string };

/** The `<script src>` files of a prerendered page that a module-capable browser loads. */
export function firstLoadScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((match) => match[1] ?? '')
    .filter((attributes) => !/\bnoModule\b/i.test(attributes))
    .flatMap((attributes) => attributes.match(/\bsrc="(\/_next\/static\/[^"]+\.js)"/)?.[1] ?? []);
  return [...new Set(sources)];
}

/**
 * The modules of a Turbopack browser chunk. A chunk is `TURBOPACK.push([script, id, factory, id,
 * factory, ...])`: running it against an empty queue (factories are not called) gives them back.
 * The runtime chunk does something else and yields no modules.
 */
function chunkModules(source: string): ChunkModule[] {
  const context: { TURBOPACK: unknown[] } = { TURBOPACK: [] };
  try {
    runInNewContext(source, context, { timeout: 2000 });
  } catch {
    return [];
  }
  const modules: ChunkModule[] = [];
  for (const pushed of context.TURBOPACK) {
    if (!Array.isArray(pushed)) continue;
    for (let i = 1; i < pushed.length - 1; i++) {
      const [id, factory] = [pushed[i], pushed[i + 1]];
      if (typeof id === 'number' && typeof factory === 'function') modules.push({ id, source: String(factory) });
    }
  }
  return modules;
}

/** Module ids a factory imports: Turbopack compiles imports to calls like `e.i(43476)` or `e.r(43476)`. */
function importsOf(source: string, known: ReadonlyMap<number, unknown>): number[] {
  return [...source.matchAll(/[\w$]\.[a-zA-Z]\((\d+)\)/g)].map((match) => Number(match[1])).filter((id) => known.has(id));
}

function closure(seeds: Iterable<number>, modules: ReadonlyMap<number, ChunkModule>): Set<number> {
  const seen = new Set<number>();
  const queue = [...seeds];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const chunkModule = modules.get(id);
    if (chunkModule) queue.push(...importsOf(chunkModule.source, modules));
  }
  return seen;
}

/** `clientModules` of a page's client reference manifest, by source path. */
function clientModuleIds(distDir: string, page: string): Map<string, number> {
  const file = path.join(distDir, 'server/app', `${page}_client-reference-manifest.js`);
  const text = readFileSync(file, 'utf8');
  const json = text.slice(text.indexOf('= {', text.indexOf(`["${page}"]`)) + 2).replace(/;\s*$/, '');
  const ids = new Map<string, number>();
  for (const [key, value] of Object.entries<{ id?: unknown }>(JSON.parse(json).clientModules ?? {})) {
    // Keys may carry a suffix after the path, such as ` <module evaluation>`.
    if (typeof value.id === 'number') ids.set(key.replace(/ .*$/, ''), value.id);
  }
  return ids;
}

/**
 * Splits a page's first-load JavaScript into the framework (Next.js and React) and our own code.
 * Our code is every module reachable from our client components (the client reference manifest's
 * modules outside node_modules) that nothing of the framework reaches too; the framework is the
 * rest: Next's root main files, the runtime, and the modules of node_modules client components.
 */
export function firstLoadJs(projectDir: string, html: string, page = '/[lang]/blog/[slug]/page'): FirstLoadJs {
  const distDir = path.join(projectDir, '.next');
  const scripts = firstLoadScripts(html).map((src) => src.replace(/^\/_next\//, ''));
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8'));
  if (!Array.isArray(rootMainFiles)) throw new Error('.next/build-manifest.json has no rootMainFiles');

  const modules = new Map<number, ChunkModule>();
  const frameworkSeeds: number[] = [];
  let totalGzip = 0;
  for (const script of scripts) {
    const source = readFileSync(path.join(distDir, script), 'utf8');
    totalGzip += gzipSync(source).length;
    for (const chunkModule of chunkModules(source)) {
      modules.set(chunkModule.id, chunkModule);
      if (rootMainFiles.includes(script)) frameworkSeeds.push(chunkModule.id);
    }
  }

  const ownEntries: number[] = [];
  const ownComponents: string[] = [];
  for (const [sourcePath, id] of clientModuleIds(distDir, page)) {
    if (!modules.has(id)) continue;
    if (sourcePath.includes('/node_modules/')) {
      frameworkSeeds.push(id);
    } else {
      ownEntries.push(id);
      ownComponents.push(sourcePath.replace(/^\[project\]\//, ''));
    }
  }
  const framework = closure(frameworkSeeds, modules);
  const own = [...closure(ownEntries, modules)].filter((id) => !framework.has(id));
  const ownSource = own.map((id) => modules.get(id)?.source ?? '').join('\n');
  const ownGzip = own.length ? gzipSync(ownSource).length : 0;
  return { totalGzip, ownGzip, frameworkGzip: totalGzip - ownGzip, ownComponents: ownComponents.sort() };
}
