import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oldSiteUrls } from '@/lib/hugo/old-urls';
import { makeSite } from './fixtures';

// npm run urls -- --against <old site>: the URLs the old Hugo site served, read from its public/.

describe("an old site's URLs", () => {
  it('are its pages, feeds and other files; its not-found pages, in every language, are none of them', () => {
    const root = makeSite({
      'hugo-public/index.html': '',
      'hugo-public/404.html': '',
      'hugo-public/en/404.html': '',
      'hugo-public/en/index.html': '',
      'hugo-public/en/blog/a-post/index.html': '',
      'hugo-public/blog/云原生/index.html': '',
      'hugo-public/en/index.xml': '',
      'hugo-public/sitemap.xml': '',
      'hugo-public/images/a.png': '',
    });
    expect(oldSiteUrls(path.join(root, 'hugo-public'))).toEqual({
      pages: ['/', '/blog/%E4%BA%91%E5%8E%9F%E7%94%9F/', '/en/', '/en/blog/a-post/', '/en/index.xml', '/sitemap.xml'],
      files: ['/images/a.png'],
    });
  });
});
