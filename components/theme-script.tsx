import { THEME_SCRIPT } from '@/lib/page-scripts';

/** The theme the page shows now: the reader's choice, else the system's. Browser only. */
export function resolvedTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Applies the reader's stored theme before the first paint (see lib/page-scripts.ts). */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
