/**
 * The floor a page's main-thread cost is compared with (issue 14): a bare Next.js app that serves
 * the same HTML with none of the site's islands or scripts. For each page it takes the page as the
 * site's server sends it, leaves out every `<script>`, and renders what remains of its `<body>` as a
 * server component tree (the same elements, so Next.js sends and hydrates the same tree), under a
 * root layout with the page's language, body class and style sheets. Everything else the page asks
 * for (images, files) the floor's server fetches from the site's server.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type FloorPage = { pagePath: string; lang: string; bodyClass: string; body: string; styleSheets: string[] };

/** The page at `pagePath` of the server at `siteUrl`, without its scripts. */
export async function floorPage(siteUrl: string, pagePath: string): Promise<FloorPage> {
  const response = await fetch(`${siteUrl}${pagePath}`);
  if (!response.ok) throw new Error(`${pagePath} answered ${response.status}`);
  const html = await response.text();
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1];
  if (body === undefined) throw new Error(`${pagePath} has no <body>`);
  return {
    pagePath,
    lang: /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? 'en',
    bodyClass: /<body[^>]*\sclass="([^"]*)"/.exec(html)?.[1] ?? '',
    body: body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''),
    styleSheets: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]!),
  };
}

const PAGE_SOURCE = `import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

export default function Page() {
  const tree = fromHtml(readFileSync(path.join(process.cwd(), 'pages', BODY_FILE), 'utf8'), { fragment: true });
  return toJsxRuntime(tree, { Fragment, jsx, jsxs });
}
`;

/**
 * Writes the floor app for these pages into `dir` (which `next build` then builds), using the
 * project's node_modules. Each page gets its own root layout (a route group), at its own path.
 */
export async function writeFloorApp(dir: string, projectDir: string, siteUrl: string, pages: FloorPage[]): Promise<void> {
  mkdirSync(path.join(dir, 'public'), { recursive: true });
  mkdirSync(path.join(dir, 'pages'), { recursive: true });
  symlinkSync(path.join(projectDir, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  // The bench waits for robots.txt to know a server is up.
  writeFileSync(path.join(dir, 'public', 'robots.txt'), 'User-agent: *\n');
  // Turbopack reads only below its root: the linked node_modules is outside this folder.
  const fallback = [{ source: '/:path*', destination: `${siteUrl}/:path*` }];
  writeFileSync(path.join(dir, 'next.config.mjs'), `export default { poweredByHeader: false, turbopack: { root: '/' }, rewrites: async () => ({ fallback: ${JSON.stringify(fallback)} }) };\n`);
  const sheets = new Map<string, string>();
  for (const href of new Set(pages.flatMap((page) => page.styleSheets))) {
    const name = `floor-${sheets.size}.css`;
    writeFileSync(path.join(dir, 'public', name), await (await fetch(`${siteUrl}${href}`)).text());
    sheets.set(href, `/${name}`);
  }
  pages.forEach((page, index) => {
    const group = path.join(dir, 'app', `(page-${index})`);
    const route = path.join(group, ...page.pagePath.split('/').filter(Boolean).map(decodeURIComponent));
    mkdirSync(route, { recursive: true });
    writeFileSync(path.join(dir, 'pages', `${index}.html`), page.body);
    const links = page.styleSheets.map((href) => `<link rel="stylesheet" href=${JSON.stringify(sheets.get(href))} />`).join('');
    writeFileSync(
      path.join(group, 'layout.jsx'),
      `export default function Layout({ children }) {\n  return (<html lang=${JSON.stringify(page.lang)}><head>${links}</head><body className=${JSON.stringify(page.bodyClass)}>{children}</body></html>);\n}\n`,
    );
    writeFileSync(path.join(route, 'page.jsx'), PAGE_SOURCE.replace('BODY_FILE', JSON.stringify(`${index}.html`)));
  });
}
