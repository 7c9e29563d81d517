import { sectionFeed, sectionFeedParams } from '@/lib/feed-routes';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = sectionFeedParams;
export const GET = sectionFeed('json');
