import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests that run a real `next build` in a temporary copy of the project (npm run test:build).
// The unit tests' config leaves them out: they take a minute, not seconds.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['test/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
