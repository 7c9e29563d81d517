import { buildSearchTexts, searchFile, searchFileParams } from '@/lib/search-index';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = searchFileParams;
export const GET = searchFile(buildSearchTexts);
