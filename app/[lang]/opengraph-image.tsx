import { ogCardResponse } from '@/components/og-card';
import { OG_IMAGE_SIZE, OG_IMAGE_TYPE, homeCardText } from '@/lib/og/card';
import { langParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';

// The card of a language's home, which the pages of that language without their own share.
export const dynamicParams = false;
export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_TYPE;

export function generateStaticParams() {
  return languages.map((lang) => ({ lang }));
}

export default async function Image({ params }: { params: Promise<{ lang: string }> }) {
  return ogCardResponse(homeCardText(langParam((await params).lang)));
}
