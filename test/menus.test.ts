import { describe, expect, it, vi } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatProblem } from '@/lib/content/errors';
import { siteConfig } from '@/lib/site-config';
import { makeSite, optionsFor, post } from './fixtures';

// This site's settings, as an import from Hugo writes them: menus out of weight order, one link
// to a page the site has, one to a section that was not imported, one to another site.
vi.mock('@/lib/site-settings', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/site-settings')>();
  return {
    ...original,
    siteSettings: original.parseSiteSettings({
      site: { title: { en: 'Imported Title' } },
      menus: {
        main: {
          en: [
            { name: 'Notice', url: '/en/notice', weight: 5 },
            { name: 'Posts', url: '/en', weight: 1 },
            { name: 'Elsewhere', url: 'https://elsewhere.example/', weight: 9 },
          ],
        },
      },
    }),
  };
});

describe('site settings: who the site is, and its menus', () => {
  it('take the title of a language from the settings, and order the menu by weight', () => {
    expect(siteConfig.title.en).toBe('Imported Title');
    expect(siteConfig.title.zh).toBe('云原生笔记');
    expect(siteConfig.menus.main.en?.map((entry) => entry.name)).toEqual(['Posts', 'Notice', 'Elsewhere']);
    expect(siteConfig.menus.main.zh).toBeUndefined();
  });

  it('npm run check names a menu link that leads to no page', () => {
    const root = makeSite({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01') });
    const report = checkContent(optionsFor(root));
    const menuWarnings = report.warnings.map(formatProblem).filter((line) => line.startsWith('site.config.json'));
    expect(menuWarnings).toEqual(['site.config.json: menus.main.en: "Notice" leads to /en/notice, which no page of the site answers: point it at a page, or remove it']);
  });
});
