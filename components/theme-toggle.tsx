'use client';

import { useLayoutEffect, useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY } from '@/lib/page-scripts';
import { DARK_QUERY, resolvedTheme } from './theme-script';

type Theme = 'light' | 'dark';
type ThemeToggleProps = { label: string };

function readStoredTheme(): Theme | null {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : null;
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  const media = matchMedia(DARK_QUERY);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

/** Switches between the light and the dark theme and remembers the choice in this browser. */
export function ThemeToggle({ label }: ThemeToggleProps) {
  const theme = useSyncExternalStore(subscribe, resolvedTheme, () => null);
  // Moving to the other language swaps the root layout, and React clears the attributes of the
  // <html> it had: apply the stored choice again before that page paints.
  useLayoutEffect(() => {
    const stored = readStoredTheme();
    if (stored && !document.documentElement.dataset.theme) document.documentElement.dataset.theme = stored;
  }, []);
  const toggle = () => {
    const next: Theme = resolvedTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage can be disabled; the choice then lasts until the page is left.
    }
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={label}
      aria-pressed={theme === null ? undefined : theme === 'dark'}
      title={label}
      data-testid="theme-toggle"
      className="rounded-md border border-line-strong p-1.5 text-ink-soft transition-colors hover:border-accent-line hover:text-accent"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 dark:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="hidden size-4 dark:block" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    </button>
  );
}
