import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reapedChildrenCpuSeconds } from './process-tree';
import { writeBundles, type SyntheticPost } from './synthetic-posts';

const CONFIG = `baseURL = "http://127.0.0.1/"
title = "Bench"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = true
paginate = 10

[taxonomies]
category = "categories"
tag = "tags"

[markup.goldmark.renderer]
unsafe = true

[languages.en]
contentDir = "content/en"
weight = 1

[languages.zh]
contentDir = "content/zh"
weight = 2
`;

const HEAD = '<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head><body>';

// The same kinds of pages as ours, without a theme: home, section and term lists (paginated),
// taxonomy indexes, and posts with their table of contents, terms and translations.
const LAYOUTS: Record<string, string> = {
  'list.html': `${HEAD}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = .Site.RegularPages }}{{ end }}
{{ $paginator := .Paginate $pages }}
{{ range $paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary }}</p></article>{{ end }}
{{ with $paginator.Prev }}<a href="{{ .URL }}">newer</a>{{ end }} {{ with $paginator.Next }}<a href="{{ .URL }}">older</a>{{ end }}
</body></html>`,
  'single.html': `${HEAD}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time> <span>{{ .ReadingTime }} min</span>
<nav>{{ .TableOfContents }}</nav>
{{ .Content }}
<ul>{{ range .GetTerms "categories" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</article></body></html>`,
  'taxonomy.html': `${HEAD}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul></body></html>`,
};

/** The same posts as a Hugo site (content/<lang>/blog), for timing `hugo` against `next build`. */
export function writeHugoSite(posts: readonly SyntheticPost[], siteDir: string): void {
  writeFileSync(path.join(siteDir, 'hugo.toml'), CONFIG);
  const layouts = path.join(siteDir, 'layouts/_default');
  mkdirSync(layouts, { recursive: true });
  for (const [name, template] of Object.entries(LAYOUTS)) writeFileSync(path.join(layouts, name), template);
  writeBundles(posts, (lang) => path.join(siteDir, 'content', lang, 'blog'));
}

/** `Hugo v0.111.3+extended`, or undefined when hugo is not on PATH. */
export function hugoVersion(): string | undefined {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  const version = result.status === 0 ? result.stdout.split(' ')[1] : undefined;
  return version && `Hugo ${version}`;
}

/** A cold `hugo` build of the site (its output and caches removed first): wall seconds, and the CPU seconds of its threads. */
export function timeHugoBuild(siteDir: string): { seconds: number; cpuSeconds: number } {
  for (const dir of ['public', 'resources', 'cache']) rmSync(path.join(siteDir, dir), { recursive: true, force: true });
  const started = performance.now();
  const cpuBefore = reapedChildrenCpuSeconds();
  // Hugo's cache would otherwise live in $TMPDIR/hugo_cache, outlive the run and warm the next one.
  const result = spawnSync('hugo', ['--source', siteDir, '--cacheDir', path.join(siteDir, 'cache'), '--quiet'], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`hugo failed:\n${result.stderr || result.stdout}`);
  return { seconds, cpuSeconds: reapedChildrenCpuSeconds() - cpuBefore };
}
