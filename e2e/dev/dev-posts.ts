import os from 'node:os';
import path from 'node:path';
import { syntheticPosts } from '../../scripts/bench/synthetic-posts';

/** The copy of posts/ that the `next dev` server of the dev tests reads, so tests can edit it. */
export const devPostsDir = path.join(os.tmpdir(), 'blog-dev-posts');
export const devPort = Number(process.env.E2E_DEV_PORT ?? 3230);

/**
 * The posts generated beside the sample posts (e2e/dev/generate-posts.ts), so that `next dev` is
 * tested at the scale of a real site. They are dated before every sample post, so the sample posts
 * stay first in every list.
 */
export const generatedPosts = () => syntheticPosts(300, 2024, { from: 2010, to: 2017 });

/** The folder of a language's generated posts, under devPostsDir. */
export const generatedDir = (lang: string) => path.join(devPostsDir, lang, 'generated');
