/**
 * Creates a draft post with valid front matter.
 *
 *   npm run new -- --lang zh --title "服务网格入门" [--slug mesh-intro] [--bundle] [--mdx] [--translate en/mesh-intro]
 */
import path from 'node:path';
import { commandOptions } from './command-line';
import { createPost } from '../lib/authoring/new-post';
import { defaultLang } from '../lib/site-config';

const { values } = commandOptions({
  options: {
    lang: { type: 'string', default: defaultLang },
    title: { type: 'string', default: '' },
    slug: { type: 'string' },
    bundle: { type: 'boolean', default: false },
    mdx: { type: 'boolean', default: false },
    translate: { type: 'string' },
  },
}, 'npm run new -- --lang zh --title "服务网格入门" [--slug mesh-intro] [--bundle] [--mdx] [--translate en/mesh-intro]');

try {
  const created = createPost({ postsDir: path.resolve(process.env.BLOG_POSTS_DIR ?? 'posts'), ...values });
  console.log(`Created ${path.relative(process.cwd(), created.file)} (a draft).`);
  console.log(`Preview: npm run dev, then open http://localhost:3000${created.url}`);
  console.log('Set draft: false when it is ready to publish.');
} catch (error) {
  console.error(`npm run new: ${(error as Error).message}`);
  process.exitCode = 1;
}
