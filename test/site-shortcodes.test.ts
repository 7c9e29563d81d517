import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplate, runTemplate, SafeHtml, TemplateObject, type Value } from '@/lib/content/go-template';
import { expandShortcodes, type ShortcodeContext } from '@/lib/content/shortcodes';
import { markdownify, readSiteShortcodes } from '@/lib/content/site-shortcodes';
import { loadContent } from '@/lib/content/load';
import { makeSite, optionsFor, post } from './fixtures';

// Templates below are shaped as real Hugo sites write theirs (beautifulhugo's and jimmysong.io's
// gallery, bepsays.com's img and gh, A-moment096's alert and filelink, jimmysong.io's detail).

function shortcodes(templates: Record<string, string>) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'blog-shortcodes-')), 'layouts/shortcodes');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(templates)) writeFileSync(path.join(dir, `${name}.html`), text);
  return readSiteShortcodes(dir);
}

function expandWith(templates: Record<string, string>, source: string, params: Record<string, Value> = {}) {
  const context: ShortcodeContext = {
    resolveRef: () => undefined,
    calloutTitles: { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' },
    siteShortcodes: shortcodes(templates),
    page: { title: 'A post', lang: 'en', url: '/en/blog/a-post', params },
  };
  return expandShortcodes(source, context);
}

const GALLERY = `<div class="gallery">
    <a href="{{ .Get "link" }}" title="{{ .Get "title" }}">
        <img src="{{ .Get "link" }}" alt="{{ .Get "title" }}">
    </a>
    <center>
        <i>{{ .Get "title" }}</i>
    </center>
</div>
`;

const run = (source: string, dot: Value = new TemplateObject('Shortcode', {})) =>
  runTemplate(parseTemplate(source), dot, { markdownify, warn: () => {} });

describe("a site's own shortcode templates", () => {
  it('draw a self-closing call as the site did (jimmysong.io\'s gallery): the image with its caption, as one HTML block', () => {
    const { markdown, warnings } = expandWith(
      { 'photo-card': GALLERY },
      'Before.\n\n{{< photo-card link="https://example.org/cncf.jpg" title="CNCF 项目的成熟度分类 & more" >}}\n\nAfter.',
    );
    expect(warnings).toEqual([]);
    expect(markdown).toBe(
      'Before.\n\n\n\n<div class="gallery">\n    <a href="https://example.org/cncf.jpg" title="CNCF 项目的成熟度分类 &amp; more">\n' +
        '        <img src="https://example.org/cncf.jpg" alt="CNCF 项目的成熟度分类 &amp; more">\n    </a>\n    <center>\n' +
        '        <i>CNCF 项目的成熟度分类 &amp; more</i>\n    </center>\n</div>\n\n\n\nAfter.',
    );
  });

  it('evaluate with/else, or, positional and named .Get, and drop the blank lines that would end the HTML block', () => {
    const img = `<figure {{ with .Get "class" }}class="{{.}}"{{ end }}>
{{ with .Get "link"}}<a href="{{.}}">{{ end }}
    <img src="{{ .Get "src" }}" {{ if or (.Get "alt") (.Get "caption") }}alt="{{ with .Get "alt"}}{{.}}{{else}}{{ .Get "caption" }}{{ end }}" {{ end }}/>
    {{ if .Get "link"}}</a>{{ end }}
{{ if or (.Get "title") (.Get "caption") }}
<figcaption>{{ if isset .Params "title" }}<h4>{{ .Get "title" }}</h4>{{ end }}<p>{{ .Get "caption" }}</p></figcaption>
{{ end }}
</figure>`;
    const { markdown } = expandWith({ img }, '{{< img src="/a.png" caption="A <b>bold</b> claim" >}}');
    expect(markdown.trim()).toBe(
      '<figure >\n    <img src="/a.png" alt="A &lt;b&gt;bold&lt;/b&gt; claim" />\n<figcaption><p>A &lt;b&gt;bold&lt;/b&gt; claim</p></figcaption>\n</figure>',
    );
  });

  it('range over positional parameters, with substr and else-if chains (bepsays.com gh)', () => {
    const gh = `{{ range .Params }}
{{   if eq (substr . 0 1) "@" }}<a href="//github.com/{{ substr . 1 }}">{{ . }}</a>
{{   else if eq (substr . 0 2) "0x" }}<a href="//github.com/gohugoio/hugo/commit/{{ substr . 2 }}">{{ substr . 2 6 }}</a>
{{   else }}<a href="//github.com/gohugoio/hugo/issues/{{ . }}">#{{ . }}</a>
{{   end }}
{{ end }}`;
    const { markdown } = expandWith({ gh }, 'Thanks to {{< gh "@bep" "0x1234abcdef" 42 >}} for this.');
    expect(markdown).toBe(
      'Thanks to <a href="//github.com/bep">@bep</a>\n<a href="//github.com/gohugoio/hugo/commit/1234abcdef">1234ab</a>\n<a href="//github.com/gohugoio/hugo/issues/42">#42</a> for this.',
    );
  });

  it('read variables, dict, index, default, title, printf, markdownify and the inner text', () => {
    const alert = `{{- $type := .Get 0 | default "note" -}}
{{- $title := .Get 1 | default (title $type) -}}
{{- $colors := dict "note" "#0969da" "warning" "#ff8c00" -}}
<div class="github-alert" style="color: {{ index $colors $type }}" data-n="{{ printf "%s-%d" $type .Ordinal }}">
<p>{{ $title }}</p>
{{ .Inner | markdownify }}
</div>`;
    const { markdown } = expandWith({ 'gh-alert': alert }, '{{< gh-alert warning >}}\nMind the **gap**.\n{{< /gh-alert >}}\n\n{{< gh-alert >}}Second{{< /gh-alert >}}');
    expect(markdown).toContain('<div class="github-alert" style="color: #ff8c00" data-n="warning-0">\n<p>Warning</p>\nMind the <strong>gap</strong>.\n</div>');
    expect(markdown).toContain('<div class="github-alert" style="color: #0969da" data-n="note-1">\n<p>Note</p>\nSecond\n</div>');
  });

  it("keep the page's Scratch from one call to the next, as beautifulhugo's figure counts itself", () => {
    const counted = '{{- if not ($.Page.Scratch.Get "count") }}<link rel="stylesheet" href="/css/gallery.css">{{ end }}{{- $.Page.Scratch.Add "count" 1 -}}<p>{{ $.Page.Scratch.Get "count" }}</p>';
    const { markdown } = expandWith({ counted }, '{{< counted >}}\n\n{{< counted >}}');
    expect(markdown.trim()).toMatch(/^<link rel="stylesheet" href="\/css\/gallery.css"><p>1<\/p>\n+<p>2<\/p>$/);
  });

  it('read the page front matter, comments and trim markers, and relURL', () => {
    const filelink = `{{/* usage: {{< filelink "a.pdf" >}} */}}
{{- $path := .Get "path" | default (.Get 0) -}}
{{- $text := .Get 1 | default (path.Base $path) -}}
<a href="{{ printf "/attachments/%s" $path | relURL }}" data-author="{{ .Page.Params.author }}">{{ $text }}</a>`;
    const { markdown, warnings } = expandWith({ filelink }, 'See {{< filelink "docs/spec v2.pdf" >}}.', { Author: 'Jimmy' });
    expect(warnings).toEqual([]);
    expect(markdown).toBe('See <a href="/attachments/docs/spec v2.pdf" data-author="Jimmy">spec v2.pdf</a>.');
  });

  it('leave out a javascript: URL as html/template does, and keep HTML that a template marks safe', () => {
    expect(run('<a href="{{ .Get 0 }}">x</a>', new TemplateObject('Shortcode', { Get: () => 'javascript:alert(1)' }))).toBe('<a href="#ZgotmplZ">x</a>');
    expect(run('{{ "<b>ok</b>" | safeHTML }} {{ "<b>no</b>" }}')).toBe('<b>ok</b> &lt;b&gt;no&lt;/b&gt;');
    expect(run('{{ if and 1 "" }}yes{{ else }}no{{ end }}{{ with $x := "v" }}{{ $x }}{{ end }}')).toBe('nov');
    expect(new SafeHtml('x').toString()).toBe('x');
  });

  it('name what a template does that is not evaluated, and still show the images of the call', () => {
    const friend = '<div>{{ range hugo.Data.friends }}<a href="{{ .website }}">{{ .title }}</a>{{ end }}</div>';
    const scratch = '{{ $.Page.Resources.GetMatch "x" }}<img src="{{ .Get "src" }}">';
    const broken = '{{ if .Get "x" }}never closed';
    const { markdown, warnings } = expandWith(
      { friend, scratch, broken },
      '{{< friend >}}\n\n{{< scratch src="/a.png" title="A picture" >}}\n\n{{< broken >}}',
    );
    expect(warnings.map((warning) => warning.message)).toEqual([
      'shortcode "friend": its template layouts/shortcodes/friend.html uses the function hugo.Data.friends, which is not evaluated here: its content is shown as plain Markdown; remove the shortcode, or simplify the template, or add a renderer in lib/content/shortcodes.ts',
      'shortcode "scratch": its template layouts/shortcodes/scratch.html uses .Resources of Page, which is not evaluated here: its image is shown as a figure, and its content as plain Markdown; simplify the template, or add a renderer in lib/content/shortcodes.ts to show it as the site did',
      'shortcode "broken": its template layouts/shortcodes/broken.html uses a block is not closed with {{ end }}, which is not evaluated here: its content is shown as plain Markdown; remove the shortcode, or simplify the template, or add a renderer in lib/content/shortcodes.ts',
    ]);
    expect(markdown).toContain('<figure><img src="/a.png" alt="A picture"><figcaption>A picture</figcaption></figure>');
  });

  it("leave the shortcodes this site draws itself (figure, callout...) to its own renderers", () => {
    const { markdown } = expandWith({ figure: '<p>the site figure {{ .Get "src" }}</p>' }, '{{< figure src="/a.png" caption="Cap" >}}');
    expect(markdown).toContain('<figure><img src="/a.png" alt="Cap"><figcaption>Cap</figcaption></figure>');
  });

  it('are found by the content layer in layouts/shortcodes beside the posts', () => {
    const root = makeSite({
      'layouts/shortcodes/photo-card.html': GALLERY,
      'posts/en/gallery-post.md': post('title: Gallery\ndate: 2024-01-01', 'Intro.\n\n{{< photo-card link="/images/a.png" title="West Lake" >}}\n'),
      'public/images/a.png': 'not really a png',
    });
    const content = loadContent(optionsFor(root, { shortcodesDir: path.join(root, 'layouts/shortcodes') }));
    const [only] = content.posts.en;
    expect(only?.body).toContain('<img src="/images/a.png" alt="West Lake">');
    expect(only?.body).toContain('<i>West Lake</i>');
    expect(content.warnings.filter((warning) => warning.message.includes('shortcode'))).toEqual([]);
  });
});
