import { termListRoute } from '../../../_components/term-page';

const route = termListRoute('tags');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
