'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { search, type Highlighted, type SearchIndex } from '@/lib/search';
import type { UiStrings } from '@/lib/site-config';

export type SearchStrings = Pick<
  UiStrings,
  'search' | 'searchPlaceholder' | 'searchLoading' | 'searchFailed' | 'searchNoResults' | 'searchResultCount' | 'close'
>;

type SearchDialogProps = { indexUrl: string; strings: SearchStrings; onClose: () => void };

const loadedIndexes = new Map<string, Promise<SearchIndex>>();

function loadIndex(url: string): Promise<SearchIndex> {
  let index = loadedIndexes.get(url);
  if (!index) {
    index = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json() as Promise<SearchIndex>;
    });
    index.catch(() => loadedIndexes.delete(url));
    loadedIndexes.set(url, index);
  }
  return index;
}

function Marked({ parts }: { parts: Highlighted }) {
  return parts.map((part, i) =>
    part.match ? (
      <mark key={i} className="rounded-sm bg-amber-200 text-slate-900 dark:bg-amber-300">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

export function SearchDialog({ indexUrl, strings, onClose }: SearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [index, setIndex] = useState<SearchIndex | 'loading' | 'failed'>('loading');
  const [query, setQuery] = useState('');

  useEffect(() => {
    dialog.current?.showModal();
    let current = true;
    loadIndex(indexUrl).then(
      (loaded) => current && setIndex(loaded),
      () => current && setIndex('failed'),
    );
    return () => {
      current = false;
    };
  }, [indexUrl]);

  const results = useMemo(() => (typeof index === 'object' ? search(index, query) : []), [index, query]);
  const status =
    index === 'loading'
      ? strings.searchLoading
      : index === 'failed'
        ? strings.searchFailed
        : !query.trim()
          ? ''
          : results.length
            ? strings.searchResultCount[results.length === 1 ? 'one' : 'other'].replace('{count}', String(results.length))
            : strings.searchNoResults.replace('{query}', query.trim());

  // Up and down arrows move between the search box and the results. Escape closes at once (a
  // search input would otherwise take the first Escape to clear itself).
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.current?.close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [...(dialog.current?.querySelectorAll<HTMLElement>('input, [data-search-result]') ?? [])];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      onKeyDown={onKeyDown}
      onClick={(event) => event.target === dialog.current && dialog.current.close()}
      aria-label={strings.search}
      className="mx-auto mt-[8vh] w-[min(42rem,calc(100vw-1.5rem))] rounded-xl border border-line bg-page p-0 text-ink shadow-2xl backdrop:bg-slate-950/60"
    >
      <form
        role="search"
        className="flex items-center gap-2 border-b border-line p-3"
        onSubmit={(event) => {
          event.preventDefault();
          const first = results[0];
          if (first) router.push(first.document.url);
        }}
      >
        <input
          type="search"
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={strings.searchPlaceholder}
          aria-label={strings.searchPlaceholder}
          className="min-w-0 flex-1 rounded-md bg-transparent px-2 py-1.5 text-base outline-none placeholder:text-ink-faint focus-visible:ring-2 focus-visible:ring-accent-line"
        />
        <button type="button" onClick={() => dialog.current?.close()} className="rounded-md px-2 py-1 text-sm text-ink-muted hover:bg-subtle">
          {strings.close}
        </button>
      </form>
      <p role="status" className="px-4 pt-3 text-sm text-ink-faint empty:hidden">
        {status}
      </p>
      {results.length ? (
        <ul className="max-h-[60vh] overflow-y-auto p-2" data-testid="search-results">
          {results.map(({ document, title, snippet }) => (
            <li key={document.url}>
              <Link
                href={document.url}
                data-search-result
                onClick={() => dialog.current?.close()}
                className="block rounded-lg px-3 py-2 hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-2 focus-visible:outline-accent"
              >
                <span className="block font-medium text-ink-strong">
                  <Marked parts={title} />
                </span>
                <span className="block text-xs text-ink-faint">{document.dateLabel}</span>
                <span className="mt-1 line-clamp-2 block text-sm text-ink-muted">
                  <Marked parts={snippet} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </dialog>
  );
}
