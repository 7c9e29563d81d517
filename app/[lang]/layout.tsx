import type { Metadata } from 'next';
import '../globals.css';
import { AnnouncementBar } from '@/components/announcement-bar';
import { DevContentStatus } from '@/components/dev-content-status';
import { IntentPrefetch } from '@/components/intent-prefetch';
import { SiteFooter } from '@/components/site-footer';
import { ThemeScript } from '@/components/theme-script';
import { getPages, getSectionItems } from '@/lib/content';
import { metadataBase } from '@/lib/metadata';
import { registerPagePinning } from '@/lib/page-pinning';
import { languageSocialMetadata } from '@/lib/structured-data';
import { defaultLang, isLang, siteConfig, ui } from '@/lib/site-config';
import { entryPath } from '@/lib/urls';

// A production build's worker pins each page's inline scripts as it writes the page (lib/page-pinning.ts).
registerPagePinning();

// Each page lists its own languages in generateStaticParams: Next.js drops every child page of a
// layout-level parameter for which a child returns no params (e.g. `/zh/page/2` when `zh` has one page).
export const dynamicParams = false;

export async function generateMetadata({ params }: LayoutProps<'/[lang]'>): Promise<Metadata> {
  const value = (await params).lang;
  const lang = isLang(value) ? value : defaultLang;
  return {
    metadataBase,
    title: { default: siteConfig.title[lang], template: `%s | ${siteConfig.title[lang]}` },
    description: siteConfig.description[lang],
    ...languageSocialMetadata(lang),
  };
}

export default async function RootLayout({ children, params }: LayoutProps<'/[lang]'>) {
  const value = (await params).lang;
  // Every page refuses unknown languages itself (dynamicParams = false); only the catch-all 404
  // route renders under one, and it needs a document to show its bilingual message in.
  const lang = isLang(value) ? value : defaultLang;
  const announced = siteConfig.announcementSection ? getSectionItems(lang, siteConfig.announcementSection)[0] : undefined;
  return (
    // The theme script sets data-theme on <html> before React hydrates.
    <html lang={ui(lang).locale} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-screen flex-col bg-page font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-page focus:px-3 focus:py-2"
        >
          {ui(lang).skipToContent}
        </a>
        {announced ? <AnnouncementBar lang={lang} item={announced} /> : null}
        <div className="flex-1">{children}</div>
        <SiteFooter
          lang={lang}
          links={siteConfig.menus.footer[lang] ?? getPages(lang).map((page) => ({ name: page.title, url: entryPath(page), weight: 0 }))}
        />
        <IntentPrefetch />
        {process.env.NODE_ENV === 'development' ? <DevContentStatus /> : null}
      </body>
    </html>
  );
}
