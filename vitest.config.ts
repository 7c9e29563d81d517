import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests run the content layer directly.
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Real `next build`s, run by vitest.build.config.ts.
    exclude: ['test/build/**'],
    environment: 'node',
    globalSetup: ['test/temp-dir-setup.ts'],
  },
});
