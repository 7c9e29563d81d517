import { getContentVersion } from '@/lib/content';

// `next dev` only: the content fingerprint that ContentRefresher polls to reload the open page
// when a post or a bundle image is saved. A production build answers 404.
export const dynamic = 'force-static';

export function GET() {
  if (process.env.NODE_ENV !== 'development') return new Response('Not found', { status: 404 });
  return Response.json({ version: getContentVersion() }, { headers: { 'Cache-Control': 'no-store' } });
}
