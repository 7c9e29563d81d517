'use client';

import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { SearchFiles, SearchStrings } from './search-dialog';

// The dialog, its search code and the index load only when a reader opens search.
const SearchDialog = lazy(() => import('./search-dialog').then((module) => ({ default: module.SearchDialog })));

type SearchButtonProps = { files: SearchFiles; strings: SearchStrings };

function isTypingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The query a link asks search for: `?q=` (Hugo themes' search pages, whose old URLs lead here)
 * or `?s=`. Read in the browser only.
 */
function linkedQuery(): string {
  const params = new URLSearchParams(window.location.search);
  return (params.get('q') ?? params.get('s') ?? '').trim();
}

const subscribeToNothing = () => () => {};

/** The opening that a link's `?q=` asks for when the page loads. */
const LINKED = -1;

/** Opens search from the header, from anywhere on the page with `/`, or from a link with `?q=`. */
export function SearchButton({ files, strings }: SearchButtonProps) {
  // Each opening has its number: a dialog closed with Escape tells us so a moment later (the
  // dialog's close event), and that must not close one the reader opened again meanwhile.
  const [opening, setOpening] = useState(LINKED);
  const openings = useRef(0);
  const open = () => setOpening(++openings.current);
  // Known in the browser only: the server renders no dialog, the browser opens it on hydration.
  const linked = useSyncExternalStore(subscribeToNothing, linkedQuery, () => '');
  const shown = opening === LINKED ? (linked ? LINKED : 0) : opening;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingInto(event.target)) return;
      event.preventDefault();
      setOpening(++openings.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-haspopup="dialog"
        aria-keyshortcuts="/"
        data-testid="search-button"
        className="flex items-center gap-2 rounded-md border border-line-strong px-2 py-1 text-sm text-ink-soft transition-colors hover:border-accent-line hover:text-accent"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">{strings.search}</span>
        <kbd aria-hidden="true" className="hidden rounded border border-line px-1 font-sans text-xs text-ink-faint sm:inline">
          /
        </kbd>
      </button>
      {shown ? (
        <Suspense fallback={null}>
          <SearchDialog key={shown} files={files} strings={strings} initialQuery={shown === LINKED ? linked : ''} onClose={() => setOpening((current) => (current === shown ? 0 : current))} />
        </Suspense>
      ) : null}
    </>
  );
}
