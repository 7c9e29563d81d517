import { termFeed, termFeedParams } from '@/lib/feed-routes';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = () => termFeedParams('categories');
export const GET = termFeed('categories', 'rss');
