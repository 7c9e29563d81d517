/**
 * The inline scripts of the site's own pages. They run before the first paint, so they cannot
 * wait for a script file, and each is the same text on every page: the pages' security policy
 * lets them run by their hashes (see lib/security-policy.ts).
 */

/** Where the reader's theme choice is kept; the toggle writes it, the theme script reads it. */
export const THEME_STORAGE_KEY = 'theme';

/** Where the dismissed announcement (its section and translation key) is remembered in this browser. */
export const ANNOUNCEMENT_STORAGE_KEY = 'announcement-dismissed';

/**
 * Applies a theme the reader chose earlier before the first paint, so the page never flashes in the
 * other theme. Without a stored choice it sets nothing and the CSS follows the system.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/**
 * Right before the announcement bar, which it names in its own `data-announcement`: when the
 * reader dismissed this announcement, it marks the page so that the bar is hidden by the style
 * sheet from the moment it is parsed. (Run after the bar, it could come too late: a browser may
 * paint the bar when the page arrives in pieces and one ends right after it.)
 */
export const ANNOUNCEMENT_SCRIPT = `try{if(localStorage.getItem(${JSON.stringify(ANNOUNCEMENT_STORAGE_KEY)})===document.currentScript.dataset.announcement)document.documentElement.dataset.announcementDismissed=''}catch(e){}`;

/** Every inline script the site's own components write into a page. */
export const PAGE_SCRIPTS: readonly string[] = [THEME_SCRIPT, ANNOUNCEMENT_SCRIPT];
