import { buildSearchIndex, searchFile } from '@/lib/search-index';
import { languageParams } from '@/lib/route-params';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = languageParams;
export const GET = searchFile(buildSearchIndex);
