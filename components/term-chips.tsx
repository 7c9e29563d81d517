import Link from './link';
import type { TermLink } from '@/lib/content';
import type { Lang } from '@/lib/site-config';
import { termPath, type Taxonomy } from '@/lib/urls';

type TermChipsProps = {
  lang: Lang;
  taxonomy: Taxonomy;
  terms: readonly TermLink[];
  label: string;
  tone?: 'light' | 'dark';
};

export function TermChips({ lang, taxonomy, terms, label, tone = 'light' }: TermChipsProps) {
  if (!terms.length) return null;
  const chip =
    tone === 'dark'
      ? 'border-white/40 bg-white/10 text-white hover:bg-white/25'
      : 'border-line bg-surface text-ink-soft hover:border-accent-line hover:bg-accent-soft hover:text-accent';
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {terms.map((term) => (
        <li key={term.slug}>
          <Link
            href={termPath(lang, taxonomy, term.slug)}
            className={`inline-block rounded-full border px-3 py-0.5 text-sm transition-colors ${chip}`}
          >
            {taxonomy === 'tags' ? `#${term.name}` : term.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
