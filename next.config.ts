import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // The root layout lives in app/[lang]; URLs outside every language need their own 404 page.
    globalNotFound: true,
    // Static generation otherwise uses a single worker on a 2-core machine.
    cpus: 2,
  },
};

export default nextConfig;
