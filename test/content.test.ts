import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, formatProblem } from '@/lib/content/errors';
import { readContent } from '@/lib/content/load';
import { TINY_PNG, load, makeSite, optionsFor, post, thrown } from './fixtures';

const title = (t: string, extra = '') => post(`title: "${t}"\ndate: 2024-01-01\n${extra}`);

describe('discovery', () => {
  it('finds files, bundles and section folders, and skips _ files', () => {
    const content = load({
      'posts/en/plain.md': title('Plain'),
      'posts/en/mdx-post.mdx': title('MDX'),
      'posts/en/bundle/index.md': title('Bundle'),
      'posts/en/bundle/images/a.png': TINY_PNG,
      'posts/en/2020/nested.md': title('Nested'),
      'posts/en/_index.md': title('Section page'),
      'posts/en/_drafts/skipped.md': title('Skipped'),
      'posts/zh/plain.md': title('中文'),
    });
    expect(content.posts.en.map((p) => p.slug).sort()).toEqual(['bundle', 'mdx-post', 'nested', 'plain']);
    const bundle = content.posts.en.find((p) => p.slug === 'bundle');
    expect(bundle?.source.assets).toEqual(['images/a.png']);
    expect(content.posts.en.find((p) => p.slug === 'mdx-post')?.source.format).toBe('mdx');
    expect(content.posts.zh.map((p) => p.title)).toEqual(['中文']);
  });

  it('refuses a folder that is not a configured language', () => {
    const error = thrown(() => load({ 'posts/fr/bonjour.md': title('Bonjour') }));
    expect(error.message).toMatch(/posts\/fr: folder "fr" is not a configured language \(en, zh\)/);
  });
});

describe('front matter validation', () => {
  it('lists every invalid post in one error, naming file, line, field and the fix', () => {
    const error = thrown(() =>
      load({
        'posts/en/no-title.md': post('title: "No tags"\ndate: 2024-01-01\ntags: [a, ""]'),
        'posts/en/bad-date.md': post('title: "Bad date"\ndate: 2020-13-45'),
        'posts/en/bad-draft.md': post('title: "Bad draft"\ndate: 2024-01-01\ndraft: [yes]'),
        'posts/zh/bad-yaml.md': post('title: "unclosed\ndate: 2024-01-01'),
        'posts/en/fine.md': title('Fine'),
      }),
    );
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems).toHaveLength(4);
    expect(error.message).toContain('Content has 4 problems');
    expect(error.message).toContain('no-title.md:4: tags: entry 2 is empty: remove it or fill it in');
    expect(error.message).toContain(
      'bad-date.md:3: date: "2020-13-45" is not a valid date: write a date such as 2020-08-31 or 2020-08-31T08:27:17+08:00',
    );
    expect(error.message).toContain('bad-draft.md:4: draft: must be true or false (without quotes), e.g. draft: true');
    expect(error.message).toMatch(/bad-yaml\.md:3: front matter is not valid YAML/);
  });

  it('says a date written as a number must be a date', () => {
    const error = thrown(() => load({ 'posts/en/x.md': post('title: X\ndate: 2020') }));
    expect(error.message).toContain('x.md:3: date: must be a date such as 2020-08-31');
  });

  it('explains a file without front matter', () => {
    const error = thrown(() => load({ 'posts/en/empty.md': 'Just text' }));
    expect(error.message).toContain('empty.md:1: has no front matter');
  });

  it('keeps unknown keys and accepts Hugo spellings', () => {
    const content = load({
      'posts/en/hugo.md': post(
        'title: Hugo\ndate: 2020-08-31T08:27:17+08:00\ndescription : "Spaced colon"\ncategories: private\ntags: [a, b, a]\naliases: /old/\nweight: 3\ntoc: true\ndescriptionn: typo',
      ),
    });
    const [hugo] = content.posts.en;
    expect(hugo?.description).toBe('Spaced colon');
    expect(hugo?.categories.map((c) => c.name)).toEqual(['private']);
    expect(hugo?.tags.map((t) => t.name)).toEqual(['a', 'b']);
    expect(hugo?.aliases).toEqual(['/old/']);
  });

  it('refuses empty entries in a term list', () => {
    const error = thrown(() => load({ 'posts/en/x.md': post('title: X\ndate: 2024-01-01\ntags: [ok, ""]') }));
    expect(error.message).toContain('x.md:4: tags: entry 2 is empty');
  });
});

describe('publish filter', () => {
  const files = {
    'posts/en/live.md': title('Live'),
    'posts/en/draft.md': title('Draft', 'draft: true'),
    'posts/en/future.md': post('title: Future\ndate: 2031-01-01T00:00:00+08:00\ncategories: [Only future]'),
  };

  it('hides drafts and future posts from a production build, with their terms', () => {
    const content = load(files);
    expect(content.posts.en.map((p) => p.slug)).toEqual(['live']);
    expect(content.terms.en.categories).toEqual([]);
  });

  it('shows them, marked, when unpublished posts are included (next dev)', () => {
    const content = load(files, { includeUnpublished: true });
    const statusBySlug = Object.fromEntries(content.posts.en.map((p) => [p.slug, p.status]));
    expect(statusBySlug).toEqual({ live: 'published', draft: 'draft', future: 'scheduled' });
    expect(content.terms.en.categories.map((t) => t.name)).toEqual(['Only future']);
  });

  it('publishes a post once its moment has passed, judged by its offset', () => {
    const content = load(
      { 'posts/en/edge.md': post('title: Edge\ndate: 2025-01-01T07:59:00+08:00') },
      { now: new Date('2025-01-01T00:00:00Z') },
    );
    expect(content.posts.en).toHaveLength(1);
  });
});

describe('ordering, slugs and translations', () => {
  it('sorts newest first by the instant, not the written text', () => {
    const content = load({
      'posts/en/a.md': post('title: A\ndate: 2024-01-01T09:00:00+08:00'),
      'posts/en/b.md': post('title: B\ndate: 2024-01-01T02:00:00Z'),
      'posts/en/c.md': post('title: C\ndate: 2023-12-31'),
    });
    expect(content.posts.en.map((p) => p.slug)).toEqual(['b', 'a', 'c']);
  });

  it('takes the slug from front matter over the file name', () => {
    const content = load({ 'posts/en/file-name.md': title('X', 'slug: custom') });
    expect(content.posts.en[0]?.slug).toBe('custom');
  });

  it('refuses duplicate slugs in one language, naming both files', () => {
    const error = thrown(() =>
      load({ 'posts/en/one.md': title('One', 'slug: same'), 'posts/en/same/index.md': title('Two') }),
    );
    expect(error.message).toContain('slug: slug "same" is also used by');
    expect(error.message).toMatch(/posts\/en\/one\.md/);
    expect(error.message).toMatch(/posts\/en\/same\/index\.md/);
  });

  it('refuses a slug that is a path', () => {
    const error = thrown(() => load({ 'posts/en/x.md': title('X', 'slug: ../up') }));
    expect(error.message).toContain('x.md:4: slug: slug "../up" contains / \\ ? # or %');
  });

  it('pairs translations by slug, or by translationKey', () => {
    const content = load({
      'posts/en/hello.md': title('Hello'),
      'posts/zh/hello.md': title('你好'),
      'posts/en/mesh.md': title('Mesh', 'translationKey: mesh-intro'),
      'posts/zh/wangge.md': title('网格', 'translationKey: mesh-intro'),
      'posts/en/alone.md': title('Alone'),
    });
    const bySlug = (slug: string) => content.posts.en.find((p) => p.slug === slug);
    expect(bySlug('hello')?.translations).toEqual({ zh: 'hello' });
    expect(bySlug('mesh')?.translations).toEqual({ zh: 'wangge' });
    expect(bySlug('alone')?.translations).toEqual({});
    expect(content.posts.zh.find((p) => p.slug === 'wangge')?.translations).toEqual({ en: 'mesh' });
  });

  it('does not pair with a translation that is not published', () => {
    const content = load({
      'posts/en/hello.md': title('Hello'),
      'posts/zh/hello.md': title('你好', 'draft: true'),
    });
    expect(content.posts.en[0]?.translations).toEqual({});
  });
});

describe('terms', () => {
  it('merges case variants under the most used spelling and keeps Chinese', () => {
    const content = load({
      'posts/zh/a.md': title('A', 'categories: [Istio, 云原生]'),
      'posts/zh/b.md': title('B', 'categories: [istio]'),
      'posts/zh/c.md': title('C', 'categories: [Istio, Service Mesh]'),
    });
    expect(content.terms.zh.categories).toEqual([
      { slug: 'istio', name: 'Istio', count: 3 },
      { slug: 'service-mesh', name: 'Service Mesh', count: 1 },
      { slug: '云原生', name: '云原生', count: 1 },
    ]);
    expect(content.posts.zh.find((p) => p.slug === 'b')?.categories).toEqual([{ slug: 'istio', name: 'Istio' }]);
  });
});

describe('images', () => {
  it('resolves public, Hugo-relative and bundle images with their sizes', () => {
    const content = load({
      'public/images/hero.png': TINY_PNG,
      'public/images/backgrounds/page-title.png': TINY_PNG,
      'posts/en/bundle/index.md': title('B', 'image: cover.png\nbg_image: images/backgrounds/page-title.png'),
      'posts/en/bundle/cover.png': TINY_PNG,
      'posts/en/plain.md': title('P', 'image: /images/hero.png\nbg_image: "https://cdn.example.com/bg.jpg"'),
    });
    const bundle = content.posts.en.find((p) => p.slug === 'bundle');
    const local = (src: string, file: string) => ({ kind: 'local', src, file: expect.stringMatching(new RegExp(`/${file}$`)), width: 1, height: 1, variantKey: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(bundle?.image).toEqual(local('/en/blog/bundle/cover.png', 'posts/en/bundle/cover.png'));
    expect(bundle?.banner).toEqual(local('/images/backgrounds/page-title.png', 'public/images/backgrounds/page-title.png'));
    const plain = content.posts.en.find((p) => p.slug === 'plain');
    expect(plain?.image).toEqual(local('/images/hero.png', 'public/images/hero.png'));
    // The same picture in two files has one set of copies.
    expect(plain?.image).toMatchObject({ variantKey: bundle?.image?.kind === 'local' ? bundle.image.variantKey : 'missing' });
    expect(plain?.banner).toEqual({ kind: 'remote', src: 'https://cdn.example.com/bg.jpg' });
  });

  it('builds a post whose hero image is missing without it, and names the field', () => {
    const content = load({ 'posts/en/x.md': title('X', 'image: /images/missing.jpg') });
    expect(content.posts.en[0]?.image).toBeUndefined();
    expect(content.warnings).toEqual([expect.objectContaining({ field: 'image', line: 4, tolerated: true, message: expect.stringContaining('"/images/missing.jpg" is not a file under public/') })]);
  });
});

describe('Hugo conventions', () => {
  it('applies _index.md cascade to the posts below it; nearer folders and the post itself win', () => {
    const content = load({
      'posts/en/_index.md': post('title: Blog\ncascade:\n  bg_image: /images/outer.png\n  categories: [Outer]'),
      'posts/en/2020/_index.md': post('title: 2020\ncascade:\n  - categories: [Inner]\n  - _target: { kind: section }\n    tags: [section-only]'),
      'posts/en/2020/a.md': title('A'),
      'posts/en/2020/b.md': title('B', 'categories: [Own]'),
      'posts/en/c.md': title('C'),
      'posts/zh/d.md': title('D'),
      'public/images/outer.png': TINY_PNG,
    });
    const bySlug = (slug: string) => content.posts.en.find((p) => p.slug === slug);
    expect(bySlug('a')?.categories.map((c) => c.name)).toEqual(['Inner']);
    expect(bySlug('a')?.tags).toEqual([]);
    expect(bySlug('a')?.banner?.src).toBe('/images/outer.png');
    expect(bySlug('b')?.categories.map((c) => c.name)).toEqual(['Own']);
    expect(bySlug('c')?.categories.map((c) => c.name)).toEqual(['Outer']);
    expect(content.posts.zh[0]?.categories).toEqual([]);
  });

  it('reads TOML and JSON front matter, keeping the written date', () => {
    const content = load({
      'posts/en/toml.md': '+++\ntitle = "From TOML"\ndate = 2020-08-31T02:00:00+08:00\ntags = ["a"]\n+++\n\nBody\n',
      'posts/en/json.md': '{\n  "title": "From JSON",\n  "date": "2021-01-02"\n}\n\nBody\n',
    });
    const toml = content.posts.en.find((p) => p.slug === 'toml');
    expect(toml?.title).toBe('From TOML');
    expect(toml?.date.written).toBe('2020-08-31T02:00:00.000+08:00');
    expect(toml?.date.day).toBe(31);
    expect(content.posts.en.find((p) => p.slug === 'json')?.title).toBe('From JSON');
  });

  it('reports invalid TOML with its line', () => {
    const error = thrown(() => load({ 'posts/en/x.md': '+++\ntitle = "X"\ndate = = 2020\n+++\n' }));
    expect(error.message).toMatch(/x\.md:3: front matter is not valid TOML/);
  });

  it('hides posts until publishDate and after expiryDate', () => {
    const content = load({
      'posts/en/later.md': title('Later', 'publishDate: 2030-01-01'),
      'posts/en/gone.md': title('Gone', 'expiryDate: 2024-06-01'),
      'posts/en/live.md': title('Live', 'expiryDate: 2030-01-01'),
      'posts/en/no-date.md': post('title: Only publishDate\npublishDate: 2023-05-05'),
    });
    expect(content.posts.en.map((p) => p.slug).sort()).toEqual(['live', 'no-date']);
    expect(content.posts.en.find((p) => p.slug === 'no-date')?.date.written).toBe('2023-05-05');
    const dev = load(
      { 'posts/en/gone.md': title('Gone', 'expiryDate: 2024-06-01') },
      { includeUnpublished: true },
    );
    expect(dev.posts.en[0]?.status).toBe('expired');
  });

  it('reads front-matter keys in any case, as Hugo does: expirydate hides, publishdate schedules', () => {
    const content = load({
      'posts/en/gone.md': post('title: Gone\ndate: 2024-01-01\nexpirydate: 2024-06-01'),
      'posts/en/later.md': post('Title: Later\npublishdate: 2030-01-01'),
      'posts/en/live.md': post('TITLE: Live\nDate: 2024-01-01\ntranslationkey: pair\ndraft: false\nDraft: true'),
    });
    expect(content.posts.en.map((p) => [p.slug, p.title, p.translationKey])).toEqual([['live', 'Live', 'pair']]);
    const dev = load({ 'posts/en/gone.md': post('title: Gone\ndate: 2024-01-01\nexpirydate: 2024-06-01') }, { includeUnpublished: true });
    expect(dev.posts.en[0]?.status).toBe('expired');
    expect(dev.posts.en[0]?.frontMatterKeys).toEqual(['title', 'date', 'expiryDate']);
    const error = thrown(() => load({ 'posts/en/x.md': post('title: X\ndate: 2024-01-01\nExpiryDate: someday') }));
    expect(error.message).toMatch(/x\.md:4: expiryDate: "someday" is not a valid date/);
  });

  it('keeps url and aliases as old URLs of the post', () => {
    const content = load({ 'posts/en/x.md': title('X', 'url: /2019/05/x/\naliases: [/old-x/]') });
    expect(content.posts.en[0]?.aliases).toEqual(['/old-x/', '/2019/05/x/']);
  });

  it('expands shortcodes, resolves refs to real posts, and reports problems with file:line', () => {
    const content = load({
      'posts/en/target/index.md': title('Target'),
      'posts/en/source.md': post(
        'title: Source\ndate: 2024-01-01',
        'See [it]({{< ref "target/index.md" >}}).\n\n{{< notice warning >}}\nBe careful.\n{{< /notice >}}\n\n{{< unknown-thing >}}',
      ),
    });
    const source = content.posts.en.find((p) => p.slug === 'source');
    expect(source?.body).toContain('See [it](/en/blog/target).');
    expect(source?.body).toContain('<aside class="callout callout-warning" role="note">');
    expect(source?.shortcodes).toEqual({ ref: 1, notice: 1, 'unknown-thing': 1 });
    expect(source?.summary).toBe('See it. Be careful.');
    expect(content.warnings).toEqual([
      { file: expect.stringMatching(/posts\/en\/source\.md$/), line: 12, message: expect.stringContaining('unknown shortcode "unknown-thing"') },
    ]);
  });
});

describe('standalone pages', () => {
  const withPages = (files: Record<string, string>) => {
    const root = makeSite(files);
    return { root, options: { ...optionsFor(root), pagesDir: path.join(root, 'content') } };
  };

  it('are read from content/<lang>/, need no date, and stay out of the posts and terms', () => {
    const { options } = withPages({
      'posts/en/a.md': title('A'),
      'content/en/about.md': post('title: About\ntags: [ignored]', '## Who\n\nUs.'),
      'content/en/team/index.md': post('title: Team', 'The team.'),
    });
    const { content, problems } = readContent(options);
    expect(problems).toEqual([]);
    // A page's tags would be dropped silently: they are named, and the page is built without them.
    expect(content.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/content\/en\/about\.md:3: tags: only blog posts are listed under tags, so pages are not: remove the field/),
    ]);
    expect(content.pages.en.map((page) => page.slug)).toEqual(['about', 'team']);
    expect(content.pages.en[0]!.toc.map((entry) => entry.text)).toEqual(['Who']);
    expect(content.posts.en.map((p) => p.slug)).toEqual(['a']);
    expect(content.terms.en.tags).toEqual([]);
  });

  it('cannot take a name the site uses, live in a folder, or have files of its own yet', () => {
    const root = makeSite({
      'content/en/archive.md': post('title: Archive'),
      'content/en/more/deep.md': post('title: Deep'),
      'content/en/team/index.md': post('title: Team', '![Us](us.png)'),
      'content/en/team/us.png': TINY_PNG,
    });
    const messages = readContent({ ...optionsFor(root), pagesDir: path.join(root, 'content') }).problems.map(formatProblem);
    expect(messages).toEqual([
      expect.stringMatching(/content\/en\/archive\.md: the page "archive" would be hidden by the site's own \/en\/archive/),
      expect.stringMatching(/content\/en\/more\/deep\.md: content\/en\/more\/ is not a declared section: add \{ "name": "more" \} to "sections" in site\.config\.json, or move the page to content\/en\/<name>\.md/),
      expect.stringMatching(/content\/en\/team\/index\.md: a page cannot have files of its own yet \(us\.png\)/),
    ]);
  });
});
