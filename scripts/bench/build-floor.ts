/**
 * The floor a build's time is compared with (issue 13): a bare Next.js app with the same number
 * of prerendered outputs as the site, each a trivial page (a heading and a paragraph under a root
 * layout), built with the site's build settings (next.config.ts: two static-generation workers,
 * Turbopack's build cache off). What Next.js itself costs per output, with none of the site's
 * content, components or image copies.
 *
 *   npm run bench:floor -- --outputs 2063     cold build, then a rebuild with .next kept
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nextBuild, nextEnv, type BuildResult } from './next-process';

const CONFIG = `export default {
  poweredByHeader: false,
  // Turbopack reads only below its root: the linked node_modules is outside this folder.
  turbopack: { root: '/' },
  experimental: { cpus: 2, turbopackFileSystemCacheForBuild: false },
};
`;

const LAYOUT = `export default async function Layout({ children, params }) {
  const { lang } = await params;
  return (<html lang={lang}><body>{children}</body></html>);
}
`;

const PAGE = `import { readFileSync } from 'node:fs';
import path from 'node:path';

const COUNT = OUTPUTS;

export const dynamicParams = false;

export function generateStaticParams() {
  return Array.from({ length: COUNT }, (_, index) => ({ lang: index % 2 ? 'zh' : 'en', slug: 'post-' + index }));
}

export default async function Page({ params }) {
  const { slug } = await params;
  // Read at build time, as the site reads its posts: an edit to it is the floor's "one edit".
  const text = readFileSync(path.join(process.cwd(), 'text.txt'), 'utf8');
  return (<main><h1>{slug}</h1><p>{text}</p></main>);
}
`;

/** Writes the floor app with `outputs` prerendered pages into `dir`, using the project's node_modules. */
export function writeBuildFloorApp(dir: string, projectDir: string, outputs: number): void {
  const route = path.join(dir, 'app', '[lang]', '[slug]');
  mkdirSync(route, { recursive: true });
  symlinkSync(path.join(projectDir, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  writeFileSync(path.join(dir, 'next.config.mjs'), CONFIG);
  writeFileSync(path.join(dir, 'text.txt'), 'A trivial page of the floor app.\n');
  writeFileSync(path.join(dir, 'app', '[lang]', 'layout.jsx'), LAYOUT);
  writeFileSync(path.join(route, 'page.jsx'), PAGE.replace('OUTPUTS', String(outputs)));
}

/** The floor's "one edit": the text every page shows. */
export function editFloorApp(dir: string): void {
  writeFileSync(path.join(dir, 'text.txt'), `A trivial page of the floor app, edited at ${new Date().toISOString()}.\n`);
}

/** The floor for `outputs` prerendered outputs, built in `workDir`: a cold build and a rebuild after one edit. */
export async function measureBuildFloor(workDir: string, projectDir: string, outputs: number): Promise<{ cold: BuildResult; rebuild: BuildResult }> {
  const dir = path.join(workDir, `floor-${outputs}`);
  writeBuildFloorApp(dir, projectDir, outputs);
  try {
    const log = path.join(workDir, `floor-${outputs}.log`);
    const cold = await nextBuild(dir, nextEnv(), log, { plainNext: true });
    editFloorApp(dir);
    return { cold, rebuild: await nextBuild(dir, nextEnv(), log, { plainNext: true }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line for a measured floor, as the bench scripts print it. */
export function floorLine({ cold, rebuild }: { cold: BuildResult; rebuild: BuildResult }): string {
  const peakMb = (cold.peakRssBytes / 1024 ** 2).toFixed(0);
  return `floor, ${cold.prerendered} trivial pages: cold build ${cold.seconds.toFixed(1)} s (CPU ${cold.cpuSeconds.toFixed(1)} s, peak RSS ${peakMb} MB), rebuild after one edit ${rebuild.seconds.toFixed(1)} s`;
}
