import { describe, expect, it } from 'vitest';
import { negotiateLang } from '@/lib/i18n';
import { defaultLang } from '@/lib/site-config';

describe('negotiateLang', () => {
  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['fr-FR,fr;q=0.9,en;q=0.5,zh;q=0.7', 'zh'],
    ['de, en-GB;q=0.3', 'en'],
    ['en;q=0, zh-TW', 'zh'],
  ])('%s -> %s', (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });

  it('falls back to the default language', () => {
    expect(negotiateLang(null)).toBe(defaultLang);
    expect(negotiateLang('fr, de;q=0.5')).toBe(defaultLang);
    expect(negotiateLang('*')).toBe(defaultLang);
  });
});
