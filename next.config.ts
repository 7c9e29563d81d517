import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { siteCodeBuildId } from './lib/build-id';
import { configRedirects } from './lib/content/redirects';
import { securityHeaders } from './lib/security-policy';
import { CACHE_FOREVER } from './lib/cache-control';
import { IMAGE_VARIANT_FOLDER, imageVariantPath, OG_IMAGE_FILE, OG_IMAGE_ROUTE } from './lib/urls';

// `npm run export` builds a static site into out/ for any file host: old URLs become redirect
// pages (scripts/export-redirects.ts) instead of 308 answers.
const staticExport = process.env.BLOG_STATIC_EXPORT === '1';

const development = process.env.NODE_ENV === 'development';

const nextConfig: NextConfig = {
  output: staticExport ? 'export' : undefined,
  // Files named `*.dev.ts` are routes in `next dev` only: the image copies' route makes copies on
  // request there, and a build writes them as files instead (lib/image-copies.ts).
  pageExtensions: development ? ['dev.ts', 'tsx', 'ts', 'jsx', 'js'] : ['tsx', 'ts', 'jsx', 'js'],
  // With output: 'export', distDir is where the site is written. Next still builds in .next, so an
  // export replaces the build that `next start` serves: run `npm run build` again after it.
  distDir: staticExport ? 'out' : '.next',
  poweredByHeader: false,
  // The same code builds with the same id, so that a page taken back from the last build
  // (lib/content/page-reads.ts) matches the pages rendered again (lib/build-id.ts).
  generateBuildId: async () => siteCodeBuildId(),
  // The content pipeline's libraries run on the server only, as Node loads them: bundling them made
  // `next dev` compile for 16 s before the first page (cold .next; 8.5 s with these left out).
  // Next.js already leaves out shiki, sharp and next-mdx-remote.
  serverExternalPackages: [
    '@mdx-js/mdx',
    // A native module (the OpenGraph cards' renderer), loaded as Node loads it.
    '@takumi-rs/core',
    '@takumi-rs/helpers',
    'beautiful-mermaid',
    'gray-matter',
    'hast-util-from-html',
    'hast-util-to-html',
    'hast-util-to-string',
    'image-size',
    'js-yaml',
    'mdast-util-mdx-jsx',
    'mdast-util-to-string',
    'rehype-pretty-code',
    'rehype-raw',
    'rehype-slug',
    'remark-gfm',
    'remark-mdx',
    'remark-parse',
    'remark-rehype',
    'smol-toml',
    'unified',
    'unist-util-visit',
    'zod',
  ],
  // Next.js hashes the whole page for an ETag on every request: a fifth of the server's time on a
  // prerendered post (measured with --cpu-prof). Pages change only with a deploy, and a CDN in
  // front caches them by s-maxage; without ETags a returning reader gets a 200 (about 13 KB
  // gzipped) instead of a 304.
  generateEtags: false,
  // Images get their responsive copies at build time (lib/image-copies.ts): no image server.
  images: { unoptimized: true },
  experimental: {
    // The root layout lives in app/[lang]; URLs outside every language need their own 404 page.
    globalNotFound: true,
    // Static generation otherwise uses a single worker on a 2-core machine.
    cpus: 2,
    // Turbopack's own cache between builds (on by default in 16.4) stays off: a build of
    // unchanged code takes the last compilation back whole (scripts/kept-compilation.ts), and
    // writing the cache cost every cold build 2-8 s of its compile step (1,000 posts, side by
    // side) and 58 MB of .next/cache on jimmysong.io, to save 6-7 s of a build after a code change.
    turbopackFileSystemCacheForBuild: false,
    // Next 16 measures every prerendered page's segments (gzip sizes) to inline the small ones
    // into one prefetch answer. That measuring was 11 % of a rebuild of 1000 posts (40.8 s against
    // 36.2 s without, twice each); without it a page prefetched on hover comes in about five
    // small requests instead of two or three, the same bytes, and the click is as fast
    // (docs/benchmarks.md).
    prefetchInlining: false,
  },
  // Old URLs keep working: post aliases and Hugo's root-language URLs answer with 308 redirects.
  // This reads the posts' front matter (nothing is written); content problems are reported when
  // the pages read the content.
  redirects: staticExport ? undefined : async () => configRedirects(),
  // Pages link their OpenGraph card with a `.png` name, which the static export writes (see ogImagePath).
  rewrites: staticExport
    ? undefined
    : async () => [{ source: `/:path*/${OG_IMAGE_FILE}`, destination: `/:path*/${OG_IMAGE_ROUTE}` }],
  // `next dev` needs eval for fast refresh: the policy applies to production servers only. The
  // image copies are files in public/_img (written by npm run build), which Next.js would send
  // with `max-age=0`: their names change whenever the picture does.
  headers:
    staticExport || process.env.NODE_ENV !== 'production'
      ? undefined
      : async () => [
          { source: '/:path*', headers: securityHeaders() },
          { source: imageVariantPath(':file'), headers: [{ key: 'Cache-Control', value: CACHE_FOREVER }] },
        ],
};

export default function config(phase: string): NextConfig {
  // A bare `next build` (a host told to run it rather than `npm run build`) would name image
  // copies that were never written, and readers would see broken pictures.
  // Next.js reads this file more than once a build: say it once (the later readers inherit the variable).
  if (phase === PHASE_PRODUCTION_BUILD && !existsSync(path.join('public', IMAGE_VARIANT_FOLDER)) && !process.env.BLOG_SAID_NO_IMAGE_COPIES) {
    process.env.BLOG_SAID_NO_IMAGE_COPIES = '1';
    console.warn(
      `public/${IMAGE_VARIANT_FOLDER} is missing: the pages will name image copies that were not written. ` +
        'Build with `npm run build` (or `npm run export`), which writes them before next build.',
    );
  }
  return nextConfig;
}
