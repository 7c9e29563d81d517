import type { PostStatus } from '@/lib/content';
import { ui, type Lang } from '@/lib/site-config';

type StatusBadgeProps = { status: PostStatus; lang: Lang };

/** Marks drafts, scheduled and expired posts, which only `next dev` shows. */
export function StatusBadge({ status, lang }: StatusBadgeProps) {
  if (status === 'published') return null;
  const label = ui(lang)[status];
  return (
    <span className="inline-block rounded bg-amber-400 px-2 py-0.5 text-xs font-semibold tracking-wide text-amber-950 uppercase">
      {label}
    </span>
  );
}
