/** Where the reader's theme choice is kept; the toggle writes it, the script below reads it. */
export const THEME_STORAGE_KEY = 'theme';

/**
 * Applies a theme the reader chose earlier before the first paint, so the page never flashes in the
 * other theme. Without a stored choice it sets nothing and the CSS follows the system.
 */
export const themeScript = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** The theme the page shows now: the reader's choice, else the system's. Browser only. */
export function resolvedTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export const DARK_QUERY = '(prefers-color-scheme: dark)';

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
