import { isOtherSiteUrl } from '@/lib/urls';
import { ui, type Lang } from '@/lib/site-config';

type ItemLinkProps = { lang: Lang; href: string };

/** A section item's call to its external page (a notice's `link`), naming the site it leads to. */
export function ItemLink({ lang, href }: ItemLinkProps) {
  const external = isOtherSiteUrl(href);
  const absolute = href.startsWith('//') ? `https:${href}` : href;
  const host = external ? new URL(absolute).host : undefined;
  return (
    <p className="my-8">
      <a
        href={absolute}
        {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        className="inline-flex items-center gap-2 rounded-lg border border-accent-line bg-accent-soft px-4 py-2 font-medium text-accent hover:underline"
        data-testid="item-link"
      >
        {host ? ui(lang).continueAt(host) : href}
        <span aria-hidden>{external ? '↗' : '→'}</span>
      </a>
    </p>
  );
}
