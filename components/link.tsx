import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The site's links between its own pages: next/link, which moves between pages in the browser,
 * without its prefetch of every link that comes into view. On a phone that prefetch ran while the
 * page hydrated: a post's header, chips and announcement asked for 18 payloads, which cost more
 * main-thread time than all the site's islands together (docs/benchmarks.md, "A phone's main
 * thread"). IntentPrefetch prefetches a link when the reader points at it, focuses or touches it.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
