import { getPosts } from '@/lib/content';
import { langParam } from '@/lib/route-params';
import { buildSearchIndex } from '@/lib/search-index';
import { languages } from '@/lib/site-config';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return languages.map((lang) => ({ lang }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[lang]/search.json'>) {
  const lang = langParam((await params).lang);
  return Response.json(buildSearchIndex(lang, getPosts(lang)));
}
