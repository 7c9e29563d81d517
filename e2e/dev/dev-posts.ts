import os from 'node:os';
import path from 'node:path';

/** The copy of posts/ that the `next dev` server of the dev tests reads, so tests can edit it. */
export const devPostsDir = path.join(os.tmpdir(), 'blog-dev-posts');
export const devPort = Number(process.env.E2E_DEV_PORT ?? 3230);
