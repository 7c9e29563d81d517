import { compileMDX } from 'next-mdx-remote/rsc';
import { describeCompileError, postCompileOptions } from '@/lib/content/markdown';
import type { Post } from '@/lib/content';
import { mdxComponents } from './mdx-components';

type PostBodyProps = { post: Post };

export async function PostBody({ post }: PostBodyProps) {
  let content: React.ReactElement;
  try {
    ({ content } = await compileMDX({
      source: post.body,
      options: postCompileOptions(post),
      components: mdxComponents,
    }));
  } catch (error) {
    throw describeCompileError(post, error);
  }
  return (
    <div className="prose prose-slate max-w-none prose-headings:scroll-mt-20 prose-a:text-sky-700 prose-img:rounded-lg prose-figcaption:text-center">
      {content}
    </div>
  );
}
