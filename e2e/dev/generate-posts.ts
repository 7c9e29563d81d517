/** Writes the generated posts (see generatedPosts) into the dev tests' copy of posts/. */
import { writeBundles } from '../../scripts/bench/synthetic-posts';
import { devPostsDir, generatedDir, generatedPosts } from './dev-posts';

const posts = generatedPosts();
writeBundles(posts, generatedDir);
console.log(`Generated ${posts.length} posts in ${devPostsDir}`);
