import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readContent } from '@/lib/content/load';
import { makeSite, optionsFor, post } from './fixtures';

function git(root: string, args: string[], date?: string) {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };
  execFileSync('git', args, { cwd: root, env: date ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : env, stdio: 'pipe' });
}

/** A site in a git repository: two posts added, then one edited; a third with its own lastmod. */
function siteWithHistory(): string {
  const root = makeSite({
    'posts/en/edited.md': post('title: Edited\ndate: 2024-01-01'),
    'posts/en/untouched.md': post('title: Untouched\ndate: 2024-01-02'),
    'posts/en/own-lastmod.md': post('title: Own\ndate: 2024-01-03\nlastmod: 2024-02-01'),
  });
  git(root, ['init', '-q']);
  git(root, ['add', '.']);
  git(root, ['commit', '-qm', 'import'], '2025-03-01T10:00:00+08:00');
  writeFileSync(path.join(root, 'posts/en/edited.md'), post('title: Edited\ndate: 2024-01-01', 'Edited body.'));
  writeFileSync(path.join(root, 'posts/en/own-lastmod.md'), post('title: Own\ndate: 2024-01-03\nlastmod: 2024-02-01', 'Edited too.'));
  git(root, ['commit', '-qam', 'edit'], '2025-06-15T09:30:00+02:00');
  return root;
}

const bySlug = (root: string, gitDates = true) =>
  Object.fromEntries(readContent(optionsFor(root, { gitDates })).content.posts.en.map((entry) => [entry.slug, entry]));

describe('last-modified dates from git (Hugo enableGitInfo)', () => {
  it("a post without lastmod takes its file's last change; a file only added has none; front matter wins", () => {
    const posts = bySlug(siteWithHistory());
    expect(posts.edited?.lastmod?.written).toBe('2025-06-15T09:30:00+02:00');
    expect(posts.edited?.lastmod).toMatchObject({ year: 2025, month: 6, day: 15 });
    // Added once (an import is such a commit) is not "updated".
    expect(posts.untouched?.lastmod).toBeUndefined();
    expect(posts['own-lastmod']?.lastmod?.written).toBe('2024-02-01');
    expect(bySlug(siteWithHistory(), false).edited?.lastmod).toBeUndefined();
  });

  it('are kept between processes by the commit they were read at: a new commit is read anew', async () => {
    const root = siteWithHistory();
    const postsDir = path.join(root, 'posts');
    const inNewProcess = async () => {
      vi.resetModules();
      return (await import('@/lib/content/git-dates')).gitDatesUnder([postsDir]).changed;
    };
    expect((await inNewProcess()).get(path.join(postsDir, 'en/edited.md'))?.written).toBe('2025-06-15T09:30:00+02:00');
    writeFileSync(path.join(postsDir, 'en/untouched.md'), post('title: Untouched\ndate: 2024-01-02', 'Touched at last.'));
    git(root, ['commit', '-qam', 'touch'], '2025-07-01T08:00:00+00:00');
    const changed = await inNewProcess();
    expect(changed.get(path.join(postsDir, 'en/untouched.md'))?.written).toBe('2025-07-01T08:00:00+00:00');
    expect(changed.get(path.join(postsDir, 'en/edited.md'))?.written).toBe('2025-06-15T09:30:00+02:00');
  });

  it('a shallow clone and a folder outside git fall back to front matter, saying so once', () => {
    const origin = siteWithHistory();
    const clone = path.join(mkdtempSync(path.join(tmpdir(), 'blog-shallow-')), 'site');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone], { stdio: 'pipe' });
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => void logged.push(line);
    try {
      expect(bySlug(clone).edited?.lastmod).toBeUndefined();
      expect(bySlug(makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') })).a?.lastmod).toBeUndefined();
    } finally {
      console.log = log;
    }
    expect(logged).toEqual([
      expect.stringMatching(/^Last-modified dates come from front matter only: this is a shallow clone/),
      expect.stringMatching(/^Last-modified dates come from front matter only: .* is not in a git checkout\.$/),
    ]);
  });
});

describe('the checkout read from its files, without starting git', () => {
  // The dates are cached by HEAD: a HEAD read wrong would serve the dates of another commit.
  const revParse = (dir: string) => {
    const run = (args: string[]) => {
      try {
        return execFileSync('git', args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' }).trim().split('\n');
      } catch {
        return undefined;
      }
    };
    const [root, shallow, head] = run(['rev-parse', '--show-toplevel', '--is-shallow-repository', 'HEAD']) ?? run(['rev-parse', '--show-toplevel', '--is-shallow-repository']) ?? [];
    return { root, shallow: root ? shallow === 'true' : undefined, head };
  };
  const read = async (dir: string) => {
    const { root, shallow, head } = (await import('@/lib/content/git-dates')).checkoutOf(dir);
    return { root, shallow: root ? shallow : undefined, head };
  };

  it('agrees with git rev-parse: branch, packed refs, detached HEAD, worktree, shallow clone, no commit, no checkout', async () => {
    const root = siteWithHistory();
    const posts = path.join(root, 'posts/en');
    const layouts: string[] = [posts];
    expect(await read(posts)).toEqual(revParse(posts));

    git(root, ['pack-refs', '--all']);
    expect(await read(posts)).toEqual(revParse(posts));

    git(root, ['checkout', '-q', '--detach', 'HEAD~1']);
    expect(await read(posts)).toEqual(revParse(posts));
    git(root, ['checkout', '-q', '-']);

    const worktree = path.join(mkdtempSync(path.join(tmpdir(), 'blog-worktree-')), 'tree');
    git(root, ['worktree', 'add', '-q', '-b', 'other', worktree]);
    writeFileSync(path.join(worktree, 'posts/en/edited.md'), post('title: Edited\ndate: 2024-01-01', 'In the worktree.'));
    git(worktree, ['commit', '-qam', 'worktree edit'], '2025-08-01T00:00:00Z');
    layouts.push(path.join(worktree, 'posts'));

    const clone = path.join(mkdtempSync(path.join(tmpdir(), 'blog-shallow-')), 'site');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone], { stdio: 'pipe' });
    layouts.push(clone);

    const empty = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') });
    git(empty, ['init', '-q']);
    layouts.push(empty);
    layouts.push(makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') }));

    for (const dir of layouts) expect({ dir, ...(await read(dir)) }).toEqual({ dir, ...revParse(dir) });
  });
});
