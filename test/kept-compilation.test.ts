import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSite } from './fixtures';
import { compareWithKeptCompilation, compilationKey, keepCompilation, keptCompilationKey, restoreCompilation } from '../scripts/kept-compilation';

// A build takes the last compilation back instead of compiling (scripts/build.ts) when its key is
// the same: the key must change with everything the compilation is made from, and the taken-back
// compilation must be .next as the compile step left it.
describe('the compilation kept between builds', () => {
  let project: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  };
  const read = (file: string) => readFileSync(path.join(project, file), 'utf8');

  beforeEach(() => {
    project = makeSite({
      'package.json': '{"name":"site"}',
      'app/page.tsx': 'export default function Page() { return null; }',
      'lib/site.ts': 'export const title = "A";',
      'posts/en/hello.md': '# Hello',
      'content/en/about.md': '# About',
      '.gitignore': 'node_modules/\n.env*.local\n',
    });
  });
  afterEach(() => vi.unstubAllEnvs());

  it('is keyed by the code, the env files and the environment, not by the content', () => {
    const before = compilationKey(project);
    write('posts/en/hello.md', '# Hello, edited');
    write('content/en/about.md', '# About, edited');
    write('public/photo.png', 'png');
    vi.stubEnv('NEXT_TELEMETRY_DISABLED', '1');
    expect(compilationKey(project)).toBe(before);

    write('lib/site.ts', 'export const title = "B";');
    const edited = compilationKey(project);
    expect(edited).not.toBe(before);
    // Next.js loads .env.local, which .gitignore leaves out of the build id.
    write('.env.local', 'NEXT_PUBLIC_ANALYTICS=on');
    const withEnvFile = compilationKey(project);
    expect(withEnvFile).not.toBe(edited);
    vi.stubEnv('NEXT_PUBLIC_SITE_URL', 'https://example.org');
    const withVariable = compilationKey(project);
    expect(withVariable).not.toBe(withEnvFile);
    vi.stubEnv('BLOG_STATIC_EXPORT', '1');
    expect(compilationKey(project)).not.toBe(withVariable);
  });

  it('puts .next back as the compile step left it, keeping caches and logs, and is never changed through it', () => {
    write('.next/BUILD_ID', 'id');
    write('.next/server/chunks/page.js', 'compiled();');
    write('.next/routes-manifest.json', '{"redirects":[]}');
    write('.next/static/chunks/app.js', 'client();');
    mkdirSync(path.join(project, '.next/node_modules'), { recursive: true });
    symlinkSync('../../node_modules/gray-matter', path.join(project, '.next/node_modules/gray-matter-5314f979'));
    write('.next/cache/blog-mdx/entry.json', '{}');
    write('.next/trace', 'compile trace');
    expect(keptCompilationKey(project)).toBeUndefined();
    keepCompilation(project, 'key-1');
    expect(keptCompilationKey(project)).toBe('key-1');

    // The pages' step then writes its own files, and rewrites some of the compile's in place.
    write('.next/prerender-manifest.json', '{"routes":{"/en":{}}}');
    write('.next/routes-manifest.json', '{"redirects":[{"source":"/old"}]}');
    write('.next/server/app/en.html', '<p>a page</p>');
    write('.next/trace', 'pages trace');

    expect(restoreCompilation(project)).toBe(5);
    expect(read('.next/routes-manifest.json')).toBe('{"redirects":[]}');
    expect(read('.next/server/chunks/page.js')).toBe('compiled();');
    expect(read('.next/static/chunks/app.js')).toBe('client();');
    expect(existsSync(path.join(project, '.next/prerender-manifest.json'))).toBe(false);
    expect(existsSync(path.join(project, '.next/server/app/en.html'))).toBe(false);
    expect(lstatSync(path.join(project, '.next/node_modules/gray-matter-5314f979')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(project, '.next/node_modules/gray-matter-5314f979'))).toBe('../../node_modules/gray-matter');
    expect(read('.next/cache/blog-mdx/entry.json')).toBe('{}');
    expect(read('.next/trace')).toBe('pages trace');

    // A file of .next rewritten after it was put back leaves the kept one as it was.
    write('.next/routes-manifest.json', '{"redirects":[{"source":"/newer"}]}');
    restoreCompilation(project);
    expect(read('.next/routes-manifest.json')).toBe('{"redirects":[]}');
  });

  it('is not taken back when its files are gone, whatever its key says', () => {
    write('.next/BUILD_ID', 'id');
    keepCompilation(project, 'key-1');
    rmSync(path.join(project, '.next/cache/blog-compilation/next'), { recursive: true });
    expect(keptCompilationKey(project)).toBeUndefined();
  });

  it('names each file in which a fresh compilation differs from the kept one', () => {
    write('.next/BUILD_ID', 'id');
    write('.next/server/chunks/page.js', 'compiled();');
    write('.next/server/chunks/gone.js', 'old();');
    write('.next/server/server-reference-manifest.json', '{"encryptionKey":"random-1"}');
    keepCompilation(project, 'key-1');
    expect(compareWithKeptCompilation(project)).toEqual({ compared: 3, differing: [] });

    write('.next/server/chunks/page.js', 'compiled differently();');
    write('.next/server/chunks/new.js', 'new();');
    write('.next/server/server-reference-manifest.json', '{"encryptionKey":"random-2"}');
    rmSync(path.join(project, '.next/server/chunks/gone.js'));
    expect(compareWithKeptCompilation(project).differing).toEqual(['server/chunks/gone.js', 'server/chunks/new.js', 'server/chunks/page.js']);
  });
});
