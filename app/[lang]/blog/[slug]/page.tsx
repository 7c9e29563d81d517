import type { Metadata } from 'next';
import { entryAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { postSocialMetadata } from '@/lib/structured-data';
import { postFromParams, postParams } from '@/lib/route-params';
import { postPath } from '@/lib/urls';
import { PostArticle } from '../../_components/post-article';

export const dynamicParams = false;

export const generateStaticParams = postParams;

export async function generateMetadata({ params }: PageProps<'/[lang]/blog/[slug]'>): Promise<Metadata> {
  const post = await postFromParams(params);
  return {
    title: post.title,
    description: post.summary,
    alternates: alternatesMetadata({ lang: post.lang, path: postPath(post.lang, post.slug), translations: entryAlternates(post) }),
    ...postSocialMetadata(post),
  };
}

export default async function PostPage({ params }: PageProps<'/[lang]/blog/[slug]'>) {
  return <PostArticle post={await postFromParams(params)} />;
}
