import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPost, getPosts } from '@/lib/content';
import { postAlternates } from '@/lib/i18n';
import { alternatesMetadata } from '@/lib/metadata';
import { postSocialMetadata } from '@/lib/structured-data';
import { langParam, segmentParam } from '@/lib/route-params';
import { languages } from '@/lib/site-config';
import { postPath } from '@/lib/urls';
import { PostArticle } from '../../_components/post-article';

export const dynamicParams = false;

export function generateStaticParams() {
  return languages.flatMap((lang) => getPosts(lang).map((post) => ({ lang, slug: post.slug })));
}

async function postFromParams(params: PageProps<'/[lang]/blog/[slug]'>['params']) {
  const { lang, slug } = await params;
  return getPost(langParam(lang), segmentParam(slug)) ?? notFound();
}

export async function generateMetadata({ params }: PageProps<'/[lang]/blog/[slug]'>): Promise<Metadata> {
  const post = await postFromParams(params);
  return {
    title: post.title,
    description: post.summary,
    alternates: alternatesMetadata({ lang: post.lang, path: postPath(post.lang, post.slug), translations: postAlternates(post) }),
    ...postSocialMetadata(post),
  };
}

export default async function PostPage({ params }: PageProps<'/[lang]/blog/[slug]'>) {
  return <PostArticle post={await postFromParams(params)} />;
}
