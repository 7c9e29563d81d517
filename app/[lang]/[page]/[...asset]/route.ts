import { bundleFileParams, bundleFileResponse } from '@/lib/bundle-files';
import { getBundleFile, getPage, getPages } from '@/lib/content';
import { langParam, segmentParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';

// A page bundle's own files (images beside content/<lang>/<page>/index.md), at the page's URL.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return bundleFileParams(languages.flatMap(getPages), 'page');
}

export async function GET(_request: Request, { params }: RouteContext<'/[lang]/[page]/[...asset]'>) {
  const { lang, page, asset } = await params;
  return bundleFileResponse(getBundleFile(getPage(langParam(lang), segmentParam(page)), asset.map(segmentParam).join('/')));
}
