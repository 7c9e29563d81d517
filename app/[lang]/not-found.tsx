import Link from 'next/link';
import { lang as langRootParam } from 'next/root-params';
import { PageBanner } from '@/components/page-banner';
import { SiteHeader } from '@/components/site-header';
import { defaultLang, isLang, ui } from '@/lib/site-config';
import { homePath } from '@/lib/urls';

export default async function NotFound() {
  const value = await langRootParam();
  const lang = value && isLang(value) ? value : defaultLang;
  const strings = ui(lang);
  return (
    <>
      <SiteHeader lang={lang} />
      <PageBanner title={strings.notFoundTitle} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-12">
        <p className="text-lg text-slate-600">{strings.notFoundBody}</p>
        <p className="mt-6">
          <Link href={homePath(lang)} className="font-medium text-sky-700 hover:underline">
            {strings.backHome}
          </Link>
        </p>
      </main>
    </>
  );
}
