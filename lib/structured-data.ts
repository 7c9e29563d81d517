import type { Metadata } from 'next';
import { authorIsoString } from './content/dates';
import type { Post } from './content/load';
import { siteConfig, ui } from './site-config';
import { absoluteUrl as absolute, homePath, postPath, termPath } from './urls';

/** OpenGraph and Twitter card metadata of a post: an article, its hero image with its size. */
export function postSocialMetadata(post: Post): Pick<Metadata, 'openGraph' | 'twitter'> {
  const url = absolute(postPath(post.lang, post.slug));
  const image = post.image
    ? {
        url: absolute(post.image.src),
        ...(post.image.kind === 'local' && post.image.width && post.image.height
          ? { width: post.image.width, height: post.image.height }
          : {}),
        alt: post.title,
      }
    : undefined;
  return {
    openGraph: {
      type: 'article',
      url,
      title: post.title,
      description: post.summary,
      siteName: siteConfig.title[post.lang],
      locale: ui(post.lang).locale.replace('-', '_'),
      publishedTime: authorIsoString(post.date),
      modifiedTime: authorIsoString(post.lastmod ?? post.date),
      section: post.categories[0]?.name,
      tags: post.tags.map((tag) => tag.name),
      authors: post.authors.length ? post.authors : [siteConfig.author],
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title: post.title,
      description: post.summary,
      images: image ? [image.url] : undefined,
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
        image: post.image ? absolute(post.image.src) : undefined,
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
