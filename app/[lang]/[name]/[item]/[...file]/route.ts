import { bundleFileResponse } from '@/lib/bundle-files';
import { getBundleFile, getSectionAt, getSectionItem, getSectionItems, getSections } from '@/lib/content';
import { EXPORT_PLACEHOLDER, langParam, segmentParam, staticParams } from '@/lib/route-params';
import { defaultLang, languages } from '@/lib/site-config';

// A section item's bundle files (images beside index.md), at the item's URL.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  const params = languages.flatMap((lang) =>
    getSections().flatMap((section) =>
      getSectionItems(lang, section.name).flatMap((item) => item.source.assets.map((asset) => ({ lang, name: section.segment, item: item.slug, file: asset.split('/') }))),
    ),
  );
  return staticParams(params, { lang: defaultLang, name: EXPORT_PLACEHOLDER, item: EXPORT_PLACEHOLDER, file: [EXPORT_PLACEHOLDER] });
}

export async function GET(_request: Request, { params }: RouteContext<'/[lang]/[name]/[item]/[...file]'>) {
  const values = await params;
  const lang = langParam(values.lang);
  const section = getSectionAt(segmentParam(values.name));
  const item = section && getSectionItem(lang, section.name, segmentParam(values.item));
  return bundleFileResponse(getBundleFile(item, values.file.map(segmentParam).join('/')));
}
