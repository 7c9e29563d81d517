import { renderPostBody, type Post } from '@/lib/content';
import { mdxComponentsFor } from './mdx-components';

const PROSE = [
  'prose max-w-none',
  'prose-headings:scroll-mt-28 sm:prose-headings:scroll-mt-20 prose-a:text-accent prose-img:rounded-lg prose-figcaption:text-center',
  'prose-pre:overflow-x-auto prose-code:before:content-none prose-code:after:content-none',
  // Inline code only: code blocks keep the dark `pre` background.
  '[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-subtle [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:py-0.5 [&_:not(pre)>code]:font-normal',
].join(' ');

type PostBodyProps = { post: Post };

export async function PostBody({ post }: PostBodyProps) {
  const content = await renderPostBody(post, mdxComponentsFor(post.lang));
  return <div className={PROSE}>{content}</div>;
}
