'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** A file rather than a page (a feed, an image, a bundle's download): nothing to prefetch. */
const FILE = /\.[a-z0-9]+$/i;

/**
 * Prefetches a page of the site once the reader shows they may open it: the pointer over its link,
 * the link focused, or touched. One listener for the whole page, for the site's links and the links
 * in posts alike; each page is asked for once per page view.
 */
export function IntentPrefetch() {
  const router = useRouter();
  useEffect(() => {
    const asked = new Set<string>();
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return;
      if (FILE.test(link.pathname)) return;
      const page = `${link.pathname}${link.search}`;
      if (page === `${window.location.pathname}${window.location.search}` || asked.has(page)) return;
      asked.add(page);
      router.prefetch(page);
    };
    const kinds = ['pointerover', 'focusin', 'touchstart'] as const;
    for (const kind of kinds) document.addEventListener(kind, onIntent, { passive: true });
    return () => {
      for (const kind of kinds) document.removeEventListener(kind, onIntent);
    };
  }, [router]);
  return null;
}
