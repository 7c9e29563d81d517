'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useTransition } from 'react';

type ContentRefresherProps = { version: string };

/** How long the page waits between two looks at the content fingerprint. */
const POLL_INTERVAL_MS = 250;

/**
 * `next dev` only: re-renders the page when a file under posts/ changes.
 *
 * One refresh at a time. After a save the server reads every post again before it answers, which
 * takes longer than the poll interval on a cold route or a busy machine; a refresh started while
 * another is on its way supersedes it before it is shown, so refreshing on every look that sees
 * the change kept replacing the refresh and the page never showed it. Now the page stops looking
 * while a refresh is on its way (and each look waits for the answer to the last), and the
 * refreshed page, with its new `version`, starts looking again.
 */
export function ContentRefresher({ version }: ContentRefresherProps) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (refreshing) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      try {
        const response = await fetch('/dev-content-version', { cache: 'no-store' });
        const { version: latest } = (await response.json()) as { version: string };
        if (stopped) return;
        if (latest !== version) {
          startRefresh(() => router.refresh());
          return;
        }
      } catch {
        // The dev server is restarting: try again on the next tick.
      }
      if (!stopped) timer = setTimeout(look, POLL_INTERVAL_MS);
    };
    // The first look is right away: a save made while the page was loading shows at once.
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [router, version, refreshing]);
  return null;
}
