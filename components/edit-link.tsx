import { siteConfig, ui, type Lang } from '@/lib/site-config';

type EditLinkProps = { lang: Lang; file: string };

/** "Edit this page": the source file on the repository's website, when site.config.json says where that is. */
export function EditLink({ lang, file }: EditLinkProps) {
  if (!siteConfig.editUrl) return null;
  const href = `${siteConfig.editUrl}/${file.split('/').map(encodeURIComponent).join('/')}`;
  return (
    <p className="mt-6 text-sm">
      <a href={href} className="text-ink-muted underline underline-offset-4 hover:text-accent" data-testid="edit-link">
        {ui(lang).editThisPage}
      </a>
    </p>
  );
}
