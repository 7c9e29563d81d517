'use client';

import Link from './link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { search, withTexts, type Highlighted, type SearchIndexFile, type SearchTextFile } from '@/lib/search';
import type { UiStrings } from '@/lib/site-config';

export type SearchStrings = Pick<
  UiStrings,
  | 'search'
  | 'searchPlaceholder'
  | 'searchLoading'
  | 'searchFailed'
  | 'searchLoadingText'
  | 'searchTextFailed'
  | 'searchNoResults'
  | 'searchResultCount'
  | 'close'
>;

/** The language's index and its posts' text (see SearchIndexFile). */
export type SearchFiles = { index: string; text: string };

type SearchDialogProps = { files: SearchFiles; strings: SearchStrings; onClose: () => void; initialQuery?: string };

type Loading<T> = T | 'loading' | 'failed';

const loadedFiles = new Map<string, Promise<unknown>>();

/** A file of the index, fetched once per page view (again after a failure). */
function loadFile<T>(url: string): Promise<T> {
  let file = loadedFiles.get(url);
  if (!file) {
    file = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json();
    });
    file.catch(() => loadedFiles.delete(url));
    loadedFiles.set(url, file);
  }
  return file as Promise<T>;
}

/** Loads a file into state for as long as the dialog is open. */
function useFile<T>(url: string): Loading<T> {
  const [file, setFile] = useState<Loading<T>>('loading');
  useEffect(() => {
    let current = true;
    loadFile<T>(url).then(
      (loaded) => current && setFile(loaded),
      () => current && setFile('failed'),
    );
    return () => {
      current = false;
    };
  }, [url]);
  return file;
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

export function SearchDialog({ files, strings, onClose, initialQuery = '' }: SearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  // Both files are asked for at once; results from titles, tags, headings and summaries show as
  // soon as the small index is here, and the body text completes them when it arrives.
  const indexFile = useFile<SearchIndexFile>(files.index);
  const textFile = useFile<SearchTextFile>(files.text);
  const [query, setQuery] = useState(initialQuery);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // Closing leaves the focus outside the dialog at once. The browser would move it off the
  // hidden search box only at its next frame, and a `/` typed before then would go into that box
  // instead of opening search again.
  const close = () => {
    const closing = dialog.current;
    if (!closing) return;
    closing.close();
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && closing.contains(focused)) focused.blur();
  };

  const index = useMemo(
    () => (typeof indexFile === 'object' ? withTexts(indexFile, typeof textFile === 'object' ? textFile : undefined) : undefined),
    [indexFile, textFile],
  );
  const results = useMemo(() => (index ? search(index, query) : []), [index, query]);
  const found = !query.trim()
    ? ''
    : results.length
      ? strings.searchResultCount[results.length === 1 ? 'one' : 'other'].replace('{count}', String(results.length))
      : strings.searchNoResults.replace('{query}', query.trim());
  const textStatus = textFile === 'loading' ? strings.searchLoadingText : textFile === 'failed' ? strings.searchTextFailed : '';
  const status =
    indexFile === 'loading'
      ? strings.searchLoading
      : indexFile === 'failed'
        ? strings.searchFailed
        : [found, found && textStatus].filter(Boolean).join(' ');

  // Up and down arrows move between the search box and the results. Escape closes at once (a
  // search input would otherwise take the first Escape to clear itself).
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
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
      onClick={(event) => event.target === dialog.current && close()}
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
        <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm text-ink-muted hover:bg-subtle">
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
                onClick={close}
                className="block rounded-lg px-3 py-2 hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-2 focus-visible:outline-accent"
              >
                <span className="block font-medium text-ink-strong">
                  <Marked parts={title} />
                </span>
                {document.dateLabel ? <span className="block text-xs text-ink-faint">{document.dateLabel}</span> : null}
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
