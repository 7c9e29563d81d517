import type { NextConfig } from 'next';
import { defaultContentOptions, loadContent } from './lib/content/load';
import { siteRedirects } from './lib/content/redirects';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // 60 for page-title banners (dimmed behind text), 75 for everything else.
  images: { qualities: [60, 75] },
  experimental: {
    // The root layout lives in app/[lang]; URLs outside every language need their own 404 page.
    globalNotFound: true,
    // Static generation otherwise uses a single worker on a 2-core machine.
    cpus: 2,
  },
  // Old URLs keep working: post aliases and Hugo's root-language URLs answer with 308 redirects.
  // This reads the posts (nothing is written); a content error fails the build here, loudly.
  redirects: async () => siteRedirects(loadContent(defaultContentOptions())),
};

export default nextConfig;
