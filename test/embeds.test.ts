import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatProblem } from '@/lib/content/errors';
import { importHugoSite } from '@/lib/hugo/import';
import { contentSecurityPolicy } from '@/lib/security-policy';
import { siteConfig } from '@/lib/site-config';
import { siteSettings } from '@/lib/site-settings';
import { makeSite, optionsFor, post } from './fixtures';

// An embed of a site the security policy does not let in is an empty box for readers: the check
// names it with the line to add to the config, and the import allows what the content frames.

const BILIBILI = '<iframe src="//player.bilibili.com/player.html?aid=42&page=1" width="100%" height="400" allowfullscreen></iframe>';

const original = [...siteSettings.embedOrigins];
afterEach(() => {
  siteSettings.embedOrigins = [...original];
});

describe('embeds and the security policy', () => {
  it('a framed page from a site not allowed is reported with its line and the setting that allows it', () => {
    const root = makeSite({
      'posts/en/video.md': post('title: Video\ndate: 2024-01-01', `Watch:\n\n${BILIBILI}\n\n<iframe src="https://www.youtube-nocookie.com/embed/x" title="ok"></iframe>\n`),
    });
    const report = checkContent(optionsFor(root));
    expect(report.defects.map(formatProblem)).toEqual([
      expect.stringMatching(
        /posts\/en\/video\.md:8: an embed from https:\/\/player\.bilibili\.com is blocked by the site's security policy, so readers get a link to it instead: add "https:\/\/player\.bilibili\.com" to embedOrigins in site\.config\.json to show it in the page$/,
      ),
    ]);
    siteSettings.embedOrigins = ['https://player.bilibili.com'];
    expect(siteConfig.frameOrigins).toContain('https://player.bilibili.com');
    expect(checkContent(optionsFor(root)).defects).toEqual([]);
  });

  it('the import allows the sites its content frames, in the settings it writes', () => {
    const hugo = makeSite({
      'config.toml': 'defaultContentLanguage = "en"\n',
      'content/blog/a.md': `---\ntitle: A\ndate: 2020-01-01\n---\n\n${BILIBILI}\n\n<iframe src='http://player.vimeo.com/video/1'></iframe>\n`,
    });
    const target = makeSite({});
    const settingsFile = path.join(target, 'site.config.json');
    const report = importHugoSite({ siteDir: hugo, postsDir: path.join(target, 'posts'), publicDir: path.join(target, 'public'), settingsFile });
    expect(JSON.parse(readFileSync(settingsFile, 'utf8')).embedOrigins).toEqual(['https://player.bilibili.com', 'https://player.vimeo.com']);
    expect(report.settings.written).toContain('embedOrigins = ["https://player.bilibili.com","https://player.vimeo.com"]');
  });

  it('a script of another site is left out, and the check says where and what readers see instead', () => {
    const root = makeSite({
      'posts/en/tweet.md': post('title: Tweet\ndate: 2024-01-01', 'A tweet:\n\n<blockquote class="twitter-tweet"><p>Hi.</p></blockquote>\n<script async src="https://platform.twitter.com/widgets.js"></script>\n'),
    });
    expect(checkContent(optionsFor(root)).warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/posts\/en\/tweet\.md:9: a script from https:\/\/platform\.twitter\.com is left out of the page \(the site runs its own scripts only\): what it would draw shows as written, e\.g\. a tweet as its quoted text and link; to run it, add "https:\/\/platform\.twitter\.com" to scriptOrigins in site\.config\.json$/),
    ]);
  });

  it('in an MDX post too, a blocked iframe and a script written as JSX are reported with their lines', () => {
    const body = 'Watch:\n\n<iframe src="https://example.org/widget" title="W"></iframe>\n\n<script>alert(1)</script>\n';
    const root = makeSite({ 'posts/en/jsx.mdx': post('title: JSX\ndate: 2024-01-01', body) });
    const report = checkContent(optionsFor(root));
    expect(report.defects.map(formatProblem)).toEqual([expect.stringMatching(/posts\/en\/jsx\.mdx:8: an embed from https:\/\/example\.org is blocked/)]);
    expect(report.warnings.map(formatProblem)).toEqual([expect.stringMatching(/posts\/en\/jsx\.mdx:10: an inline script is left out of the page/)]);
  });

  it('a script of a site the author lets in is not reported, and the policy lets it run', () => {
    const root = makeSite({
      'posts/en/tweet.md': post('title: Tweet\ndate: 2024-01-01', 'A tweet:\n\n<blockquote class="twitter-tweet"><p>Hi.</p></blockquote>\n<script async src="//platform.twitter.com/widgets.js"></script>\n'),
    });
    siteSettings.scriptOrigins = ['https://platform.twitter.com'];
    try {
      expect(checkContent(optionsFor(root)).warnings).toEqual([]);
      expect(contentSecurityPolicy()).toMatch(/script-src 'self' 'unsafe-inline' https:\/\/platform\.twitter\.com 'report-sample'/);
    } finally {
      siteSettings.scriptOrigins = [];
    }
  });

  it('a script written in a post is left out, with where it was; data in a script element stays', async () => {
    const body = 'Counter:\n\n<script>document.title = "changed"</script>\n\n<script type="application/ld+json">{"@type":"Thing"}</script>\n';
    const root = makeSite({ 'posts/en/inline.md': post('title: Inline\ndate: 2024-01-01', body) });
    expect(checkContent(optionsFor(root)).warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/posts\/en\/inline\.md:8: an inline script is left out of the page \(the site runs its own scripts only, and readers' browsers would refuse one written in a post\): remove it, and say in words what it did$/),
    ]);
  });
});
