import Link from '@/components/link';
import { lang as langRootParam } from 'next/root-params';
import { BilingualNotFound } from '@/components/bilingual-not-found';
import { PageBanner } from '@/components/page-banner';
import { SiteHeader } from '@/components/site-header';
import { isLang, ui } from '@/lib/site-config';
import { homePath } from '@/lib/urls';
import { getDefaultBanner } from '@/lib/content';

export default async function NotFound() {
  const value = await langRootParam();
  // `/fr/anything` reaches here through the catch-all route: no language to speak, so speak all.
  if (!value || !isLang(value)) return <BilingualNotFound />;
  const strings = ui(value);
  return (
    <>
      <SiteHeader lang={value} />
      <PageBanner title={strings.notFoundTitle} background={getDefaultBanner()} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-12">
        <p className="text-lg text-ink-muted">{strings.notFoundBody}</p>
        <p className="mt-6">
          <Link href={homePath(value)} className="font-medium text-accent hover:underline">
            {strings.backHome}
          </Link>
        </p>
      </main>
    </>
  );
}
