import { languageFeed } from '@/lib/feed-routes';
import { languageParams } from '@/lib/route-params';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = languageParams;
export const GET = languageFeed('rss');
