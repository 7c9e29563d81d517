import { ogCardResponse } from '@/lib/og/card-image';
import { OG_IMAGE_SIZE, OG_IMAGE_TYPE, postCardText } from '@/lib/og/card';
import { postFromParams, postParams } from '@/lib/route-params';

export const dynamicParams = false;
export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_TYPE;
export const generateStaticParams = postParams;

export default async function Image({ params }: { params: Promise<{ lang: string; slug: string }> }) {
  return ogCardResponse(postCardText(await postFromParams(params)));
}
