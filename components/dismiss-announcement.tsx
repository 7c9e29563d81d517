'use client';

import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { ANNOUNCEMENT_STORAGE_KEY } from '@/lib/page-scripts';

type DismissAnnouncementProps = { id: string; label: string };

const subscribeToNothing = () => () => {};

function barOf(element: Element | null): HTMLElement | null {
  return element?.closest<HTMLElement>('[data-announcement]') ?? null;
}

function dismissed(id: string): boolean {
  try {
    return localStorage.getItem(ANNOUNCEMENT_STORAGE_KEY) === id;
  } catch {
    return false;
  }
}

/**
 * The announcement bar's close control: it hides the bar and remembers which announcement was
 * dismissed. Without JavaScript it keeps its place but is not shown, as it could do nothing.
 */
export function DismissAnnouncement({ id, label }: DismissAnnouncementProps) {
  const button = useRef<HTMLButtonElement>(null);
  const scripted = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  // A bar rendered in the browser (after moving to the other language) never ran the script
  // that hides a dismissed one: hide it before it paints.
  useLayoutEffect(() => {
    const bar = barOf(button.current);
    if (bar && dismissed(id)) bar.hidden = true;
  }, [id]);
  const dismiss = () => {
    try {
      localStorage.setItem(ANNOUNCEMENT_STORAGE_KEY, id);
    } catch {
      // Storage is off: the bar still goes away on this page.
    }
    const bar = barOf(button.current);
    if (bar) bar.hidden = true;
  };
  return (
    <button
      ref={button}
      type="button"
      onClick={dismiss}
      aria-label={label}
      className={`shrink-0 rounded p-1 text-ink-muted hover:bg-page hover:text-ink-strong ${scripted ? '' : 'invisible'}`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <path d="M4 4l8 8M12 4l-8 8" />
      </svg>
    </button>
  );
}
