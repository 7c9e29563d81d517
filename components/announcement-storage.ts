/** Where the dismissed announcement (its section and translation key) is remembered in this browser. */
export const ANNOUNCEMENT_STORAGE_KEY = 'announcement-dismissed';
