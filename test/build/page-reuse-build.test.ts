import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '@/scripts/project-copy';
import { post } from '../fixtures';

// `npm run build` twice over a copy of this project: the second build takes back the pages whose
// reads of the content did not change (lib/content/page-reads.ts), renders the others, and a
// verifying build finds every page it would have taken back the same as the last build's.

const site = path.join(tmpdir(), 'blog-page-reuse-build');

function write(file: string, contents: string): void {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  writeFileSync(path.join(site, file), contents);
}

function build(...args: string[]): string {
  return buildIn(site, ...args);
}

function buildIn(dir: string, ...args: string[]): string {
  // Vitest sets NODE_ENV=test, which Next would otherwise build with.
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1' };
  const result = spawnSync(process.execPath, ['scripts/run.mjs', 'build', ...args], { cwd: dir, env, encoding: 'utf8', timeout: 220_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).toBe(0);
  return output;
}

const page = (file: string) => readFileSync(path.join(site, '.next/server/app', file), 'utf8');
const writtenAt = (file: string) => statSync(path.join(site, '.next/server/app', file)).mtimeMs;

const mesh = (title: string, date: string, body = 'Some text.') => post(`title: ${title}\ndate: ${date}\ntags: [mesh]`, body);

describe('npm run build after an edit', () => {
  beforeAll(() => {
    copyProject(process.cwd(), site);
    write('posts/en/alpha.md', mesh('Alpha', '2024-01-01'));
    write('posts/en/beta.md', mesh('Beta', '2024-02-01'));
    write('posts/en/gamma.md', post('title: Gamma\ndate: 2023-06-01\ntags: [other]'));
    write('posts/zh/alpha.md', mesh('阿尔法', '2024-01-01'));
    build();
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('renders the edited post and the pages that show it, and takes the others back', () => {
    const buildId = readFileSync(path.join(site, '.next/BUILD_ID'), 'utf8');
    const gammaWritten = writtenAt('en/blog/gamma.rsc');
    // Words that are Tailwind classes too (skew-y-3 in no code), and an old URL: content the
    // compilation does not depend on.
    write('posts/en/beta.md', post('title: Beta, retitled\ndate: 2024-02-01\ntags: [mesh]\naliases: [/2024/beta-notes/]', 'Some text.\n\nA paragraph added: the table stays fixed, skew-y-3 in italic.'));
    const output = build();

    // The code is the same: the last compilation is taken back, and the pages read the new content.
    expect(output).toMatch(/next build \(compile\): the site's code, settings and environment are those of the last compilation, taken back from \.next\/cache/);
    expect(output).not.toMatch(/Compiled successfully/);
    const redirects = (JSON.parse(readFileSync(path.join(site, '.next/routes-manifest.json'), 'utf8')) as { redirects: { source: string; destination: string }[] }).redirects;
    expect(redirects).toContainEqual(expect.objectContaining({ source: '/en/2024/beta-notes', destination: '/en/blog/beta' }));

    expect(page('en/blog/beta.html')).toContain('A paragraph added: the table stays fixed, skew-y-3 in italic.');
    // Pinned as the worker wrote it, once; the pages taken back were pinned by the last build.
    expect(page('en/blog/beta.html').match(/<meta http-equiv="Content-Security-Policy" content="[^"]*'sha256-/g)).toHaveLength(1);
    expect(output).toMatch(/Pinned the inline scripts of \d+ pages in \.next\/server\/ by \d+ hashes \([1-9]\d* as the build wrote them, [1-9]\d* unchanged since the last build's pinning\)\./);
    // Alpha shows Beta among its related posts, and the list shows every post.
    expect(page('en/blog/alpha.html')).toContain('Beta, retitled');
    expect(page('en.html')).toContain('Beta, retitled');
    // Gamma (the oldest) shares no tag with Beta and is not next to it: its page is the last build's.
    expect(writtenAt('en/blog/gamma.rsc')).toBe(gammaWritten);
    expect(page('en/blog/gamma.html')).toContain('>Gamma</h1>');
    // The same code builds with the same id, in the pages taken back and those made again.
    expect(readFileSync(path.join(site, '.next/BUILD_ID'), 'utf8')).toBe(buildId);
  });

  it('verifies that every page it would take back is the same as one rendered again', () => {
    write('posts/en/gamma.md', post('title: Gamma\ndate: 2023-06-01\ntags: [other]', 'Other text.'));
    const output = build('--verify-reuse');
    const { checked, differing } = verified(output);
    expect(checked, output).toBeGreaterThan(20);
    expect(differing, output).toBe(0);
    expect(page('en/blog/gamma.html')).toContain('Other text.');
    // Compiled again, the site is the compilation the last build took back.
    const [, compared, different] = /Verified compilation reuse: (\d+) files of the kept compilation, (\d+) different\./.exec(output) ?? [];
    expect(Number(compared), output).toBeGreaterThan(100);
    expect(different, output).toBe('0');
  });

  it('keeps in .next/cache only what later builds can use', () => {
    const cache = path.join(site, '.next/cache');
    // The reads of every page are kept, with the files the page was written to.
    const readsOf = (file: string) =>
      readdirSync(path.join(cache, 'blog-page-reads'))
        .filter((name) => name.endsWith('.json'))
        .find((name) => (JSON.parse(readFileSync(path.join(cache, 'blog-page-reads', name), 'utf8')) as { files: string[] }).files.includes(`app/${file}`));
    const gammaReads = readsOf('en/blog/gamma.html');
    expect(gammaReads).toBeDefined();
    // Compiled bodies made by three earlier versions of the code, the newest last, and one entry
    // from before the cache had a folder per version.
    const mdx = path.join(cache, 'blog-mdx');
    const [current] = readdirSync(mdx);
    const earlier = ['0000000000000001', '0000000000000002', '0000000000000003'];
    earlier.forEach((name, index) => {
      mkdirSync(path.join(mdx, name));
      writeFileSync(path.join(mdx, name, 'entry.json'), '{}');
      const time = new Date(Date.UTC(2024, 0, 1 + index));
      utimesSync(path.join(mdx, name), time, time);
    });
    writeFileSync(path.join(mdx, 'flat-entry.json'), '{}');

    rmSync(path.join(site, 'posts/en/gamma.md'));
    const output = build();

    expect(output).toMatch(/Removed from \.next\/cache: 2 folders and entries of earlier code or settings, the reads of \d+ pages no longer in the site\./);
    expect(existsSync(path.join(cache, 'blog-page-reads', gammaReads!))).toBe(false);
    expect(readsOf('en/blog/gamma.html')).toBeUndefined();
    // The Chinese alpha's page, taken back (it shows nothing of gamma), keeps its reads.
    expect(readsOf('zh/blog/alpha.html')).toBeDefined();
    expect(readdirSync(mdx).sort()).toEqual([current, '0000000000000002', '0000000000000003'].sort());
  });
});

function verified(output: string): { checked: number; differing: number } {
  const [, checked, differing] = /Verified page reuse: (\d+) files of pages whose reads were unchanged, (\d+) different\./.exec(output) ?? [];
  return { checked: Number(checked), differing: Number(differing) };
}

describe('npm run build -- --verify-reuse over the sample site, edited as an author does', () => {
  const sample = path.join(tmpdir(), 'blog-page-reuse-sample');
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(sample, file), change(readFileSync(path.join(sample, file), 'utf8')));

  beforeAll(() => {
    copyProject(process.cwd(), sample);
    // With its content, sections and announcement.
    for (const name of ['posts', 'content', 'site.config.json']) cpSync(path.join(process.cwd(), name), path.join(sample, name), { recursive: true });
    buildIn(sample);
  });
  afterAll(() => rmSync(sample, { recursive: true, force: true }));

  it('finds every page it would take back the same as one rendered again', () => {
    edit('posts/en/grpc-load-balancing.md', (text) => text.replace(/^title: .*$/m, 'title: "gRPC load balancing, retitled"').replace(/^tags: .*$/m, 'tags: ["grpc", "retitled"]'));
    writeFileSync(path.join(sample, 'posts/en/a-new-post.md'), post('title: A new post\ndate: 2024-06-01\ntags: [kubernetes, envoy]', 'Written since the last build.'));
    rmSync(path.join(sample, 'posts/zh/open-source-community-lessons.md'));
    edit('content/en/notice/book-translation-done.md', (text) => `${text}\nOne more line.\n`);
    edit('content/zh/about.md', (text) => `${text}\n又一行。\n`);
    appendFileSync(path.join(sample, 'posts/en/ebpf-observability-primer/cover.jpg'), Buffer.from([0]));
    const output = buildIn(sample, '--verify-reuse');
    const { checked, differing } = verified(output);
    expect(checked, output).toBeGreaterThan(100);
    expect(differing, output).toBe(0);
  });
});
