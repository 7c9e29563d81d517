'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

type ContentRefresherProps = { version: string };

/** `next dev` only: re-renders the page when a file under posts/ changes. */
export function ContentRefresher({ version }: ContentRefresherProps) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch('/dev-content-version', { cache: 'no-store' });
        const { version: latest } = (await response.json()) as { version: string };
        if (!stopped && latest !== version) router.refresh();
      } catch {
        // The dev server is restarting: try again on the next tick.
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [router, version]);
  return null;
}
