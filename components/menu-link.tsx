import Link from 'next/link';
import type { MenuEntry } from '@/lib/site-settings';

/** A menu's link: a page of this site through the router, another site as a plain link. */
export function MenuLink({ entry, className }: { entry: MenuEntry; className: string }) {
  if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(entry.url)) {
    return (
      <a href={entry.url} className={className}>
        {entry.name}
      </a>
    );
  }
  return (
    <Link href={entry.url} className={className}>
      {entry.name}
    </Link>
  );
}
