import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// A bundle's own files (images beside index.md), served beside its post or page as Hugo serves them.

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

/** The answer for a bundle file, or a 404 when there is no such file. */
export async function bundleFileResponse(file: string | undefined): Promise<Response> {
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
