import { getImageVariant, getImageVariantFileNames } from '@/lib/content';
import { VARIANT_FORMATS } from '@/lib/content/image-variants';
import { renderImageCopies } from '@/lib/image-variant-render';

// The responsive copies of local images (`/_img/<key>-<width>.<format>`) in `next dev` only (a
// `.dev.ts` route, see next.config.ts), made on request. `npm run build` writes them to
// public/_img before `next build` instead (lib/image-copies.ts). The folder is `%5Fimg` because a
// folder whose name starts with `_` is private to the App Router.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getImageVariantFileNames().map((variant) => ({ variant }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ variant: string }> }) {
  const { variant: name } = await params;
  const variant = getImageVariant(name);
  if (!variant) return new Response('Not found', { status: 404 });
  const type = VARIANT_FORMATS.find(({ format }) => format === variant.format)?.type ?? 'application/octet-stream';
  const copies = await renderImageCopies(variant.file, [variant.width], variant.format);
  return new Response(copies.get(variant.width), {
    headers: {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      // In `next dev` a name can outlive its picture (see devVariantSource): never keep those.
      'Cache-Control': 'no-store',
    },
  });
}
