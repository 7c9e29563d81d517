import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getPostAssetFile, getPosts } from '@/lib/content';
import { langParam, segmentParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';

// A bundle's own files (images beside index.md), served at the post's URL as Hugo serves them.
export const dynamic = 'force-static';
export const dynamicParams = false;

const CONTENT_TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
};

export function generateStaticParams() {
  return languages.flatMap((lang) =>
    getPosts(lang).flatMap((post) =>
      post.source.assets.map((asset) => ({ lang, slug: post.slug, asset: asset.split('/') })),
    ),
  );
}

export async function GET(_request: Request, { params }: RouteContext<'/[lang]/blog/[slug]/[...asset]'>) {
  const { lang, slug, asset } = await params;
  const file = getPostAssetFile(langParam(lang), segmentParam(slug), asset.map(segmentParam).join('/'));
  if (!file) return new Response('Not found', { status: 404 });
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(new Uint8Array(await readFile(file)), {
    headers: {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      ...(type === 'image/svg+xml' ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } : {}),
    },
  });
}
