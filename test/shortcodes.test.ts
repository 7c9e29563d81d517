import { describe, expect, it } from 'vitest';
import { expandShortcodes, type ShortcodeContext } from '@/lib/content/shortcodes';

/** Knows one post, `known`. */
function resolveRef(target: string): string | undefined {
  const [name, anchor] = target.split('#');
  if (name?.replace(/\.md$/, '') !== 'known') return undefined;
  return `/en/blog/known${anchor ? `#${anchor}` : ''}`;
}

const context: ShortcodeContext = {
  resolveRef,
  calloutTitles: { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' },
};

const expand = (source: string) => expandShortcodes(source, context);

describe('figure', () => {
  it('becomes a figure with its caption, in both delimiter forms and argument styles', () => {
    for (const source of [
      '{{< figure src="images/a.png" title="Title" caption="云原生 社区" alt="Alt" width="600" >}}',
      '{{% figure src=images/a.png title="Title" caption="云原生 社区" alt=Alt width=600 %}}',
      '{{< figure src="images/a.png" title="Title" caption="云原生 社区" alt="Alt" width="600" />}}',
    ]) {
      const { markdown, warnings } = expand(source);
      expect(warnings).toEqual([]);
      expect(markdown.trim()).toBe(
        '<figure><img src="images/a.png" alt="Alt" width="600"><figcaption><strong>Title</strong> 云原生 社区</figcaption></figure>',
      );
    }
  });

  it('links the picture and credits the author when asked', () => {
    const { markdown } = expand('{{< figure src="/a.jpg" link="https://example.com" caption="C" attr="Photo: Ann" attrlink="https://ann.example" class="wide" >}}');
    expect(markdown).toContain('<figure class="wide"><a href="https://example.com"><img src="/a.jpg" alt="C"></a>');
    expect(markdown).toContain('<figcaption>C <a href="https://ann.example">Photo: Ann</a></figcaption>');
  });

  it('escapes HTML in arguments', () => {
    const { markdown } = expand('{{< figure src="a.png" caption="<script>alert(1)</script> & co" >}}');
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(markdown).not.toContain('<script>');
  });
});

describe('highlight', () => {
  it('becomes a fenced code block with line highlights and numbers', () => {
    const { markdown } = expand('{{< highlight go "linenos=table,hl_lines=2 4-5,linenostart=10" >}}\nfunc main() {\n}\n{{< /highlight >}}');
    expect(markdown.trim()).toBe('```go {2,4-5} showLineNumbers{10}\nfunc main() {\n}\n```');
  });

  it('keeps code containing fences intact', () => {
    const { markdown } = expand('{{< highlight md >}}\n```js\nx\n```\n{{< /highlight >}}');
    expect(markdown.trim()).toBe('````md\n```js\nx\n```\n````');
  });
});

describe('other built-ins', () => {
  it('ref and relref resolve to post URLs, inside link destinations too', () => {
    const { markdown, warnings } = expand('[see]({{< ref "known.md#part" >}}) and [also]({{< relref "known" >}})');
    expect(markdown).toBe('[see](/en/blog/known#part) and [also](/en/blog/known)');
    expect(warnings).toEqual([]);
  });

  it('warns about a ref to nothing, naming the target', () => {
    const { warnings } = expand('\n[x]({{< ref "missing.md" >}})');
    expect(warnings).toEqual([{ line: 2, message: expect.stringContaining('ref "missing.md" names no post') }]);
  });

  it('youtube becomes a lazy privacy-enhanced embed', () => {
    const { markdown } = expand('{{< youtube id="w7Ft2ymGmfc" title="A talk" >}}');
    expect(markdown).toContain('<iframe src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc" title="A talk" loading="lazy"');
  });

  it('gist becomes a link, with no network access', () => {
    const { markdown } = expand('{{< gist spf13 7896402 "img.html" >}}');
    expect(markdown).toBe('<a href="https://gist.github.com/spf13/7896402#file-img-html" class="gist-link">Gist spf13/7896402 · img.html</a>');
  });

  it('details becomes a collapsible block with Markdown inside', () => {
    const { markdown } = expand('{{< details summary="展开看看" open=true >}}\n**bold** text\n{{< /details >}}');
    expect(markdown).toContain('<details open><summary>展开看看</summary>\n\n**bold** text\n\n</details>');
  });
});

describe('theme shortcodes', () => {
  it.each([
    ['{{< callout type="warning" title="Careful" >}}Body{{< /callout >}}', 'warning', 'Careful'],
    ['{{% notice tip "小提示" %}}Body{{% /notice %}}', 'tip', '小提示'],
    ['{{< alert danger >}}Body{{< /alert >}}', 'danger', 'Danger'],
    ['{{< admonition type=info >}}Body{{< /admonition >}}', 'note', 'Note'],
    ['{{< warning >}}Body{{< /warning >}}', 'warning', 'Warning'],
  ])('%s becomes an aside', (source, kind, title) => {
    const { markdown, warnings } = expand(source);
    expect(warnings).toEqual([]);
    expect(markdown).toContain(`<aside class="callout callout-${kind}" role="note"><p class="callout-title">${title}</p>\n\nBody\n\n</aside>`);
  });

  it('detail (singular) takes its title positionally', () => {
    expect(expand('{{< detail "More" >}}x{{< /detail >}}').markdown).toContain('<summary>More</summary>');
  });

  it('table wraps a Markdown table in a captioned figure', () => {
    const { markdown } = expand('{{< table caption="Results" >}}\n| a |\n|---|\n| 1 |\n{{< /table >}}');
    expect(markdown).toContain('<figure class="table-figure"><figcaption>Results</figcaption>\n\n| a |\n|---|\n| 1 |\n\n</figure>');
  });

  it('nests shortcodes', () => {
    const { markdown } = expand('{{< details summary="Code" >}}\n{{< highlight sh >}}\nls\n{{< /highlight >}}\n{{< /details >}}');
    expect(markdown).toContain('<summary>Code</summary>\n\n```sh\nls\n```\n\n</details>');
  });
});

describe('what cannot be rendered', () => {
  it('an unknown paired shortcode keeps its content and warns with the line', () => {
    const { markdown, warnings } = expand('Intro\n\n{{< mystery a="1" >}}Kept *text*{{< /mystery >}}');
    expect(markdown).toBe('Intro\n\nKept *text*');
    expect(warnings).toEqual([{ line: 3, message: expect.stringContaining('unknown shortcode "mystery"') }]);
  });

  it('an unknown self-closing shortcode disappears with a warning', () => {
    const { markdown, warnings } = expand('a {{< tweet 123 >}} b');
    expect(markdown).toBe('a  b');
    expect(warnings).toHaveLength(1);
  });

  it("an unknown shortcode that names an image (a site's own picture) still shows it, captioned", () => {
    const { markdown, warnings } = expand('Before\n\n{{< picture link="https://example.com/maturity.jpg" title="CNCF 项目的成熟度分类" >}}\n\nAfter');
    expect(markdown).toContain('<figure><img src="https://example.com/maturity.jpg" alt="CNCF 项目的成熟度分类"><figcaption>CNCF 项目的成熟度分类</figcaption></figure>');
    expect(warnings).toEqual([{ line: 3, message: expect.stringMatching(/unknown shortcode "picture": its image is shown as a figure/) }]);
    // Positional arguments too, and an image without any caption.
    expect(expand('{{< photo "/images/a.png" >}}').markdown).toContain('<figure><img src="/images/a.png" alt=""></figure>');
  });

  it('a gallery: a grid of the figures or images inside it, or the captioned image its arguments name', () => {
    // beautifulhugo: figures that name only the full image and a thumbnail suffix.
    const paired = expand(
      '{{< gallery caption-effect="fade" >}}\n{{< figure thumb="-thumb" link="/img/a.jpg" caption="West Lake" >}}\n{{< figure link="/img/b.jpg" caption="Leifeng Pagoda" >}}\n{{< /gallery >}}\n{{< load-photoswipe >}}',
    );
    expect(paired.warnings).toEqual([]);
    expect(paired.markdown).toMatch(
      /^\s*<div class="gallery-grid">\s*<figure><a href="\/img\/a\.jpg"><img src="\/img\/a\.jpg" alt="West Lake"><\/a><figcaption>West Lake<\/figcaption><\/figure>\s*<figure><a href="\/img\/b\.jpg"><img src="\/img\/b\.jpg" alt="Leifeng Pagoda">.*<\/figure>\s*<\/div>\s*$/s,
    );
    // Blowfish: images inside.
    expect(expand('{{< gallery >}}\n<img src="/a.png" class="grid-w33" />\n{{< /gallery >}}').markdown).toMatch(/<div class="gallery-grid">\s*<img src="\/a\.png" class="grid-w33" \/>\s*<\/div>/);
    // jimmysong.io: one image and its title.
    const single = expand('{{< gallery link="https://example.com/maturity.jpg" title="CNCF 项目的成熟度分类" >}}');
    expect(single.warnings).toEqual([]);
    expect(single.markdown.trim()).toBe('<figure><img src="https://example.com/maturity.jpg" alt="CNCF 项目的成熟度分类"><figcaption>CNCF 项目的成熟度分类</figcaption></figure>');
  });

  it('broken quoting is left out with a warning, and never leaks {{<', () => {
    const { markdown, warnings } = expand('one\n{{< figure src="a.png caption="x" >}}\ntwo');
    expect(markdown).not.toContain('{{');
    expect(markdown).toContain('one');
    expect(markdown).toContain('two');
    expect(warnings).toEqual([{ line: 2, message: expect.stringContaining('malformed shortcode') }]);
  });

  it('a quote closed too early (named and positional arguments mixed) is malformed', () => {
    const { markdown, warnings } = expand('{{< figure src="/a.png caption="broken >}}');
    expect(markdown).toBe('');
    expect(warnings).toEqual([{ line: 1, message: expect.stringContaining('mixes named and positional arguments') }]);
  });

  it('a shortcode never closed is left out with a warning', () => {
    const { markdown, warnings } = expand('text {{< figure src="a.png"');
    expect(markdown).not.toContain('{{<');
    expect(warnings[0]?.message).toContain('never closed');
  });

  it('a stray closing tag is dropped with a warning', () => {
    const { markdown, warnings } = expand('a {{< /details >}} b');
    expect(markdown).toBe('a  b');
    expect(warnings[0]?.message).toContain('has no opening one');
  });
});

describe('what is left alone', () => {
  it('shortcodes inside code fences and inline code stay literal', () => {
    const source = 'Use `{{< figure src="x" >}}` like this:\n\n```\n{{< youtube abc >}}\n```\n';
    expect(expand(source).markdown).toBe(source);
  });

  it('escaped shortcodes render literally', () => {
    expect(expand('Write {{</* figure src="x" */>}} to add a figure.').markdown).toBe('Write {{< figure src="x" >}} to add a figure.');
  });
});

it('maps every output line back to its source line', () => {
  const source = 'l1\n{{< details summary="s" >}}\nl3\n{{< /details >}}\nl5';
  const { markdown, lineMap } = expand(source);
  const lines = markdown.split('\n');
  expect(lineMap).toHaveLength(lines.length);
  expect(lineMap[lines.indexOf('l3')]).toBe(2);
  expect(lineMap[lines.indexOf('l5')]).toBe(5);
  expect(lineMap[0]).toBe(1);
});
