import { languages, siteConfig, ui } from '@/lib/site-config';
import { homePath } from '@/lib/urls';

/** A 404 for URLs outside every language: with no language to pick, it speaks all of them. */
export function BilingualNotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-24">
      <p className="text-6xl font-bold text-ink-faint">404</p>
      {languages.map((lang) => (
        <section key={lang} lang={ui(lang).locale} className="mt-8">
          <h1 className="text-2xl font-semibold">{ui(lang).notFoundTitle}</h1>
          <p className="mt-2 text-ink-muted">{ui(lang).notFoundBody}</p>
          <a href={homePath(lang)} className="mt-3 inline-block font-medium text-accent hover:underline">
            {ui(lang).backHome} · {siteConfig.title[lang]}
          </a>
        </section>
      ))}
    </main>
  );
}
