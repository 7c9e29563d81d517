import type { Post } from '@/lib/content';
import { COLUMN_IMAGE_SIZES } from '@/lib/content/image-variants';
import { PostImage } from './post-image';

/** The hero image above a post's or an item's body (`image`), a figure when its theme gave it a caption. */
export function HeroImage({ entry }: { entry: Post }) {
  if (!entry.image) return null;
  if (entry.imageCaption) {
    return (
      <figure className="mb-10" data-testid="hero-figure">
        <PostImage image={entry.image} alt={entry.title} sizes={COLUMN_IMAGE_SIZES} span="column" preload className="h-auto w-full rounded-xl shadow-sm" />
        <figcaption className="mt-2 text-center text-sm text-ink-faint">{entry.imageCaption}</figcaption>
      </figure>
    );
  }
  return (
    <PostImage image={entry.image} alt={entry.title} sizes={COLUMN_IMAGE_SIZES} span="column" preload className="mb-10 h-auto w-full rounded-xl shadow-sm" />
  );
}
