import type { TocEntry } from '@/lib/content/hast';
import { ui, type Lang } from '@/lib/site-config';
import { TocHighlighter } from './toc-highlighter';

type TableOfContentsProps = {
  lang: Lang;
  entries: readonly TocEntry[];
  /** Above the text on phones (collapsible), or the sticky column beside it on wide screens. */
  variant: 'inline' | 'sidebar';
};

function TocList({ entries }: { entries: readonly TocEntry[] }) {
  return (
    <ol className="space-y-1.5 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.depth === 3 ? 'pl-4' : undefined}>
          <a
            href={`#${entry.id}`}
            className="block border-l-2 border-transparent pl-3 text-ink-muted hover:text-accent aria-[current=location]:border-accent aria-[current=location]:font-medium aria-[current=location]:text-accent"
          >
            {entry.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The post's sections: a sticky column beside the text on wide screens, a collapsible list above
 * it on phones. The section being read is highlighted.
 */
export function TableOfContents({ lang, entries, variant }: TableOfContentsProps) {
  if (entries.length < 2) return null;
  const title = ui(lang).tableOfContents;
  if (variant === 'inline') {
    return (
      <details data-toc className="mb-8 rounded-lg border border-line p-4 lg:hidden">
        <summary className="cursor-pointer font-semibold text-ink">{title}</summary>
        <nav aria-label={title} className="mt-3">
          <TocList entries={entries} />
        </nav>
      </details>
    );
  }
  return (
    <aside data-toc className="hidden flex-1 lg:block">
      <nav aria-label={title} className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto">
        <p className="mb-3 text-sm font-semibold text-ink">{title}</p>
        <TocList entries={entries} />
      </nav>
      {/* One highlighter marks the links of both variants. */}
      <TocHighlighter ids={entries.map((entry) => entry.id)} />
    </aside>
  );
}
