import { formatAuthorDate } from '../content/dates';
import type { Post } from '../content/load';
import { siteConfig, ui, type Lang } from '../site-config';

/** Every card's size (the 1.91:1 social sites crop to) and format. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 };
export const OG_IMAGE_TYPE = 'image/png';

/** The words on an OpenGraph card: a small line above the title, the title, a line below. */
export type CardText = { kicker?: string; title: string; footer: string };

/** A language's home: the site's name and what the site is about. */
export function homeCardText(lang: Lang): CardText {
  return { title: siteConfig.title[lang], footer: siteConfig.description[lang] };
}

/** A post: the site's name, the post's title, its date and first category. */
export function postCardText(post: Post): CardText {
  const date = formatAuthorDate(post.date, ui(post.lang).locale);
  const category = post.categories[0]?.name;
  return { kicker: siteConfig.title[post.lang], title: post.title, footer: category ? `${date} · ${category}` : date };
}
