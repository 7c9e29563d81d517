import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { siteCodeBuildId } from '@/lib/build-id';

// The build id decides whether the pages of the last build can be taken back (a different id
// renders every page again), so what changes it must be the site's code and nothing else.
describe('the build id made from the site code', () => {
  let project: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  };

  beforeEach(() => {
    project = mkdtempSync(path.join(tmpdir(), 'blog-build-id-'));
    write('package.json', '{"name":"site"}');
    write('app/page.tsx', 'export default function Page() { return null; }');
    write('lib/site.ts', 'export const title = "A";');
    write('posts/en/hello.md', '# Hello');
    write('content/en/about.md', '# About');
    write('.gitignore', 'node_modules/\n/drafts-notes/\n*.tmp\n');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('changes with the code and the environment the pages are built with', () => {
    const before = siteCodeBuildId(project);
    expect(siteCodeBuildId(project)).toBe(before);
    write('lib/site.ts', 'export const title = "B";');
    const edited = siteCodeBuildId(project);
    expect(edited).not.toBe(before);
    write('components/new-card.tsx', 'export function Card() { return null; }');
    expect(siteCodeBuildId(project)).not.toBe(edited);
    const withCard = siteCodeBuildId(project);
    vi.stubEnv('NEXT_PUBLIC_SITE_URL', 'https://example.org');
    expect(siteCodeBuildId(project)).not.toBe(withCard);
  });

  it('stays the same when content, logs or files the project does not commit change', () => {
    const before = siteCodeBuildId(project);
    write('posts/en/hello.md', '# Hello again');
    write('content/en/about.md', '# About me');
    write('public/photo.png', 'png');
    write('.next/cache/entry.json', '{}');
    // `npm run build > build.log`: the log changes while the build runs.
    write('build.log', 'Generating static pages');
    write('logs/dev.log', 'ready');
    write('drafts-notes/todo.md', 'later');
    write('lib/site.ts.tmp', 'half-saved');
    write('.DS_Store', 'finder');
    expect(siteCodeBuildId(project)).toBe(before);
  });

  it('follows a change to the .gitignore itself, which is code', () => {
    const before = siteCodeBuildId(project);
    write('.gitignore', 'node_modules/\n');
    expect(siteCodeBuildId(project)).not.toBe(before);
  });
});
