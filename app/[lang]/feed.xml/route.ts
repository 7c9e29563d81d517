import { languageFeed, languageFeedParams } from '@/lib/feed-routes';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = languageFeedParams;
export const GET = languageFeed('rss');
