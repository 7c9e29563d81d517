import type { Metadata } from 'next';
import './globals.css';
import { BilingualNotFound } from '@/components/bilingual-not-found';
import { ThemeScript } from '@/components/theme-script';
import { defaultLang, siteConfig, ui } from '@/lib/site-config';

export const metadata: Metadata = {
  title: `404 | ${siteConfig.title[defaultLang]}`,
  robots: { index: false },
};

export default function GlobalNotFound() {
  return (
    <html lang={ui(defaultLang).locale} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="bg-page font-sans text-ink antialiased">
        <BilingualNotFound />
      </body>
    </html>
  );
}
