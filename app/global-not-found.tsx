import type { Metadata } from 'next';
import './globals.css';
import { BilingualNotFound } from '@/components/bilingual-not-found';
import { defaultLang, siteConfig, ui } from '@/lib/site-config';

export const metadata: Metadata = {
  title: `404 | ${siteConfig.title[defaultLang]}`,
  robots: { index: false },
};

export default function GlobalNotFound() {
  return (
    <html lang={ui(defaultLang).locale}>
      <body className="bg-white font-sans text-slate-800 antialiased">
        <BilingualNotFound />
      </body>
    </html>
  );
}
