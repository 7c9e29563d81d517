import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatProblem } from '@/lib/content/errors';
import { readContent, resolveSectionBanner } from '@/lib/content/load';
import { siteConfig } from '@/lib/site-config';
import { makeSite, optionsFor, post, TINY_PNG } from './fixtures';

// Notices have their own banner picture (Hugo's `_index.md` bg_image); the Chinese one is missing.
vi.mock('@/lib/site-settings', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/site-settings')>();
  return {
    ...original,
    siteSettings: original.parseSiteSettings({
      sections: [{ name: 'notice', banner: { en: 'images/backgrounds/notice.png', zh: '/images/backgrounds/gone.png' } }],
    }),
  };
});

function site() {
  const root = makeSite({
    'posts/en/a.md': post('title: A\ndate: 2024-01-01'),
    'content/en/notice/kubecon.md': post('title: KubeCon\ndate: 2023-05-01'),
    'content/zh/notice/kubecon.md': post('title: KubeCon 大会\ndate: 2023-05-01'),
    'public/images/backgrounds/notice.png': TINY_PNG,
  });
  return { root, options: optionsFor(root, { pagesDir: path.join(root, 'content') }) };
}

describe("a section list's own banner", () => {
  it('is the picture under public/ that the settings name for the language', () => {
    const { root } = site();
    const [notice] = siteConfig.sections;
    const resolved = notice && resolveSectionBanner('en', notice, path.join(root, 'public'));
    expect(resolved).toMatchObject({ ok: true, image: { kind: 'local', src: '/images/backgrounds/notice.png', file: path.join(root, 'public/images/backgrounds/notice.png') } });
  });

  it('that is missing builds the list with the default banner, and is reported as Hugo tolerates a broken picture', () => {
    const { options } = site();
    const { content, problems } = readContent(options);
    expect(problems).toEqual([]);
    expect(content.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/^site\.config\.json: sections\.0\.banner\.zh: image "\/images\/backgrounds\/gone\.png" is not a file under public\/.*the list of "notice" shows the site's default banner/),
    ]);
    const report = checkContent(options);
    expect(report.defects.map(formatProblem)).toEqual([expect.stringContaining('sections.0.banner.zh')]);
  });
});
