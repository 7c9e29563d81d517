import { taxonomyRoute } from '../_components/taxonomy-page';

const route = taxonomyRoute('categories');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
