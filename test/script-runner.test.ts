import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const runner = path.resolve('scripts/run.mjs');

/** A project with one script that prints what a library module says, and its arguments. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'blog-runner-'));
  mkdirSync(path.join(root, 'scripts'));
  mkdirSync(path.join(root, 'lib'));
  writeFileSync(path.join(root, 'lib/said.ts'), "export const said: string = 'first';\n");
  writeFileSync(
    path.join(root, 'scripts/say.ts'),
    "import { parseArgs } from 'node:util';\nimport { said } from '../lib/said';\n" +
      "const { values } = parseArgs({ options: { loud: { type: 'boolean', default: false } } });\n" +
      'console.log(values.loud ? said.toUpperCase() : said);\n',
  );
  return root;
}

const run = (root: string, ...args: string[]) => execFileSync(process.execPath, [runner, 'say', ...args], { cwd: root, encoding: 'utf8' }).trim();

describe('node scripts/run.mjs (npm run check, import:hugo, urls, new)', () => {
  it('runs the script with its arguments, and runs the edited code after a library file changes', () => {
    const root = project();
    expect(run(root)).toBe('first');
    expect(run(root, '--loud')).toBe('FIRST');
    writeFileSync(path.join(root, 'lib/said.ts'), "export const said: string = 'second, after an edit';\n");
    expect(run(root)).toBe('second, after an edit');
  });

  it('a file the script imports that cannot be read (a broken site.config.json) is named with its line, and no stack trace', () => {
    const root = project();
    writeFileSync(path.join(root, 'site.config.json'), '{\n  "title": "A blog",\n');
    writeFileSync(path.join(root, 'lib/said.ts'), "import settings from '../site.config.json';\nexport const said: string = settings.title;\n");
    const result = spawnSync(process.execPath, [runner, 'say'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/site\.config\.json:3:0:/);
    expect(result.stderr).toMatch(/ERROR\] Expected string in JSON but found end of file/);
    expect(result.stderr).toMatch(/say: stopped before it ran: fix the file named above, then run it again\./);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('names the script it cannot find', () => {
    const root = project();
    expect(() => execFileSync(process.execPath, [runner, 'nothing'], { cwd: root, encoding: 'utf8', stdio: 'pipe' })).toThrow(/scripts\/nothing\.ts/);
  });

  it("npm run check: a mistyped option is named, with how to run the command, and no stack trace", () => {
    const result = spawnSync(process.execPath, [runner, 'check', '--stict'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("Unknown option '--stict'\nusage: npm run check [-- --strict] [--all]");
    const help = spawnSync(process.execPath, [runner, 'check', '--help'], { encoding: 'utf8' });
    expect([help.status, help.stdout.trim()]).toEqual([0, 'usage: npm run check [-- --strict] [--all]']);
  });

  it("npm run build's first step: a post that cannot be read stops it with the file and line, and no stack trace", () => {
    const site = mkdtempSync(path.join(tmpdir(), 'blog-broken-build-'));
    mkdirSync(path.join(site, 'posts/en'), { recursive: true });
    writeFileSync(path.join(site, 'posts/en/broken.mdx'), '---\ntitle: Broken\ndate: 2024-01-01\n---\n\nHello {oops\n');
    const env = { ...process.env, NODE_ENV: 'production' as const, BLOG_POSTS_DIR: path.join(site, 'posts'), BLOG_PAGES_DIR: path.join(site, 'content'), BLOG_CACHE_DIR: path.join(site, 'cache') };
    const result = spawnSync(process.execPath, [runner, 'image-copies'], { encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Content has 1 problem:\n {2}- \S*posts\/en\/broken\.mdx:6: cannot be parsed \(Unexpected end of file in expression/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // A fresh checkout bundles the step's script first: seconds, more on a busy machine.
  }, 60_000);
});
