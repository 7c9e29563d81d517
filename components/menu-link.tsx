import Link from './link';
import type { MenuEntry } from '@/lib/site-settings';
import { isOtherSiteUrl } from '@/lib/urls';

/** A menu's link: a page of this site through the router, another site as a plain link. */
export function MenuLink({ entry, className }: { entry: MenuEntry; className: string }) {
  if (isOtherSiteUrl(entry.url)) {
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
