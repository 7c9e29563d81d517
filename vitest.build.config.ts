import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests that run a real `next build` in a temporary copy of the project (npm run test:build).
// The unit tests' config leaves them out: they take a minute, not seconds.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['test/build/**/*.test.ts'],
    // Each run builds its sites in its own temporary folder: two runs on one machine (a CI job
    // beside an author's) removed each other's sites mid-build when they shared /tmp's names.
    globalSetup: ['test/temp-dir-setup.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
