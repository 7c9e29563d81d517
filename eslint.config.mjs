import Module, { createRequire } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';

// The project compiles with TypeScript 7, whose package has no JavaScript API; typescript-eslint
// parses with TypeScript 6's API and refuses 7. TypeScript's side-by-side package provides 6's
// API: in this process (ESLint's, which compiles nothing), `typescript` means that package.
const typescript6 = createRequire(import.meta.url).resolve('@typescript/typescript6');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'typescript' ? typescript6 : request, ...rest);
};
const { default: nextVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTypescript } = await import('eslint-config-next/typescript');

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Body images are <img> on purpose: the content layer makes their sized copies at build time
      // (lib/content/images.ts), which a static export serves without Next's image server.
      '@next/next/no-img-element': 'off',
      // `const { unwanted: _unwanted, ...kept } = value` is how a field is left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Use @/components/link: it leaves prefetching to IntentPrefetch.' }] }],
    },
  },
  { files: ['components/link.tsx'], rules: { 'no-restricted-imports': 'off' } },
  globalIgnores([
    '.next/**',
    'out/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    // Posts, pages and static files are content, not code (a bundle or `public/` may hold an
    // author's .ts or .js download); the fixtures are sites the tests import.
    'posts/**',
    'content/**',
    'public/**',
    'test/fixtures/**',
  ]),
]);
