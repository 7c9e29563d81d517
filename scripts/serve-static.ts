/**
 * Serves a static export the way file hosts do (`/a/b` answers with `a/b.html` or
 * `a/b/index.html`, misses with 404.html), for previewing `npm run export` and for its tests.
 *
 *   npx tsx scripts/serve-static.ts [dir=out] [port=3240]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.argv[3] ?? 3240);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function fileFor(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const base = path.join(root, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
  if (!base.startsWith(root)) return undefined;
  const trimmed = base.replace(/[/\\]+$/, '');
  return [base, `${trimmed}.html`, path.join(base, 'index.html')].find((file) => existsSync(file) && statSync(file).isFile());
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const file = fileFor(pathname);
  const status = file ? 200 : 404;
  const served = file ?? path.join(root, '404.html');
  response.writeHead(status, { 'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
  createReadStream(served).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} on http://127.0.0.1:${port}`));
