import { notFound } from 'next/navigation';
import { isLang, type Lang } from './site-config';
import { isTaxonomy, type Taxonomy } from './urls';

/**
 * Route segments arrive decoded, except non-ASCII ones in some Next.js code paths, which arrive
 * percent-encoded. Slugs never contain `%` (the content layer refuses them), so decoding is safe.
 */
export function segmentParam(value: string): string {
  if (!value.includes('%')) return value.normalize('NFC');
  try {
    return decodeURIComponent(value).normalize('NFC');
  } catch {
    notFound();
  }
}

export function langParam(value: string): Lang {
  if (!isLang(value)) notFound();
  return value;
}

export function taxonomyParam(value: string): Taxonomy {
  if (!isTaxonomy(value)) notFound();
  return value;
}

/** `/page/2` and up; `/page/1` is the list's own URL and `/page/02` is not a page. */
export function pageParam(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) notFound();
  const page = Number(value);
  if (page < 2) notFound();
  return page;
}
