// Cache-Control values shared by the routes that send them under `next start` and by the
// `_headers` file of the static export (lib/static-export.ts).

/** Files whose URL changes whenever their content does: the responsive image copies. */
export const CACHE_FOREVER = 'public, max-age=31536000, immutable';

/**
 * The search files keep their URL across deploys and the site sends no ETags: a browser keeps
 * them for ten minutes, then uses them while it checks for newer ones.
 */
export const CACHE_SEARCH_FILES = 'public, max-age=600, stale-while-revalidate=86400';
