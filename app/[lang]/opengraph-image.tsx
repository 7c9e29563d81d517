import { ogCardResponse } from '@/lib/og/card-image';
import { OG_IMAGE_SIZE, OG_IMAGE_TYPE, homeCardText } from '@/lib/og/card';
import { langParam, languageParams } from '@/lib/route-params';

// The card of a language's home, which the pages of that language without their own share.
export const dynamicParams = false;
export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_TYPE;

export const generateStaticParams = languageParams;

export default async function Image({ params }: { params: Promise<{ lang: string }> }) {
  return ogCardResponse(homeCardText(langParam((await params).lang)));
}
