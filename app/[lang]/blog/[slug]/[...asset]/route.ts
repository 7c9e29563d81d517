import { bundleFileResponse } from '@/lib/bundle-files';
import { getBundleFile, getPost, getPosts } from '@/lib/content';
import { EXPORT_PLACEHOLDER, langParam, segmentParam, staticParams } from '@/lib/route-params';
import { defaultLang, languages } from '@/lib/site-config';

// A post bundle's own files (images beside index.md), at the post's URL.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  const params = languages.flatMap((lang) => getPosts(lang).flatMap((post) => post.source.assets.map((asset) => ({ lang, slug: post.slug, asset: asset.split('/') }))));
  return staticParams(params, { lang: defaultLang, slug: EXPORT_PLACEHOLDER, asset: [EXPORT_PLACEHOLDER] });
}

export async function GET(_request: Request, { params }: RouteContext<'/[lang]/blog/[slug]/[...asset]'>) {
  const { lang, slug, asset } = await params;
  return bundleFileResponse(getBundleFile(getPost(langParam(lang), segmentParam(slug)), asset.map(segmentParam).join('/')));
}
