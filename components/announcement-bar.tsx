import Link from './link';
import type { Post } from '@/lib/content';
import { ui, type Lang } from '@/lib/site-config';
import { entryPath } from '@/lib/urls';
import { ANNOUNCEMENT_SCRIPT } from '@/lib/page-scripts';
import { DismissAnnouncement } from './dismiss-announcement';

type AnnouncementBarProps = { lang: Lang; item: Post };

/**
 * The newest item of the announcement section, above every page, until the reader dismisses it.
 * A reader who dismissed this item never sees the bar paint: the script right before it marks the
 * page, and the style sheet hides the bar (app/globals.css). A newer item shows again.
 */
export function AnnouncementBar({ lang, item }: AnnouncementBarProps) {
  // One announcement in every language: dismissing it dismisses its translations too.
  const id = `${item.section}/${item.translationKey}`;
  const href = entryPath(item);
  return (
    <>
      <script data-announcement={id} dangerouslySetInnerHTML={{ __html: ANNOUNCEMENT_SCRIPT }} />
      <aside aria-label={ui(lang).announcement} data-announcement={id} className="border-b border-accent-line bg-accent-soft">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-2 text-sm">
          <p className="min-w-0 flex-1 truncate">
            <Link href={href} className="font-medium text-accent hover:underline">
              {item.title}
            </Link>
          </p>
          <DismissAnnouncement id={id} label={ui(lang).dismissAnnouncement} />
        </div>
      </aside>
    </>
  );
}
