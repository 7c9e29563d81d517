import type { Metadata } from 'next';
import { authorIsoString } from './content/dates';
import type { Post } from './content/load';
import { OG_IMAGE_SIZE, OG_IMAGE_TYPE } from './og/card';
import { siteConfig, ui, type Lang } from './site-config';
import { absoluteUrl as absolute, homePath, ogImagePath, postPath, termPath } from './urls';

/** The generated card of a page, for `openGraph.images`. */
function cardImage(pagePath: string, alt: string) {
  return { url: absolute(ogImagePath(pagePath)), ...OG_IMAGE_SIZE, type: OG_IMAGE_TYPE, alt };
}

/**
 * A post's pictures for link previews: its generated card (title, site, date), made for them, and
 * its hero image when it has one.
 */
function postImages(post: Post) {
  const card = cardImage(postPath(post.lang, post.slug), post.title);
  const hero = post.image
    ? {
        url: absolute(post.image.src),
        ...(post.image.kind === 'local' && post.image.width && post.image.height
          ? { width: post.image.width, height: post.image.height }
          : {}),
        alt: post.title,
      }
    : undefined;
  return { card, all: hero ? [card, hero] : [card] };
}

/**
 * OpenGraph and Twitter metadata of a language's pages: a website, shown by the card of the
 * language's home. Posts replace it with their own.
 */
export function languageSocialMetadata(lang: Lang): Pick<Metadata, 'openGraph' | 'twitter'> {
  const card = cardImage(homePath(lang), siteConfig.title[lang]);
  return {
    openGraph: {
      type: 'website',
      siteName: siteConfig.title[lang],
      locale: ogLocale(lang),
      images: [card],
    },
    twitter: { card: 'summary_large_image', images: [{ url: card.url, alt: card.alt }] },
  };
}

function ogLocale(lang: Lang): string {
  return ui(lang).locale.replace('-', '_');
}

/**
 * OpenGraph and Twitter card metadata of a post: an article, with the card first and the hero
 * after it. Images listed in metadata take the place of the one Next.js would add from an
 * `opengraph-image` route, and this one URL works in the static export too.
 */
export function postSocialMetadata(post: Post): Pick<Metadata, 'openGraph' | 'twitter'> {
  const url = absolute(postPath(post.lang, post.slug));
  const { card, all } = postImages(post);
  return {
    openGraph: {
      type: 'article',
      url,
      title: post.title,
      description: post.summary,
      siteName: siteConfig.title[post.lang],
      locale: ogLocale(post.lang),
      publishedTime: authorIsoString(post.date),
      modifiedTime: authorIsoString(post.lastmod ?? post.date),
      section: post.categories[0]?.name,
      tags: post.tags.map((tag) => tag.name),
      authors: post.authors.length ? post.authors : [siteConfig.author],
      images: all,
    },
    twitter: {
      card: 'summary_large_image',
      title: post.title,
      description: post.summary,
      images: [{ url: card.url, alt: card.alt }],
    },
  };
}

/** schema.org BlogPosting and BreadcrumbList of a post, for JSON-LD. */
export function postStructuredData(post: Post): Record<string, unknown> {
  const url = absolute(postPath(post.lang, post.slug));
  const category = post.categories[0];
  const crumbs = [
    { name: siteConfig.title[post.lang], item: absolute(homePath(post.lang)) },
    ...(category ? [{ name: category.name, item: absolute(termPath(post.lang, 'categories', category.slug)) }] : []),
    { name: post.title, item: url },
  ];
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'BlogPosting',
        '@id': `${url}#post`,
        headline: post.title,
        description: post.summary,
        url,
        mainEntityOfPage: url,
        inLanguage: ui(post.lang).locale,
        datePublished: authorIsoString(post.date),
        dateModified: authorIsoString(post.lastmod ?? post.date),
        author: (post.authors.length ? post.authors : [siteConfig.author]).map((name) => ({ '@type': 'Person', name })),
        image: postImages(post).all.map((image) => image.url),
        keywords: post.tags.map((tag) => tag.name),
        articleSection: category?.name,
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, ...crumb })),
      },
    ],
  };
}
