import Link from './link';
import { ui, type Lang } from '@/lib/site-config';

type PaginationProps = {
  lang: Lang;
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
};

export function Pagination({ lang, page, totalPages, hrefFor }: PaginationProps) {
  if (totalPages <= 1) return null;
  const strings = ui(lang);
  const link = 'rounded-md border border-line-strong px-3 py-1.5 text-sm hover:border-accent-line hover:text-accent';
  return (
    <nav aria-label={strings.pagination} className="mt-10 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          ← {strings.newer}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-ink-faint">{strings.pageOf(page, totalPages)}</span>
      {page < totalPages ? (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          {strings.older} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
