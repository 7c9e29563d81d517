import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { renderToStaticMarkup } from 'react-dom/server';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { compileMDX } from 'next-mdx-remote/rsc';
import sharp from 'sharp';
import { PostBody } from '@/components/post-body';
import { mdxComponentsFor } from '@/components/mdx-components';
import { postFeedHtml } from '@/lib/content/feed-html';
import { remarkUseParse } from '@/lib/content/hast';
import { loadContent } from '@/lib/content/load';
import { postCompileInput } from '@/lib/content/markdown';
import { siteConfig } from '@/lib/site-config';
import { siteSettings } from '@/lib/site-settings';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';

/** Renders one post's body through the real pipeline (compileMDX with the site's plugins and components). */
async function renderBody(file: string, body: string, extraFiles: Record<string, string | Buffer> = {}) {
  const root = makeSite({ [file]: post('title: T\ndate: 2024-01-01', body), ...extraFiles });
  const content = loadContent(optionsFor(root));
  const lang = file.split('/')[1] === 'zh' ? 'zh' : 'en';
  const [first] = content.posts[lang];
  if (!first) throw new Error('fixture post not loaded');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    return renderToStaticMarkup(await PostBody({ post: first }));
  } finally {
    process.chdir(cwd);
  }
}

describe('figure captions', () => {
  it('turns an image followed by an emphasis-only line into a figure with figcaption', async () => {
    const html = await renderBody(
      'posts/en/a.md',
      '![Crowd at a conference](https://cdn.example.com/a.jpg)\n*June 24, 2019, Shanghai*\n\nNext paragraph.',
    );
    // The image opens full-screen: its button sits beside it, in the figure.
    expect(html).toMatch(/<figure><span class="zoomable"><img[^>]*alt="Crowd at a conference"[^>]*><button[^>]*aria-label="Enlarge image: Crowd at a conference"[^>]*>.*?<\/button><\/span><figcaption>June 24, 2019, Shanghai<\/figcaption><\/figure>/);
    expect(html).toContain('<p>Next paragraph.</p>');
  });

  it('uses the title attribute as the caption of a lone image', async () => {
    const html = await renderBody('posts/en/a.mdx', '![Alt](https://cdn.example.com/a.jpg "The caption")');
    expect(html).toContain('<figcaption>The caption</figcaption>');
  });

  it('captions a lone image with its alt text when the site asks for it (a Hugo render-image hook)', async () => {
    const body = '![Envoy in the mesh](https://cdn.example.com/a.jpg)\n\n[![Linked diagram](https://cdn.example.com/b.jpg)](https://example.com/b)\n\n![Own title](https://cdn.example.com/c.jpg "Title wins")\n\n![](https://cdn.example.com/d.jpg)';
    expect(await renderBody('posts/en/a.md', body)).not.toContain('<figcaption>Envoy in the mesh</figcaption>');
    siteSettings.markdown.captionsFromAlt = true;
    try {
      const html = await renderBody('posts/en/a.md', body);
      expect(html).toContain('<figcaption>Envoy in the mesh</figcaption>');
      expect(html).toMatch(/<figure><a href="https:\/\/example\.com\/b"[^>]*><img[^>]*alt="Linked diagram"[^>]*><\/a><figcaption>Linked diagram<\/figcaption><\/figure>/);
      expect(html).toContain('<figcaption>Title wins</figcaption>');
      expect(html.match(/<figcaption>/g)).toHaveLength(3);
    } finally {
      siteSettings.markdown.captionsFromAlt = false;
    }
  });

  it('shows a missing image as its alt text once, not again as its caption', async () => {
    siteSettings.markdown.captionsFromAlt = true;
    try {
      const html = await renderBody('posts/en/a.md', '![The rollout dashboard](/images/never-uploaded.png)\n\nAfter.');
      expect(html).toMatch(/<figure><span class="missing-image"[^>]*>The rollout dashboard<\/span><\/figure>/);
      expect(html.match(/The rollout dashboard/g)).toHaveLength(1);
    } finally {
      siteSettings.markdown.captionsFromAlt = false;
    }
  });

  it('leaves an image inside running text alone', async () => {
    const html = await renderBody('posts/en/a.md', 'Text ![inline](https://cdn.example.com/a.jpg) and *more*.');
    expect(html).not.toContain('<figure>');
  });
});

describe('images and links', () => {
  it('serves bundle images from the post URL with their intrinsic size', async () => {
    const html = await renderBody('posts/en/trip/index.md', '![Map](images/map.png)', {
      'posts/en/trip/images/map.png': TINY_PNG,
    });
    expect(html).toMatch(/<img src="\/en\/blog\/trip\/images\/map.png" alt="Map" width="1" height="1" loading="lazy"/);
    // Build-time WebP copies, never wider than the file; the original is the <img> for browsers without WebP.
    expect(html).toMatch(/<picture><source type="image\/webp" srcSet="\/_img\/[0-9a-f]{16}-1\.webp 1w" sizes="[^"]+"\/><img src="\/en\/blog\/trip\/images\/map.png"/);
    expect(html).not.toContain('data-variant-key');
  });

  it('draws an image at the size its author wrote, with its copies and its own proportions', async () => {
    const wide = await sharp({ create: { width: 1600, height: 800, channels: 3, background: '#3366aa' } }).png().toBuffer();
    const body = [
      '{{< figure src="images/wide.png" alt="Half" width="50%" >}}',
      '',
      '<img src="images/wide.png" alt="Small" width="300" style="border: 1px solid">',
      '',
      '<img src="images/wide.png" alt="Odd" width="wide">',
      '',
      '<img src="images/wide.png" alt="Short" height="100">',
    ].join('\n');
    const root = makeSite({ 'posts/en/trip/index.md': post('title: T\ndate: 2024-01-01', body), 'posts/en/trip/images/wide.png': wide });
    const [entry] = loadContent(optionsFor(root)).posts.en;
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const page = renderToStaticMarkup(await PostBody({ post: entry! }));
      const img = (alt: string) => page.match(new RegExp(`<img[^>]*alt="${alt}"[^>]*>`))?.[0] ?? '';
      const source = (alt: string) => page.match(new RegExp(`<source[^>]*>(?=<img[^>]*alt="${alt}")`))?.[0] ?? '';
      // Half the column: the browser is told so, and picks from the same copies as a full-width image.
      expect(source('Half')).toMatch(/srcSet="\/_img\/[0-9a-f]{16}-640\.webp 640w, \/_img\/[0-9a-f]{16}-960\.webp 960w, \/_img\/[0-9a-f]{16}-1440\.webp 1440w"/);
      expect(source('Half')).toContain('sizes="(min-width: 768px) 360px, 50vw"');
      // The box it keeps while loading has the file's proportions; the author's width is its
      // frame's (a share of the column, as the image alone would take), which it fills.
      expect(img('Half')).toContain('width="1600" height="800"');
      expect(img('Half')).toContain('style="width:100%"');
      expect(page).toMatch(/<span class="zoomable" style="width:50%"><picture><source[^>]*><img[^>]*alt="Half"/);
      expect(source('Small')).toContain('sizes="(max-width: 300px) 100vw, 300px"');
      expect(img('Small')).toContain('style="width:100%;border:1px solid"');
      expect(page).toMatch(/<span class="zoomable" style="width:300px"><picture><source[^>]*><img[^>]*alt="Small"/);
      // A height alone keeps the file's proportions: the width follows from it.
      expect(img('Short')).toContain('style="height:100px;width:auto"');
      expect(page).toMatch(/<span class="zoomable"><picture><source[^>]*><img[^>]*alt="Short"/);
      // A width that is no length stays as written, and the image as it is.
      expect(img('Odd')).toContain('width="wide"');
      expect(img('Odd')).not.toContain('height=');
      expect(source('Odd')).toBe('');
      // A feed keeps the author's size as written, as Hugo wrote it, and adds no height to it.
      const feed = postFeedHtml(entry!);
      expect(feed).toMatch(/<img src="[^"]*\/en\/blog\/trip\/images\/wide\.png" alt="Half" width="50%">/);
      expect(feed).toMatch(/<img src="[^"]*\/en\/blog\/trip\/images\/wide\.png" alt="Small" width="300" style="border: 1px solid">/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('renders remote images lazily without fetching them', async () => {
    const html = await renderBody('posts/en/a.md', 'See ![remote](https://res.cloudinary.com/x/y.jpg) here.');
    expect(html).toMatch(/<img[^>]*src="https:\/\/res\.cloudinary\.com\/x\/y\.jpg"[^>]*loading="lazy"/);
  });

  it('opens external links safely and keeps internal ones on the site', async () => {
    const html = await renderBody(
      'posts/en/a.md',
      'Join [Tetrate]( https://tetrate.io), read [Envoy](https:/ /envoyproxy.io), see [jobs](/en/job/tetrate), mail [us](mailto:a@b.c).',
    );
    expect(html).toContain('<a href="https://tetrate.io" target="_blank" rel="noopener noreferrer">Tetrate</a>');
    expect(html).toContain('[Envoy](https:/ /envoyproxy.io)');
    expect(html).toContain('<a href="/en/job/tetrate">jobs</a>');
    expect(html).toContain('<a href="mailto:a@b.c">us</a>');
  });

  it('keeps external links in the same tab when the site says so', async () => {
    siteSettings.markdown.externalLinksNewTab = false;
    try {
      expect(await renderBody('posts/en/a.md', 'Join [Tetrate](https://tetrate.io).')).toContain('<a href="https://tetrate.io">Tetrate</a>');
    } finally {
      siteSettings.markdown.externalLinksNewTab = true;
    }
  });
});

describe('mermaid diagrams', () => {
  it('are drawn as SVG at build time, in the page colours, with their labels as text', async () => {
    const html = await renderBody('posts/zh/a.md', '```mermaid\ngraph LR\n  A[Envoy 代理] -->|xDS| B[Istiod]\n```');
    const svg = /<figure class="mermaid-diagram"><svg[^>]*>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    for (const label of ['Envoy 代理', 'xDS', 'Istiod']) expect(/aria-label="([^"]*)"/.exec(svg)?.[1]).toContain(label);
    expect(html).toMatch(/<text[^>]*>Envoy 代理<\/text>/);
    expect(html).toContain('--bg:var(--page)');
    // The renderer's own stylesheet would fetch a font from Google and restyle the whole page.
    expect(html).not.toMatch(/<script|<style|googleapis/);
  });

  it.each([
    ['a directive before it, a semicolon after it', "%%{init: {'theme': 'dark'}}%%\ngraph TD;"],
    ['no direction', 'flowchart'],
  ])('read the header as Mermaid does: %s', async (_what, header) => {
    const html = await renderBody('posts/en/a.md', `\`\`\`mermaid\n${header}\n  A[Client] --> B[Server];\n\`\`\``);
    expect(html).toMatch(/<figure class="mermaid-diagram"><svg/);
    expect(html).toMatch(/<text[^>]*>Client<\/text>/);
  });

  it('show a fence that cannot be drawn as its code, and the check says where', () => {
    const root = makeSite({
      'posts/en/a.md': post('title: T\ndate: 2024-01-01', 'Intro.\n\n```mermaid\nnot a diagram\n```\n\n```mermaid\npie\n  "a": 1\n```'),
    });
    const content = loadContent(optionsFor(root));
    expect(content.posts.en).toHaveLength(1);
    expect(content.warnings.map((w) => [w.line, w.tolerated ?? false, w.message.slice(0, 60)])).toEqual([
      [8, true, 'mermaid diagram cannot be drawn (Invalid mermaid header: "no'],
      [12, false, 'mermaid diagram type "pie" is not drawn at build time: it is'],
    ]);
  });
});

describe('Markdown files', () => {
  it('render raw HTML and GFM, and never choke on < { }', async () => {
    const html = await renderBody(
      'posts/en/a.md',
      [
        'If (a < b) { return c; } costs {{ nothing }}.',
        '',
        '<details><summary>More</summary><span style="color: #c00">red</span></details>',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '- [x] done',
        '',
        '~~old~~ and a note[^1]',
        '',
        '[^1]: The note.',
      ].join('\n'),
    );
    expect(html).toContain('If (a &lt; b) { return c; } costs {{ nothing }}.');
    expect(html).toContain('<details><summary>More</summary><span style="color:#c00">red</span></details>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/?>/);
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('The note.');
  });

  it('give headings ids, Chinese included', async () => {
    const html = await renderBody('posts/zh/a.md', '## 服务网格简介\n\n## Why Mesh?');
    expect(html).toContain('<h2 id="服务网格简介">服务网格简介<a href="#服务网格简介" aria-label="链接到本节" class="heading-anchor">#</a></h2>');
    expect(html).toContain('<h2 id="why-mesh">Why Mesh?<a href="#why-mesh"');
  });
});

describe('MDX files', () => {
  it('render escaped braces as text', async () => {
    const html = await renderBody('posts/en/a.mdx', 'Use \\{braces\\} freely.');
    expect(html).toContain('Use {braces} freely.');
  });

  it("are drawn from the content layer's parse as MDX draws them from the source, and so is the feed", async () => {
    const body = [
      '## Keys',
      '',
      '<kbd>Alone</kbd>',
      '',
      'Press <kbd>Ctrl</kbd> and <abbr title="Markdown with JSX">*MDX*</abbr>, with \\{braces\\}.',
      '',
      '<details>',
      '<summary>More</summary>',
      '',
      'Inside **Markdown**.',
      '',
      '</details>',
      '',
      '```sh',
      'make',
      '```',
    ].join('\n');
    const root = makeSite({ 'posts/en/a.mdx': post('title: T\ndate: 2024-01-01', body) });
    const [entry] = loadContent(optionsFor(root)).posts.en;
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const page = renderToStaticMarkup(await PostBody({ post: entry! }));
      // MDX's compiler given the source, with the plugins the page's compile has.
      const { options } = postCompileInput(entry!);
      const remarkPlugins = options.mdxOptions?.remarkPlugins?.filter((plugin) => !(Array.isArray(plugin) && plugin[0] === remarkUseParse));
      const fromSource = await compileMDX({ source: entry!.body, options: { ...options, mdxOptions: { ...options.mdxOptions, remarkPlugins } }, components: mdxComponentsFor('en') });
      expect(page.replace(/^<div class="[^"]*">/, '').replace(/<\/div>$/, '')).toBe(renderToStaticMarkup(fromSource.content));
      // A paragraph that holds only JSX is unwrapped, as MDX does, in the page and in the feed.
      expect(page).toContain('<kbd>Alone</kbd>');
      expect(page).not.toContain('<p><kbd>Alone</kbd></p>');
      const feed = postFeedHtml(entry!);
      expect(feed).toContain('<kbd>Alone</kbd>');
      expect(feed).not.toContain('<p><kbd>Alone</kbd></p>');
      expect(feed).toContain('<details>');
      expect(entry!.summary).toBe('Keys Alone Press Ctrl and MDX, with {braces}. More Inside Markdown.');
    } finally {
      process.chdir(cwd);
    }
  });

  it('run the JavaScript the site allows, but never what reaches the process', async () => {
    siteConfig.allowMdxJavaScript = true;
    try {
      expect(await renderBody('posts/en/a.mdx', 'Two: {1 + 1}.')).toContain('Two: 2.');
      await expect(renderBody('posts/en/a.mdx', 'Home: {process.env.HOME}.')).rejects.toThrow(/a\.mdx: cannot be compiled \(Security: Access to 'process' properties is not allowed\)/);
    } finally {
      siteConfig.allowMdxJavaScript = false;
    }
  });
});

describe('Hugo Markdown', () => {
  it('honours {#custom-id} on headings', async () => {
    const html = await renderBody('posts/en/a.md', '## Getting started {#start}\n\n## 中文标题 {#zh-title}');
    expect(html).toContain('<h2 id="start">Getting started<a href="#start" aria-label="Link to this section" class="heading-anchor">#</a></h2>');
    expect(html).toContain('<h2 id="zh-title">中文标题<a href="#zh-title"');
  });

  it('renders shortcodes as components, with bundle images resolved', async () => {
    const html = await renderBody(
      'posts/en/trip/index.md',
      [
        '{{< figure src="images/map.png" caption="The route we took" >}}',
        '',
        '{{< highlight go "hl_lines=1" >}}',
        'package main',
        '{{< /highlight >}}',
        '',
        '{{< details summary="More" >}}',
        'Hidden **detail**.',
        '{{< /details >}}',
        '',
        '{{% notice tip %}}',
        'A *useful* tip.',
        '{{% /notice %}}',
      ].join('\n'),
      { 'posts/en/trip/images/map.png': TINY_PNG },
    );
    expect(html).toMatch(/<figure><span class="zoomable"><picture>.*<img src="\/en\/blog\/trip\/images\/map.png" alt="The route we took" width="1"[^>]*><\/picture><button[^>]*>.*?<\/button><\/span><figcaption>The route we took<\/figcaption><\/figure>/);
    expect(html).toMatch(/<code data-language="go"[^>]*><span data-line="" data-highlighted-line=""><span[^>]*>package<\/span>/);
    expect(html).toContain('<details><summary>More</summary>\n<p>Hidden <strong>detail</strong>.</p>\n</details>');
    expect(html).toContain(
      '<aside class="callout callout-tip" role="note"><p class="callout-title">Tip</p>\n<p>A <em>useful</em> tip.</p>\n</aside>',
    );
    expect(html).not.toContain('{{');
  });
});

describe('code blocks', () => {
  it('are highlighted at build time, with line highlights and numbers from the fence', async () => {
    const html = await renderBody('posts/en/a.md', '```go {2} showLineNumbers\npackage main\nfunc main() {}\n```');
    expect(html).toContain('data-language="go"');
    expect(html).toMatch(/<span data-line="" data-highlighted-line="">.*func/);
    expect(html).toContain('data-line-numbers');
    expect(html).toMatch(/style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}"/);
  });

  it('are written into the page as HTML serialized from the highlighter: markup in the code stays text', async () => {
    const hostile = '</code></pre><script>alert(1)</script><img src=x onerror="alert(2)">';
    const html = await renderBody('posts/en/a.md', `\`\`\`html {1}\n${hostile}\n\`\`\`\n\n\`\`\`\n${hostile}\n\`\`\``);
    const page = fromHtml(html, { fragment: true });
    const elements: Element[] = [];
    visit(page, 'element', (element: Element) => void elements.push(element));
    // What a browser reads: two code blocks holding the text as written, no script, no handler.
    expect(elements.filter((element) => element.tagName === 'code').map((code) => toString(code).trim())).toEqual([hostile, hostile]);
    expect(elements.filter((element) => element.tagName === 'script' || element.properties.onError !== undefined)).toEqual([]);
    // Highlighted as before, and the HTML is the code element's content, not left in an attribute.
    expect(html).toMatch(/<code data-language="html"[^>]*><span data-line="" data-highlighted-line="">/);
    expect(html).not.toContain('data-highlighted-html');
  });

  it('show a language Shiki does not know as plain text, without failing the build', async () => {
    const html = await renderBody('posts/en/a.md', '```mermaid-like\ngraph TD; A-->B\n```\n\n```\nno language\n```');
    expect(toString(fromHtml(html, { fragment: true }))).toContain('graph TD; A-->B');
    expect(html).toContain('no language');
  });

  it('keep a blank first line, as Hugo shows it, with or without HTML elsewhere in the body', async () => {
    for (const body of ['```shell\n\n$ ls\n```', '<kbd>Ctrl</kbd>\n\n```shell\n\n$ ls\n```']) {
      const code = /<code data-language="shell"[^>]*>([\s\S]*?)<\/code>/.exec(await renderBody('posts/en/a.md', body))?.[1] ?? '';
      expect(code.match(/<span data-line="">/g)).toHaveLength(2);
    }
  });
});

describe('embedded players and pages', () => {
  const BILIBILI = '<iframe src="//player.bilibili.com/player.html?aid=42&page=1" width="640" height="360" allowfullscreen></iframe>';
  const YOUTUBE = '<iframe src="https://www.youtube-nocookie.com/embed/x" width="640" height="360"></iframe>';
  const original = [...siteSettings.embedOrigins];

  it('a player of an allowed site loads lazily over https, titled, as wide as the text', async () => {
    siteSettings.embedOrigins = ['https://player.bilibili.com'];
    try {
      const html = await renderBody('posts/en/a.md', `Watch:\n\n${BILIBILI}\n\n${YOUTUBE}\n`);
      const frames = [...html.matchAll(/<iframe[^>]*>/g)].map(([tag]) => tag);
      expect(frames).toHaveLength(2);
      expect(frames[0]).toContain('src="https://player.bilibili.com/player.html?aid=42&amp;page=1"');
      expect(frames[0]).toContain('title="bilibili video"');
      expect(frames[1]).toContain('title="YouTube video"');
      for (const frame of frames) {
        expect(frame).toContain('class="video-frame"');
        expect(frame).toContain('loading="lazy"');
      }
    } finally {
      siteSettings.embedOrigins = [...original];
    }
  });

  it('a page the policy does not let in is a link to it, never an empty box', async () => {
    const html = await renderBody('posts/en/a.md', `Watch:\n\n${BILIBILI}\n\nInline <iframe src="https://example.org/widget" title="The widget"></iframe> here.\n`);
    expect(html).not.toContain('<iframe');
    expect(html).toMatch(/<p class="embed-link"[^>]*><a [^>]*href="https:\/\/player\.bilibili\.com\/player\.html\?aid=42&amp;page=1"[^>]*>bilibili video<\/a><\/p>/);
    expect(html).toMatch(/<p>Inline <a [^>]*href="https:\/\/example\.org\/widget"[^>]*>The widget<\/a> here\.<\/p>/);
  });

  it('a script of a site the author lets in stays in the page, over https', async () => {
    siteSettings.scriptOrigins = ['https://platform.twitter.com'];
    try {
      const html = await renderBody('posts/en/a.md', 'A tweet:\n\n<blockquote class="twitter-tweet"><p>Hi.</p></blockquote>\n<script async src="//platform.twitter.com/widgets.js"></script>\n');
      expect(html).toContain('src="https://platform.twitter.com/widgets.js"');
    } finally {
      siteSettings.scriptOrigins = [];
    }
  });

  it('in an MDX post, an iframe and a script written as JSX are treated as in HTML', async () => {
    const html = await renderBody('posts/en/a.mdx', 'Watch:\n\n<iframe src="https://example.org/widget" title="The widget"></iframe>\n\n<script>document.title = "changed"</script>\n');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('document.title');
    expect(html).toMatch(/<p class="embed-link"[^>]*><a [^>]*href="https:\/\/example\.org\/widget"[^>]*>The widget<\/a><\/p>/);
  });

  it('a script written in a post is not in its page; data in a script element is', async () => {
    const html = await renderBody('posts/en/a.md', 'Before.\n\n<script>document.title = "changed"</script>\n\n<script type="application/ld+json">{"@type":"Thing"}</script>\n\nAfter.\n');
    expect(html).not.toContain('document.title');
    expect(html).toContain('<script type="application/ld+json">{"@type":"Thing"}</script>');
    expect(html).toMatch(/<p>Before\.<\/p>[\s\S]*<p>After\.<\/p>/);
  });

  it('a tweet whose script is not let in shows as its quoted text and link, with no script', async () => {
    const tweet = '<blockquote class="twitter-tweet"><p lang="en">WASM on the server is the future.</p>&mdash; Someone (@someone) <a href="https://twitter.com/someone/status/1">March 27, 2019</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
    const html = await renderBody('posts/en/a.md', `Before.\n\n${tweet}\n\nAfter.\n`);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<blockquote class="twitter-tweet"><p lang="en">WASM on the server is the future\.<\/p>— Someone \(@someone\) <a [^>]*href="https:\/\/twitter\.com\/someone\/status\/1"[^>]*>March 27, 2019<\/a><\/blockquote>/);
  });
});

describe('one reading of a body', () => {
  const body = [
    '## Setup',
    '',
    'Text.',
    '',
    '## Setup',
    '',
    '## Install {#get-started}',
    '',
    '<h2>Written in HTML</h2>',
    '',
    '### 中文标题',
    '',
    '```js {1}',
    'const highlighted = true;',
    'const plain = false;',
    '```',
    '',
  ].join('\n');

  for (const file of ['posts/en/a.md', 'posts/en/a.mdx']) {
    it(`gives the page, its table of contents and its feed the same headings (${file.split('.').at(-1)})`, async () => {
      const root = makeSite({ [file]: post('title: T\ndate: 2024-01-01', file.endsWith('.mdx') ? body.replace('<h2>Written in HTML</h2>', '## Written in HTML').replace('{#', '\\{#') : body) });
      const [entry] = loadContent(optionsFor(root)).posts.en;
      const cwd = process.cwd();
      process.chdir(root);
      try {
        const page = renderToStaticMarkup(await PostBody({ post: entry! }));
        const { postFeedHtml } = await import('@/lib/content/feed-html');
        const feed = postFeedHtml(entry!);
        const ids = (html: string) => [...html.matchAll(/<h[23][^>]* id="([^"]+)"/g)].map(([, id]) => id);
        const expected = ['setup', 'setup-1', 'get-started', 'written-in-html', '中文标题'];
        expect(entry!.toc.map((heading) => heading.id)).toEqual(expected);
        expect(ids(page)).toEqual(expected);
        expect(ids(feed)).toEqual(expected);
        // The fence's meta reaches the page's highlighter, and stays out of the feed.
        expect(page).toMatch(/<span data-line="" data-highlighted-line="">/);
        expect(feed).not.toContain('metastring');
      } finally {
        process.chdir(cwd);
      }
    });
  }
});
