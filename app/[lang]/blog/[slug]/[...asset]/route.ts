import { bundleFileResponse } from '@/lib/bundle-files';
import { getBundleFile, getPost, getPosts } from '@/lib/content';
import { langParam, segmentParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';

// A post bundle's own files (images beside index.md), at the post's URL.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) => getPosts(lang).flatMap((post) => post.source.assets.map((asset) => ({ lang, slug: post.slug, asset: asset.split('/') }))));
}

export async function GET(_request: Request, { params }: RouteContext<'/[lang]/blog/[slug]/[...asset]'>) {
  const { lang, slug, asset } = await params;
  return bundleFileResponse(getBundleFile(getPost(langParam(lang), segmentParam(slug)), asset.map(segmentParam).join('/')));
}
